package xlsx

import (
	"slices"
	"strconv"
	"strings"

	"junheng/app/county"
	"junheng/app/format"
)

// ClearWord typed alone in a cell clears the saved value. An empty cell
// means "not provided" and never clears anything: a blank or half-filled
// workbook cannot wipe what the bureau has saved.
const ClearWord = "清空"

// NotApplicable marks, in a workbook, a field of a stage the school does
// not have (a 小学's 初中在校生数). Read back, it is an empty cell: not
// provided.
const NotApplicable = "不适用"

// clearMark is the parsed value of a cell holding ClearWord.
type clearMark struct{}

var cleared any = clearMark{}

// isClear reports whether a parsed value asks to clear the field.
func isClear(v any) bool { _, ok := v.(clearMark); return ok }

// parse reads one cell through the one parser of the catalogue
// (FieldSpec.ParseText: full-width digits and thousands separators
// accepted, units, dates and negative quantities refused, the field's
// bounds checked). raw is the stored text of the cell; an empty cell is
// nil (not provided), ClearWord is cleared. A non-empty reason means the
// cell is wrong; it says what to type instead and never repeats the value
// (the message shows it once).
func (c *column) parse(raw string) (val any, reason string) {
	s := strings.TrimSpace(raw)
	if s == "" || s == NotApplicable {
		return nil, ""
	}
	if s == ClearWord {
		return cleared, ""
	}
	v, empty, why := c.spec.ParseText(s)
	switch {
	case why != "" && commaList(s):
		if c.kind == kList {
			return nil, "多间教室的面积请用顿号「、」分隔，不用逗号（如 98、96）"
		}
		return nil, "是几个数，这一格只填一个数（逗号只用作每三位一个的千位分隔符，如 12,345）"
	case why != "":
		return nil, withoutValue(s, why)
	case empty:
		return nil, ""
	}
	return v, ""
}

// commaList reports whether a cell holds several numbers separated by
// commas (「98，99，101」), not one number with thousands separators: the
// clerk listed values, and the reason says so rather than speaking of
// separators.
func commaList(s string) bool {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' })
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if _, why := county.ParseNumber(p); why != "" {
			return false
		}
	}
	return true
}

// withoutValue drops from a reason the value the message shows already:
// 「9-3」中「9-3」不是数字 says it twice.
func withoutValue(value, reason string) string {
	q := "「" + value + "」"
	for _, dup := range []string{q + "：" + q, q + q} {
		reason = strings.ReplaceAll(reason, dup, q)
	}
	if r, ok := strings.CutPrefix(reason, q); ok {
		reason = strings.TrimPrefix(r, "：")
	}
	if reason == "" {
		reason = "无法识别"
	}
	return reason
}

// short is the field's label without its unit: 小学在校生数.
func (c *column) short() string {
	if c.path == "group" {
		return hdrGroup
	}
	return c.spec.Label
}

// cellValue is what the template writes for a field value: numbers as
// numbers, yes/no as 是/否, room lists as text.
func (c *column) cellValue(v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case float64:
		if x == 0 {
			return 0.0 // an input of −0 (JSON allows it) is written as 0, not "-0"
		}
	case bool:
		if x {
			return "是"
		}
		return "否"
	case []float64:
		if len(x) == 0 {
			return "无"
		}
		parts := make([]string, len(x))
		for i, a := range x {
			parts[i] = strconv.FormatFloat(a, 'f', -1, 64)
		}
		return strings.Join(parts, "、")
	}
	return v
}

// display prints a value for the list of changes, through app/format.
func (c *column) display(v any) string {
	switch x := v.(type) {
	case nil:
		return format.Missing
	case int:
		if c.path == "year" || strings.HasSuffix(c.path, "target_year") {
			return strconv.Itoa(x)
		}
		return format.Int(x)
	case float64:
		return format.Number(x, decimalsOf(x, c.decimals))
	case bool:
		return c.cellValue(x).(string)
	case []float64:
		if len(x) == 0 {
			return "无"
		}
		parts := make([]string, len(x))
		for i, a := range x {
			parts[i] = format.Number(a, decimalsOf(a, 0))
		}
		return strings.Join(parts, "、")
	case string:
		return x
	}
	return ""
}

// decimalsOf is the number of decimals that shows x exactly (at most 6),
// and at least least.
func decimalsOf(x float64, least int) int {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	d := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		d = len(s) - i - 1
	}
	return min(max(least, d), 6)
}

// equal compares two field values.
func equal(a, b any) bool {
	la, okA := a.([]float64)
	lb, okB := b.([]float64)
	if okA || okB {
		return okA && okB && slices.Equal(la, lb)
	}
	return a == b
}
