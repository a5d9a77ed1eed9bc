package entry

import (
	"fmt"
	"testing"

	"junheng/app/county"
	"junheng/assets/demo"
)

func TestItemCodesExpandRanges(t *testing.T) {
	for in, want := range map[string]string{
		"R1–R3、G12": "[R1 R2 R3 G12]", "R1–R7、G4": "[R1 R2 R3 R4 R5 R6 R7 G4]", "G6、G7": "[G6 G7]", "": "[]", "B8": "[B8]",
	} {
		if got := fmt.Sprint(ItemCodes(in)); got != want {
			t.Errorf("ItemCodes(%q) = %s, want %s", in, got, want)
		}
	}
}

// The field opened for an item serves it, belongs to its stage and applies
// to the school; for a missing item it is an empty one.
func TestFixFieldServesTheItem(t *testing.T) {
	f := demo.File()
	for _, s := range f.Schools {
		for _, code := range []string{"R1", "R2", "R3", "R4", "R5", "R6", "R7", "G3", "G5", "G12", "G13", "Q3", "Q4", "Q6"} {
			for _, stage := range []string{"primary", "junior"} {
				sp, _ := county.Spec("students." + stage)
				if !sp.AppliesTo(s.Type) {
					continue
				}
				path := FixField(code, stage, &county.School{Type: s.Type})
				spec, ok := county.Spec(path)
				if !ok || !contains(ItemCodes(spec.Item), code) || (spec.Stage != "" && spec.Stage != stage) || !spec.AppliesTo(s.Type) {
					t.Fatalf("%s %s %s (%s) → %q (%+v)", s.Type, code, stage, s.Name, path, spec)
				}
			}
		}
	}
	s := f.Schools[0]
	s.Teachers.Primary = &county.TeacherCounts{FullTime: county.I(40)} // certified missing
	if got := FixField("G12", "primary", &s); got != "teachers.primary.certified" {
		t.Fatalf("missing G12 opens %q", got)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
