package county

import (
	"strings"
	"testing"

	"junheng/app/format"
)

// What clerks type that is one number: read as that number.
func TestParseNumberAccepts(t *testing.T) {
	cases := []struct {
		family, in string
		want       float64
	}{
		{"plain", "45", 45},
		{"plain decimal", "4.5", 4.5},
		{"leading dot", ".5", 0.5},
		{"zero", "0", 0},
		{"full-width digits", "４５", 45},
		{"full-width decimal point", "４．５", 4.5},
		{"full-width mixed", "1２0０", 1200},
		{"thousands comma", "12,345", 12345},
		{"thousands full-width comma", "12，345", 12345},
		{"thousands full-width both", "１２，３４５．５", 12345.5},
		{"thousands millions", "10,000,000", 1e7},
		{"spaces around", "  45  ", 45},
		{"ideographic space around", "\u300045\u3000", 45},
		{"tab and no-break space", "\t45\u00a0", 45},
		{"plus sign", "+45", 45},
		{"exponent", "1.2e3", 1200},
	}
	for _, c := range cases {
		got, why := ParseNumber(c.in)
		if why != "" || got != c.want {
			t.Errorf("%s: ParseNumber(%q) = %v, %q; want %v", c.family, c.in, got, why, c.want)
		}
	}
}

// What only looks like a number is refused with a reason that says what to
// type instead.
func TestParseNumberRefuses(t *testing.T) {
	cases := []struct {
		family, in string
		want       string // part of the reason
	}{
		{"empty", "", "没有填写"},
		{"only blanks", " \u3000 ", "没有填写"},
		{"unit ㎡", "45㎡", "不要填写单位「㎡」"},
		{"unit 人 with space", "12 人", "不要填写单位「人」"},
		{"unit 元 full-width digits", "１２元", "不要填写单位「元」"},
		{"unit 万元", "3.5万元", "不要填写单位「万元」"},
		{"unit m2", "45m2", "不要带文字或单位"},
		{"date with dashes", "2021-9-1", "日期"},
		{"date with slashes", "2021/9/1", "日期"},
		{"date in Chinese", "2021年9月", "日期"},
		{"date with dots", "2021.9.1", "日期"},
		{"year and month", "2021-09", "日期"},
		{"negative", "-5", "不能为负数"},
		{"full-width minus", "－５", "不能为负数"},
		{"percent", "12%", "写成小数"},
		{"full-width percent", "12％", "写成小数"},
		{"Chinese full stop", "4。5", "小数点请用"},
		{"bad grouping", "1,2", "千位分隔符"},
		{"list typed with comma", "98,96", "千位分隔符"},
		{"space inside", "1 200", "中间不要有空格"},
		{"words", "三千", "不是数字"},
		{"hex", "0x10", "不是数字"},
		{"infinity word", "Inf", "不是数字"},
		{"NaN word", "NaN", "不是数字"},
		{"overflow", "1e400", "太大"},
		{"two points", "4.5.", "不是数字"},
	}
	for _, c := range cases {
		got, why := ParseNumber(c.in)
		if why == "" || !strings.Contains(why, c.want) {
			t.Errorf("%s: ParseNumber(%q) = %v, %q; want a reason containing %q", c.family, c.in, got, why, c.want)
		}
		if got != 0 {
			t.Errorf("%s: a refused text must give 0, got %v", c.family, got)
		}
		for _, r := range why {
			if (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') && !strings.ContainsRune(c.in, r) {
				t.Errorf("%s: reason has English in it: %q", c.family, why)
				break
			}
		}
	}
}

