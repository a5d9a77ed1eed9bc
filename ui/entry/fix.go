package entry

import (
	"slices"
	"strconv"
	"strings"

	"junheng/app/county"
)

// ItemCodes expands the catalogue's Item of a field ("R1–R3、G12") into
// codes (R1, R2, R3, G12).
func ItemCodes(item string) []string {
	var out []string
	for _, part := range strings.Split(item, "、") {
		a, b, ok := strings.Cut(part, "–")
		if !ok {
			if part != "" {
				out = append(out, part)
			}
			continue
		}
		pa, na := splitCode(a)
		pb, nb := splitCode(b)
		if pa == "" || pa != pb || na > nb {
			out = append(out, a, b)
			continue
		}
		for n := na; n <= nb; n++ {
			out = append(out, pa+strconv.Itoa(n))
		}
	}
	return out
}

// splitCode cuts "R12" into "R" and 12 (0 when there is no number).
func splitCode(c string) (string, int) {
	i := strings.IndexAny(c, "0123456789")
	if i <= 0 {
		return "", 0
	}
	n, err := strconv.Atoi(c[i:])
	if err != nil {
		return "", 0
	}
	return c[:i], n
}

// FixField is the field of a school to open for an item of the to-do list
// (整改清单), chosen from the catalogue (the fields whose Item serves the
// code, of the item's stage, that apply to the school): for a missing item
// the first of them left empty, else the one most specific to the item
// (numbers first, then the fewest items served, then the paper form's
// order). stage "" takes the school's first stage. It returns "" when no
// school field serves the item.
func FixField(code, stage string, s *county.School) string {
	typ := ""
	if s != nil {
		typ = s.Type
	}
	if stage == "" {
		stage = "primary"
		if sp, ok := county.Spec("students.primary"); ok && typ != "" && !sp.AppliesTo(typ) {
			stage = "junior"
		}
	}
	type cand struct {
		spec county.FieldSpec
		n    int
	}
	var cands []cand
	for _, sp := range county.SchoolSpecs() {
		codes := ItemCodes(sp.Item)
		if !slices.Contains(codes, code) || (sp.Stage != "" && sp.Stage != stage) || (typ != "" && !sp.AppliesTo(typ)) {
			continue
		}
		cands = append(cands, cand{sp, len(codes)})
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		if a.spec.IsNumber() != b.spec.IsNumber() {
			if a.spec.IsNumber() {
				return -1
			}
			return 1
		}
		return a.n - b.n
	})
	if len(cands) == 0 {
		return ""
	}
	if s != nil {
		fields := map[string]*Field[county.School]{}
		for _, sec := range SchoolSections() {
			for _, f := range sec.Fields {
				fields[f.Path] = f
			}
		}
		for _, c := range cands {
			if f := fields[c.spec.Path]; f != nil && f.Load(s) == "" {
				return c.spec.Path
			}
		}
	}
	return cands[0].spec.Path
}
