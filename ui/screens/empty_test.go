package screens

import (
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/ui/uitest"
)

// A county without schools is judged nowhere: 首页 says to add schools
// first and 资源配置 reads 无学校, never 达标; its button leads to 学校档案.
func TestEmptyCountyIsNotPassed(t *testing.T) {
	fx := newFixtureOn(t, &county.File{Format: county.Format, Year: "2024-2025", County: county.Profile{Name: "新县", Code: "419999"}})
	var went string
	fx.env.Goto = func(page, _ string) { went = page }
	h := fx.show(Home).(*home)
	if !strings.Contains(h.verdict.Text, "尚无学校") || !strings.Contains(h.verdict.Text, "新增学校") {
		t.Fatalf("首页 says %q", h.verdict.Text)
	}
	row := strings.Join(texts(h.parts.Objects[0]), " ")
	if !strings.Contains(row, "资源配置") || !strings.Contains(row, "无学校") || strings.Contains(row, "达标") {
		t.Fatalf("资源配置 reads %q", row)
	}
	for _, o := range h.parts.Objects {
		if r := strings.Join(texts(o), " "); strings.Contains(r, "✓") {
			t.Errorf("a part of an empty county reads %q", r)
		}
	}
	uitest.Tap(t, h.Object(), "去新增学校")
	if went != Schools {
		t.Fatalf("the button leads to %q", went)
	}
}

// The schools of a stage read as one count: those counted, then those
// left out, not a sum that looks like more schools than there are.
func TestHomeCountsSchoolsOnce(t *testing.T) {
	fx := newFixture(t)
	h := fx.show(Home).(*home)
	if !strings.HasPrefix(h.schools.Text, "小学：纳入计算 ") || strings.Contains(h.schools.Text, "所未达标，") {
		t.Fatalf("首页 counts %q", h.schools.Text)
	}
}
