package county

import (
	"strings"
	"testing"
)

// Issue 21 §8, as found: G8 passed with both salaries 0 (0 is not below
// 0). A yearly pay of 0 元 is refused, naming the field.
func TestG8SalariesMustBePositive(t *testing.T) {
	f := Generate(3, 1)
	zero := 0.0
	if f.County.Gov.G8 == nil {
		f.County.Gov.G8 = &G8{}
	}
	f.County.Gov.G8.TeacherAvgPay, f.County.Gov.G8.CivilServantAvgPay = &zero, &zero
	ps := Validate(f)
	all := ps.Error()
	for _, want := range []string{"G8 教师年平均工资", "G8 当地公务员年平均工资"} {
		if !strings.Contains(all, want) {
			t.Errorf("0 salaries: no problem naming %s:\n%s", want, all)
		}
	}
}

// Issue 21 §8, as found: a school or county name of blanks only was
// accepted. Blanks (full-width ones too) are no name.
func TestBlankNamesAreRefused(t *testing.T) {
	f := Generate(3, 1)
	f.County.Name = " \u3000 "
	f.Schools[1].Name = "   "
	all := Validate(f).Error()
	for _, want := range []string{"县（市、区）名称不能为空", "学校名称不能为空"} {
		if !strings.Contains(all, want) {
			t.Errorf("blank names: no %q:\n%s", want, all)
		}
	}
}
