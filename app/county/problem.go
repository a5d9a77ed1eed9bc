package county

import (
	"fmt"
	"slices"
	"strings"
)

// Problem is one thing wrong with a county file, worded for the clerk: it
// names the school (when the field belongs to one), the field and the value.
type Problem struct {
	SchoolID   string // input id of the school, "" for county fields
	SchoolName string
	Field      string // JSON path inside the school (or the file), e.g. teachers.primary.certified
	Value      string // the offending value as written, "" when absent
	Message    string // what is wrong, in Chinese

	pos int // school position + 1, 0 for the county: keeps problems in file order
}

// Label is the Chinese name of the field.
func (p Problem) Label() string { return FieldLabel(p.Field) }

// String renders the problem as one Chinese sentence.
func (p Problem) String() string {
	var b strings.Builder
	if p.SchoolID != "" || p.SchoolName != "" {
		name := visible(p.SchoolName, NameMaxLen)
		if name == "" {
			name = "（未命名）"
		}
		fmt.Fprintf(&b, "学校「%s」", name)
		if p.SchoolID != "" {
			fmt.Fprintf(&b, "（%s）", visible(p.SchoolID, IDMaxLen))
		}
		b.WriteString("：")
	}
	label := p.Label()
	if p.Field == fileField {
		return "整个文件：" + p.Message
	}
	if label != "" && label != p.Field {
		fmt.Fprintf(&b, "%s（%s）", label, p.Field)
	} else {
		fmt.Fprintf(&b, "字段 %s", p.Field)
	}
	if p.Value != "" {
		fmt.Fprintf(&b, " = %s", p.Value)
	}
	b.WriteString("：")
	b.WriteString(p.Message)
	return b.String()
}

// fileField is the Field of a problem of the file as a whole (not JSON,
// not UTF-8).
const fileField = "(文件)"

// Problems is every problem found in one pass. It is an error when non-empty.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return fmt.Sprintf("县域数据有 %d 处问题：\n%s", len(ps), strings.Join(lines, "\n"))
}

// sorted orders problems as the file reads: county first, then each school.
func (ps Problems) sorted() Problems {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		if a.pos != b.pos {
			return a.pos - b.pos
		}
		return strings.Compare(a.Field, b.Field)
	})
	return ps
}