func TestParseTextByKind(t *testing.T) {
	students, _ := Spec("students.primary")
	area, _ := Spec("area_teaching_aux")
	rooms, _ := Spec("music_rooms")
	charter, _ := Spec("charter")
	typ, _ := Spec("type")
	id, _ := Spec("id")
	nm, _ := Spec("name")
	date, _ := Spec("county.application.date")
	ok := []struct {
		spec FieldSpec
		in   string
		want string // fmt of the value
	}{
		{students, "1,200", "1200"},
		{students, "１２００", "1200"},
		{students, "45.0", "45"},
		{area, "6400.5", "6400.5"},
		{rooms, "98、96", "[98 96]"},
		{rooms, "９８；９６", "[98 96]"},
		{rooms, "无", "[]"},
		{charter, "是", "true"},
		{charter, " 否 ", "false"},
		{typ, "小学", "小学"},
		{id, "'4141028101", "4141028101"},
		{id, "４１４１０２８１０１\u3000", "4141028101"},
		{nm, "义马市第一小学", "义马市第一小学"},
		{date, "2025年3月8日", "2025-03-08"},
		{date, "2025/3/8", "2025-03-08"},
	}
	for _, c := range ok {
		v, empty, why := c.spec.ParseText(c.in)
		if why != "" || empty || fmtValue(v) != c.want {
			t.Errorf("%s.ParseText(%q) = %v, %v, %q; want %s", c.spec.Path, c.in, v, empty, why, c.want)
		}
	}
	bad := []struct {
		spec FieldSpec
		in   string
		want string
	}{
		{students, "300.5", "应为整数"},
		{students, "20001", "不能大于 20,000人"},
		{students, "9007199254740992", "不能大于 20,000人"},
		{students, "12人", "不要填写单位"},
		{area, "1.7e308", "不能大于 10,000,000㎡"},
		{area, "2021-9-1", "日期"},
		{rooms, "98,96", "千位分隔符"},
		{rooms, "0", "不能小于 1㎡"},
		{charter, "有", "「是」或「否」"},
		{typ, "高中", "应为以下之一"},
		{id, "41 41", "中间不能有空格"},
		{nm, "第一\x1b小学", "控制字符"},
		{nm, strings.Repeat("校", 101), "名称过长"},
		{date, "2025-02-30", "不是实际存在的日期"},
		{date, "明年", "不是日期"},
	}
	for _, c := range bad {
		v, _, why := c.spec.ParseText(c.in)
		if v != nil || !strings.Contains(why, c.want) {
			t.Errorf("%s.ParseText(%q) = %v, %q; want a reason containing %q", c.spec.Path, c.in, v, why, c.want)
		}
	}
	for _, in := range []string{"", "  ", "\u3000"} {
		if v, empty, why := students.ParseText(in); v != nil || !empty || why != "" {
			t.Errorf("ParseText(%q) must mean 'not provided', got %v %v %q", in, v, empty, why)
		}
	}
}

func fmtValue(v any) string {
	switch x := v.(type) {
	case []float64:
		parts := make([]string, len(x))
		for i, f := range x {
			parts[i] = format.Entered(f)
		}
		return "[" + strings.Join(parts, " ") + "]"
	case float64:
		return format.Entered(x)
	case int:
		return format.Entered(float64(x))
	case bool:
		if x {
			return "true"
		}
		return "false"
	case string:
		return x
	}
	return "?"
}

func TestCleanID(t *testing.T) {
	cases := map[string]string{
		"4141028101":             "4141028101",
		"  4141028101 ":          "4141028101",
		"\u30004141028101\u3000": "4141028101",
		"４１４１０２８１０１":             "4141028101",
		"'4141028101":            "4141028101",
		"＇4141028101":            "4141028101",
		"' 4141028101":           "4141028101",
		"ＡＢ１２":                   "AB12",
		"''41":                   "'41", // only one apostrophe is LibreOffice's
		"41'":                    "41'",
	}
	for in, want := range cases {
		if got := CleanID(in); got != want {
			t.Errorf("CleanID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCheckName(t *testing.T) {
	good := []string{"义马市第一小学", "A&B 学校", "第（一）小学", strings.Repeat("校", 100)}
	for _, s := range good {
		if why := CheckName(s); why != "" {
			t.Errorf("CheckName(%q) = %q, want ok", s, why)
		}
	}
	bad := map[string]string{
		"ESC":         "第一\x1b[31m小学",
		"NUL":         "第一\x00小学",
		"DEL":         "第一\x7f小学",
		"C1":          "第一\u0085小学",
		"newline":     "第一\n小学",
		"RLO":         "第一\u202e学小",
		"LRI":         "第一\u2066小学",
		"LRM":         "第一\u200e小学",
		"invalid":     "第一\xb5\xda小学",
		"replacement": "第一\ufffd小学",
		"too long":    strings.Repeat("校", 101),
		"100k":        strings.Repeat("校", 100000),
	}
	for family, s := range bad {
		if why := CheckName(s); why == "" {
			t.Errorf("%s: CheckName accepted %q", family, shortQuote(s))
		}
	}
	if why := CheckText("第一行\n第二行\t续", 0); why != "" {
		t.Errorf("free text keeps line breaks and tabs: %q", why)
	}
	if why := CheckText("a\x1bb", 0); why == "" {
		t.Error("free text must refuse ESC")
	}
}
