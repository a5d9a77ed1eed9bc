package standard

import (
	"strconv"
	"strings"
	"testing"
)

func TestCatalogueIsComplete(t *testing.T) {
	std := National2017()
	want := []string{"R1", "R2", "R3", "R4", "R5", "R6", "R7", "G1", "G2.1", "G2.2", "G2.3", "G2.4"}
	for i := 3; i <= 15; i++ {
		want = append(want, "G"+itoa(i))
	}
	for i := 1; i <= 9; i++ {
		want = append(want, "Q"+itoa(i))
	}
	want = append(want, "S1")
	for i := 1; i <= 7; i++ {
		want = append(want, "V"+itoa(i))
	}
	for i := 1; i <= 8; i++ {
		want = append(want, "B"+itoa(i))
	}
	for i := 1; i <= 6; i++ {
		want = append(want, "F"+itoa(i))
	}
	seen := map[string]bool{}
	for _, it := range std.Items {
		if seen[it.Code] {
			t.Errorf("%s twice in the catalogue", it.Code)
		}
		seen[it.Code] = true
		if it.Name == "" || PartNames[it.Part] == "" {
			t.Errorf("%s lacks a Chinese name or a known part", it.Code)
		}
	}
	for _, c := range want {
		if !seen[c] {
			t.Errorf("catalogue misses %s", c)
		}
	}
	if len(std.Items) != len(want) {
		t.Errorf("catalogue has %d items, the standard %d", len(std.Items), len(want))
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// The limits of the national table (seed 004's attachment).
func TestResourceLimits(t *testing.T) {
	std := National2017()
	table := map[string][2]float64{"R1": {4.2, 5.3}, "R2": {1, 1}, "R3": {0.9, 0.9}, "R4": {4.5, 5.8}, "R5": {7.5, 10.2}, "R6": {2000, 2500}, "R7": {2.3, 2.4}}
	for code, lim := range table {
		it := std.Item(code)
		if it.Limit("primary") != lim[0] || it.Limit("junior") != lim[1] || it.Cmp != GE {
			t.Errorf("%s limits %v/%v %s, table says ≥ %v/%v", code, it.Primary, it.Junior, it.Cmp.Symbol(), lim[0], lim[1])
		}
	}
	if std.CVLimit("primary") != 0.50 || std.CVLimit("junior") != 0.45 {
		t.Error("CV limits are 0.50 / 0.45")
	}
}

func TestMeetsTolerance(t *testing.T) {
	if !AtLeast(100*(9.0/1000), 0.9) {
		t.Error("100 × (9 / 1000) = 0.8999999999999999 must meet 0.9")
	}
	if AtLeast(0.8999, 0.9) {
		t.Error("0.8999 does not meet 0.9")
	}
	if !AtMost(0.45+1e-15, 0.45) || AtMost(0.4501, 0.45) {
		t.Error("≤ with tolerance")
	}
	if Meets(0.15, 0.15, LT) || !Meets(0.1499, 0.15, LT) {
		t.Error("< is strict")
	}
}

// Every resource indicator has a short name for table headers, shorter
// than its full name and different from the others.
func TestResourceShortNames(t *testing.T) {
	std := National2017()
	seen := map[string]string{}
	for _, code := range ResourceCodes {
		it := std.Item(code)
		s := it.ShortName()
		if s == "" || len([]rune(s)) >= len([]rune(it.Name)) || len([]rune(s)) > 5 {
			t.Errorf("%s: short name %q for %q", code, s, it.Name)
		}
		if other, dup := seen[s]; dup {
			t.Errorf("%s and %s share the short name %q", code, other, s)
		}
		seen[s] = code
	}
}

// The words a header breaks between give the item's name exactly, and none
// is so long that a narrow column must cut it.
func TestResourceNameWords(t *testing.T) {
	std := National2017()
	for _, code := range ResourceCodes {
		it := std.Item(code)
		words := it.NameWords()
		if len(words) < 2 || strings.Join(words, "") != it.Name {
			t.Errorf("%s: words %q do not make up %q", code, words, it.Name)
		}
		for _, w := range words {
			if n := len([]rune(w)); n == 0 || n > 6 {
				t.Errorf("%s: word %q of %d characters", code, w, n)
			}
		}
	}
}
