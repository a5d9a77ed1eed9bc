package county

import (
	"strings"
	"testing"

	"junheng/app/format"
)

// Issue 13 problem 5: 10^9 元 of public funds for a 900-pupil school was
// accepted (within the bound of one school's money, never compared with
// the school's size).
func TestAbsurdAmountPerPupilIsRefused(t *testing.T) {
	for _, field := range []string{"public_funds_allocated", "public_funds_budget", "training_funds", "equipment_value"} {
		m := base()
		s := schoolAt(m, 0)
		s["students"] = map[string]any{"primary": 900, "junior": 0, "senior": 0}
		s["classes"] = map[string]any{"primary": 20, "junior": 0}
		if field == "training_funds" { // training funds come out of the budget
			s["public_funds_budget"] = 1e9
		}
		s[field] = 1e9
		_, ps := decodeMap(t, m)
		var hit string
		for _, p := range ps {
			if p.Field == field && p.SchoolID == "A1" {
				hit = p.String()
			}
		}
		if hit == "" {
			t.Errorf("%s = 10^9 元 for 900 pupils accepted: %v", field, ps)
			continue
		}
		spec, _ := Spec(field)
		for _, want := range []string{"甲小学", spec.Label, "1000000000", "900 名学生", "1111111 元", format.Entered(spec.PerPupilMax)} {
			if !strings.Contains(hit, want) {
				t.Errorf("%s: message lacks %q: %s", field, want, hit)
			}
		}
	}
}

// A real amount passes, and a tiny school is counted as 100 pupils (as G6
// does) so its fixed costs are not refused.
func TestPlausibleAmountsPerPupilPass(t *testing.T) {
	m := base()
	s := schoolAt(m, 0) // 500 pupils
	s["public_funds_allocated"] = 500 * 900.0
	s["public_funds_budget"] = 500 * 1000.0
	s["training_funds"] = 500 * 60.0
	point := schoolAt(m, 2) // 20 pupils
	point["public_funds_allocated"] = 65000.0
	point["equipment_value"] = 100 * MaxPerPupilEquipment // at the bound, counted as 100 pupils
	if _, ps := decodeMap(t, m); len(ps) != 0 {
		t.Fatalf("plausible amounts refused: %v", ps)
	}
	point["equipment_value"] = 100*MaxPerPupilEquipment + 1000
	_, ps := decodeMap(t, m)
	if len(ps) != 1 || ps[0].Field != "equipment_value" || !strings.Contains(ps[0].Message, "按 100 人计") {
		t.Fatalf("want one refusal naming the 100-pupil floor: %v", ps)
	}
}

// The demo county and generated counties of every size stay valid.
func TestGeneratedCountiesPassThePerPupilBounds(t *testing.T) {
	for _, n := range []int{1, 10, 300} {
		f := Generate(n, int64(n))
		if ps := Validate(f); len(ps) != 0 {
			t.Errorf("generated county of %d schools: %v", n, ps[:min(len(ps), 3)])
		}
	}
}
