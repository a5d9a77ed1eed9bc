package xlsx

import (
	"fmt"
	"strings"
)

// CellError is one problem of an imported workbook, named by sheet and
// cell so that the clerk finds it: 学校基本信息!D7 小学在校生数「一千」不是数字.
// Sheet and Cell are empty for a problem of the whole file.
type CellError struct {
	// School names the school of the row: 「城关一小」（4112810001）.
	School  string
	Sheet   string
	Cell    string // A1 reference, "" for a whole sheet or file
	Field   string // the column's name without unit, "" when none
	Value   string // the cell's text as typed, "" when empty
	Message string
}

func (e CellError) String() string {
	var b strings.Builder
	switch {
	case e.Sheet != "" && e.Cell != "":
		fmt.Fprintf(&b, "%s!%s ", e.Sheet, e.Cell)
	case e.Sheet != "":
		fmt.Fprintf(&b, "工作表「%s」：", e.Sheet)
	}
	if e.School != "" {
		b.WriteString("学校" + e.School)
		if e.Field != "" {
			b.WriteString("的")
		} else {
			b.WriteString("：")
		}
	}
	b.WriteString(e.Field)
	if e.Value != "" {
		fmt.Fprintf(&b, "「%s」", e.Value)
	} else if e.Field != "" && !strings.HasPrefix(e.Message, "：") {
		b.WriteString("：")
	}
	b.WriteString(e.Message)
	return b.String()
}

// Errors is every problem found in a workbook, in sheet and row order. A
// workbook with any is not imported at all.
type Errors []CellError

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.String()
	}
	return fmt.Sprintf("工作簿有 %d 处问题，未导入任何数据：\n%s", len(es), strings.Join(lines, "\n"))
}
