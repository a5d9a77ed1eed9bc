package dossier

import (
	"strings"
	"testing"

	"junheng/app/eval"
	"junheng/assets/demo"
)

// Two schools whose names contain each other fail the same per-school
// item; each sheet must list its own gap and not the other's.
func TestSchoolItemsMatchBySchoolNotByName(t *testing.T) {
	f := demo.File()
	first, branch := &f.Schools[1], &f.Schools[2]
	if first.Name != "义马市第一小学" {
		t.Fatalf("demo changed: %s", first.Name)
	}
	branch.Name = first.Name + "分校"
	big := 52
	branch.LargestClass.Primary = &big
	r := eval.Run(f)
	if g := r.Items["G5"]; g == nil || len(g.Schools) < 2 {
		t.Fatalf("both schools should fail G5: %+v", g)
	}
	own := strings.Join(schoolItemLines(r, first.ID), "\n")
	other := strings.Join(schoolItemLines(r, branch.ID), "\n")
	if strings.Contains(own, branch.Name) || strings.Contains(own, "52 人") {
		t.Errorf("第一小学's sheet lists the branch school's gap:\n%s", own)
	}
	if !strings.Contains(own, "48 人") {
		t.Errorf("第一小学's sheet lost its own gap:\n%s", own)
	}
	if !strings.Contains(other, branch.Name) || !strings.Contains(other, "52 人") || strings.Contains(other, "48 人") {
		t.Errorf("the branch school's sheet:\n%s", other)
	}
}
