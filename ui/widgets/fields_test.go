package widgets

import "testing"

func TestParseNumbers(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
		nil_ bool
		msg  string
	}{
		{"", 0, true, ""},
		{"1,200", 1200, false, ""},
		{" 98.5 ", 98.5, false, ""},
		{"１２", 12, false, ""}, // full-width digits, as the Excel import takes them
		{"abc", 0, true, "请填写数字"},
		{"-3", 0, true, "不能为负数"},
		{"NaN", 0, true, "请填写数字"},
		{"Inf", 0, true, "请填写数字"},
		{"1e400", 0, true, "请填写数字"},
	} {
		x, msg := ParseFloat(c.in)
		if msg != c.msg || (x == nil) != c.nil_ || (x != nil && *x != c.want) {
			t.Errorf("ParseFloat(%q) = %v, %q", c.in, x, msg)
		}
	}
	if n, msg := ParseInt("12.5"); n != nil || msg != "请填写整数" {
		t.Errorf("ParseInt(12.5) = %v, %q", n, msg)
	}
	if n, msg := ParseInt("-1"); n != nil || msg != "不能为负数" {
		t.Errorf("ParseInt(-1) = %v, %q", n, msg)
	}
	if n, msg := ParseInt("2,000"); n == nil || *n != 2000 || msg != "" {
		t.Errorf("ParseInt(2,000) = %v, %q", n, msg)
	}
}

func TestLabelDropsUnit(t *testing.T) {
	if got := Label("area_teaching_aux"); got != "教学及辅助用房面积" {
		t.Errorf("Label = %q", got)
	}
	if got := Label("teachers.junior.backbone"); got != "初中县级以上骨干教师数" {
		t.Errorf("Label = %q", got)
	}
}
