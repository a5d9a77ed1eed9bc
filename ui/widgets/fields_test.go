package widgets

import (
	"testing"

	"junheng/app/county"
)

// The forms parse with the one parser: what it refuses is refused here with
// its reason, what it reads is read the same.
func TestFormsParseWithTheOneParser(t *testing.T) {
	for _, in := range []string{"", "1,200", " 98.5 ", "１２", "abc", "-3", "NaN", "Inf", "1e400", "12㎡", "2024-05-01"} {
		x, msg := ParseFloat(in)
		want, why := county.ParseNumber(in)
		switch {
		case in == "":
			if x != nil || msg != "" {
				t.Errorf("ParseFloat(\"\") = %v, %q: empty is 未填报", x, msg)
			}
		case why != "":
			if x != nil || msg == "" {
				t.Errorf("ParseFloat(%q) = %v, %q; the parser refuses it: %s", in, x, msg, why)
			}
		default:
			if x == nil || *x != want || msg != "" {
				t.Errorf("ParseFloat(%q) = %v, %q; the parser reads %v", in, x, msg, want)
			}
		}
	}
	if n, msg := ParseInt("12.5"); n != nil || msg == "" {
		t.Errorf("ParseInt(12.5) = %v, %q", n, msg)
	}
	if n, msg := ParseInt("2,000"); n == nil || *n != 2000 || msg != "" {
		t.Errorf("ParseInt(2,000) = %v, %q", n, msg)
	}
}

func TestLabelsComeFromTheCatalogue(t *testing.T) {
	for _, path := range []string{"area_teaching_aux", "teachers.junior.backbone", "public_funds_allocated"} {
		sp, ok := county.Spec(path)
		if !ok {
			t.Fatalf("%s not in the catalogue", path)
		}
		f := Float[county.School](path, "x", "", func(s *county.School) **float64 { return &s.AreaTeachingAux })
		if f.Label != sp.Label || f.Unit != sp.Unit || Label(path) != sp.Label {
			t.Errorf("%s: label %q unit %q, catalogue %q %q", path, f.Label, f.Unit, sp.Label, sp.Unit)
		}
	}
}
