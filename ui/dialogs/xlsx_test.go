package dialogs

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"junheng/data/xlsx"
	"junheng/ui/uitest"
)

// texts joins the labels, buttons and checkboxes below o in order.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	uitest.Walk(o, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.Check:
			b.WriteString(x.Text + "\n")
		}
	})
	return b.String()
}

// The plan dialog opens with the plan's own summary, the 添加新学校
// checkbox unticked with every new school named, and ticking it both
// confirms the schools in the plan and rewrites the summary.
func TestImportPlanSummaryFirstAndNewSchoolsUnticked(t *testing.T) {
	w := saveWindow(t)
	plan := &xlsx.Plan{File: "回收.xlsx", Year: "2020-2021",
		NewSchools: []xlsx.SchoolRef{{ID: "4199990001", Name: "城南新区小学"}, {ID: "4199990002", Name: "城北新区小学"}},
		Changes: []xlsx.Change{
			{SchoolID: "4141281001", SchoolName: "实验小学", Cell: "学校基本信息!K3", Field: "小学班级数", Old: "29", New: "30"},
			{SchoolID: "4141281002", SchoolName: "二小", Cell: "学校基本信息!Q4", Field: "德育与校园文化评价", Old: "良好", Clear: true},
		},
		Counts: xlsx.Counts{Schools: 4, Values: 60, Unchanged: 40, Changes: 2, Clearings: 1, NewSchools: 2}}
	applied := 0
	d := ImportPlan(plan, "", w, func() { applied++ })

	if d.Summary == nil || d.Summary.Text != plan.Summary() {
		t.Fatalf("the first paragraph is not the plan's summary: %v", d.Summary)
	}
	shown := texts(w.Canvas().Overlays().Top())
	if i, j := strings.Index(shown, plan.Summary()), strings.Index(shown, "添加新学校（2所）"); i < 0 || j < 0 || j < i {
		t.Errorf("summary at %d, checkbox at %d:\n%s", i, j, shown)
	}
	for _, s := range plan.NewSchools {
		if !strings.Contains(shown, fmt.Sprintf("「%s」（%s）", s.Name, s.ID)) {
			t.Errorf("the dialog does not name %s:\n%s", s.Name, shown)
		}
	}
	if d.NewSchools == nil || d.NewSchools.Checked || plan.AddNewSchools {
		t.Fatal("添加新学校 is not there, or ticked before the clerk ticks it")
	}
	unticked := d.Summary.Text
	test.Tap(d.NewSchools)
	if !plan.AddNewSchools {
		t.Error("ticking 添加新学校 does not confirm the new schools in the plan")
	}
	if d.Summary.Text == unticked || d.Summary.Text != plan.Summary() {
		t.Errorf("the summary is not rewritten after ticking: %q", d.Summary.Text)
	}
	test.Tap(d.Apply)
	if applied != 1 {
		t.Errorf("确认导入 applied %d times", applied)
	}
}

// A plan without new schools has no checkbox.
func TestImportPlanWithoutNewSchoolsHasNoCheckbox(t *testing.T) {
	w := saveWindow(t)
	plan := &xlsx.Plan{File: "回收.xlsx", Year: "2020-2021",
		Changes: []xlsx.Change{{Cell: "县级基本情况!C6", Field: "人口总数", Old: "13.58", New: "14.58"}},
		Counts:  xlsx.Counts{Values: 1, Changes: 1}}
	d := ImportPlan(plan, "", w, func() {})
	if d.NewSchools != nil || strings.Contains(texts(w.Canvas().Overlays().Top()), "添加新学校") {
		t.Error("a plan without new schools shows 添加新学校")
	}
	if d.Apply.Disabled() {
		t.Error("确认导入 is disabled for a plan with changes")
	}
}
