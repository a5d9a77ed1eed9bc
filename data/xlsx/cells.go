package xlsx

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"junheng/app/format"
)

// Limits beyond which a number is a typing mistake rather than data.
const (
	maxInt   = 1e9
	maxFloat = 1e13
)

var digitFold = strings.NewReplacer(
	"０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6", "７", "7", "８", "8", "９", "9",
	"．", ".", "－", "-", "，", ",", "　", "", " ", "", "\u00a0", "")

// number reads a number as clerks type it: full-width digits, thousands
// separators and stray spaces are accepted; NaN, Inf and hex are not.
func number(raw string) (float64, bool) {
	s := strings.ReplaceAll(digitFold.Replace(raw), ",", "")
	if s == "" {
		return 0, false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+' || r == 'e' || r == 'E') {
			return 0, false
		}
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, false
	}
	return x, true
}

var trueWords = []string{"是", "有", "Y", "YES", "TRUE", "1", "√", "✓"}
var falseWords = []string{"否", "无", "没有", "N", "NO", "FALSE", "0", "×", "✗"}

// listSeparators split the room areas of one cell.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("、,，;；/ \t\n\r　", r)
	})
}

// parse reads one cell. raw is the stored text of the cell; an empty cell
// is nil (未填报). A non-empty reason means the cell is wrong.
func (c *column) parse(raw string) (val any, reason string) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return nil, ""
	}
	switch c.kind {
	case kText:
		return s, ""
	case kInt, kFloat:
		x, ok := number(s)
		switch {
		case !ok:
			return nil, "不是数字"
		case x < 0:
			return nil, "不能为负数"
		case c.kind == kInt && x != math.Trunc(x):
			return nil, "应为整数"
		case c.kind == kInt && x > maxInt, x > maxFloat:
			return nil, "数值过大，请检查是否多输了位数"
		case c.kind == kInt:
			return int(x), ""
		}
		return x, ""
	case kBool:
		u := strings.ToUpper(s)
		if slices.Contains(trueWords, u) {
			return true, ""
		}
		if slices.Contains(falseWords, u) {
			return false, ""
		}
		return nil, "应填「是」或「否」"
	case kEnum:
		if slices.Contains(c.enum, s) {
			return s, ""
		}
		return nil, "不是有效的" + c.short() + "（应为：" + strings.Join(c.enum, "、") + "）"
	case kList:
		if s == "无" || s == "没有" {
			return []float64{}, ""
		}
		var out []float64
		for _, part := range splitList(s) {
			x, ok := number(part)
			switch {
			case !ok:
				return nil, "中「" + part + "」不是数字（每间教室填一个面积，用顿号分隔；没有填「无」）"
			case x < 0:
				return nil, "中「" + part + "」为负数"
			case x > maxFloat:
				return nil, "中「" + part + "」数值过大"
			}
			out = append(out, x)
		}
		if out == nil {
			return nil, "不是数字"
		}
		return out, ""
	}
	return nil, "无法识别"
}

// short is the header without its unit: 小学在校生数（人） → 小学在校生数.
func (c *column) short() string {
	if i := strings.Index(c.header, "（"); i > 0 {
		return c.header[:i]
	}
	return c.header
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
