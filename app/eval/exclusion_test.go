package eval

import (
	"strings"
	"testing"

	"junheng/app/county"
)

func excludedReason(st *Stage, id string) string {
	for _, e := range st.Excluded {
		if e.ID == id {
			return e.Reason
		}
	}
	return ""
}

func TestWhoEnters(t *testing.T) {
	parent := school("P", "小学", 900, 0, 0)
	small := school("TP1", "教学点", 30, 0, 0)
	small.ParentID = county.S("P")
	big := school("TP2", "教学点", 50, 0, 0)
	big.ParentID = county.S("P")
	private := school("M", "小学", 600, 0, 0)
	private.Private = county.B(true)
	special := county.School{ID: "SP", Name: "特校", Type: "特殊教育学校", Students: county.Students{Primary: county.I(60)}, PublicFundsAllocated: county.F(400000)}
	empty := school("E", "九年一贯制", 500, 0, 0)
	f := countyOf(parent, small, big, private, special, empty, school("J", "初中", 0, 700, 0))

	r := Run(f)
	st := r.Stages.Primary
	if !strings.Contains(excludedReason(st, "TP1"), "不足50人") {
		t.Errorf("a teaching point of 30 is left out with its reason, got %q", excludedReason(st, "TP1"))
	}
	find(t, st, "TP2") // 50 students: enters as its own unit
	find(t, st, "M")   // private schools enter by default
	if !strings.Contains(excludedReason(st, "SP"), "特殊教育学校") {
		t.Errorf("special school reason: %q", excludedReason(st, "SP"))
	}
	if r.Stages.Junior == nil || !strings.Contains(excludedReason(r.Stages.Junior, "E"), "初中在校生为0") {
		t.Errorf("a 九年一贯制 with no junior students is listed as left out of the junior stage")
	}
	if find(t, st, "P").Students != 900 {
		t.Error("by default the parent keeps its own students")
	}

	opts := DefaultOptions()
	opts.MergeTeachingPoints, opts.ExcludePrivate, opts.IncludeSpecial = true, true, true
	r = Evaluate(f, national, opts)
	st = r.Stages.Primary
	if p := find(t, st, "P"); p.Students != 930 || len(p.Merged) != 1 || p.Merged[0] != "TP1" {
		t.Errorf("merged: parent has %d students, merged %v; want 930 and [TP1]", p.Students, p.Merged)
	}
	if !strings.Contains(excludedReason(st, "M"), "民办") {
		t.Error("private school must be left out when the setting says so")
	}
	find(t, st, "SP")

	opts = DefaultOptions()
	opts.TeachingPointThreshold = 20
	find(t, Evaluate(f, national, opts).Stages.Primary, "TP1")
}

// Missing inputs are never a pass: the school part fails, the coefficient
// is not computed, and the verdict says what is missing.
func TestMissingDataIsNeverAPass(t *testing.T) {
	a, b := school("A", "小学", 800, 0, 0), school("B", "小学", 400, 0, 0)
	b.EquipmentValue = nil
	r := Run(countyOf(a, b))
	sp := find(t, r.Stages.Primary, "B")
	if sp.Pass || sp.Values["R6"] != nil || len(sp.Missing) != 1 || sp.Missing[0] != "R6" {
		t.Errorf("B without equipment value: pass %v, missing %v", sp.Pass, sp.Missing)
	}
	if r.Stages.Primary.CV["R6"] != nil || r.Stages.Primary.CVPass["R6"] {
		t.Error("R6 CV cannot be computed with a school missing")
	}
	found := false
	for _, m := range r.Verdict.Missing {
		if strings.Contains(m, "学校B") && strings.Contains(m, "R6") {
			found = true
		}
	}
	if !found || r.Verdict.Pass {
		t.Errorf("verdict must list B's R6 as missing: %v", r.Verdict.Missing)
	}
	// County facts absent: every one is 未填报, none passes.
	for _, code := range []string{"G1", "G8", "G9", "Q1", "Q9", "S1", "V1", "F1", "F6"} {
		if it := r.Items[code]; it.Pass || !it.Missing {
			t.Errorf("%s without data: pass %v missing %v", code, it.Pass, it.Missing)
		}
	}
	mustJSON(t, r)
}
