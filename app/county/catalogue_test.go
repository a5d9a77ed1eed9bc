package county

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// modelLeaves lists the catalogue path of every value field of the model.
func modelLeaves(t reflect.Type, prefix string, out *[]string) {
	for name, i := range FieldIndex(t) {
		ft := t.Field(i).Type
		path := prefix + name
		if ft.Kind() == reflect.Pointer || (ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct) {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct {
			child := path + "."
			if path == "schools" {
				child = ""
			}
			modelLeaves(ft, child, out)
			continue
		}
		*out = append(*out, path)
	}
}

// pendingPaths are catalogue entries that are no single field of the
// model: the two numbers of a survey group, the unit cost of each
// planning lever (keys of planning.costs).
var pendingPaths = func() []string {
	out := []string{"county.survey.respondents", "county.survey.satisfied"}
	for _, k := range PlanningLevers {
		out = append(out, "county.planning.costs."+k)
	}
	return out
}()

// Every field of the model is in the catalogue, and every entry of the
// catalogue is a field of the model.
func TestCatalogueCoversTheModel(t *testing.T) {
	var leaves []string
	modelLeaves(reflect.TypeOf(File{}), "", &leaves)
	for _, p := range leaves {
		if _, ok := Spec(p); !ok {
			t.Errorf("model field %s has no catalogue entry", p)
		}
	}
	for _, list := range [][]FieldSpec{SchoolSpecs(), CountySpecs()} {
		for _, s := range list {
			if !slices.Contains(leaves, s.Path) && !slices.Contains(pendingPaths, s.Path) {
				t.Errorf("catalogue entry %s is no field of the model", s.Path)
			}
		}
	}
	for _, s := range CountySpecs() {
		if !strings.HasPrefix(s.Path, "county.") {
			t.Errorf("county spec %s does not start with county.", s.Path)
		}
	}
}

// Every entry is complete and its bounds are ones a real school or county
// can have: finite, ordered, integers exactly representable.
func TestCatalogueEntriesAreSound(t *testing.T) {
	for _, list := range [][]FieldSpec{SchoolSpecs(), CountySpecs()} {
		for _, s := range list {
			if s.Label == "" || strings.HasSuffix(s.Label, "）") && s.Unit != "" {
				t.Errorf("%s: label %q must be set and carry no unit", s.Path, s.Label)
			}
			if s.Unit != "" && strings.Contains(s.Label, "（"+s.Unit) {
				t.Errorf("%s: label %q repeats the unit", s.Path, s.Label)
			}
			switch s.Kind {
			case KindInt, KindFloat, KindList:
				if !(s.Min >= 0 && s.Max > s.Min) || math.IsInf(s.Max, 0) || s.Max > 1e12 {
					t.Errorf("%s: bounds [%v, %v] are not sensible", s.Path, s.Min, s.Max)
				}
				if s.Kind == KindInt && s.Max > 1<<40 {
					t.Errorf("%s: integer bound %v is not far below 2^53", s.Path, s.Max)
				}
			case KindEnum:
				if len(s.Options) == 0 {
					t.Errorf("%s: an enum needs its options", s.Path)
				}
			case KindName, KindID, KindText:
				if s.MaxLen <= 0 {
					t.Errorf("%s: a text needs its maximum length", s.Path)
				}
			}
			if s.Example != "" {
				if _, empty, why := s.ParseText(s.Example); empty || why != "" {
					t.Errorf("%s: example %q does not parse: %s", s.Path, s.Example, why)
				}
			}
			if s.Stage != "" && s.Stage != "primary" && s.Stage != "junior" && s.Stage != "senior" {
				t.Errorf("%s: unknown stage %q", s.Path, s.Stage)
			}
			for _, typ := range s.Types {
				if !slices.Contains(SchoolTypes, typ) {
					t.Errorf("%s: unknown school type %q", s.Path, typ)
				}
			}
		}
	}
}

// The bounds that issue 11 names hold.
func TestCatalogueBoundsOfTheIssue(t *testing.T) {
	want := map[string]float64{
		"students.primary": 20000, "students.junior": 20000, "area_teaching_aux": 1e7,
		"area_sports_ground": 1e7, "county.finance.recurrent_revenue": 1e8, // 万元 = 10^12 元
		"county.survey.respondents": 1e7, "county.quality.Q9.difference_rate": 1,
	}
	for path, max := range want {
		s, ok := Spec(path)
		if !ok || s.Max != max {
			t.Errorf("%s: max %v, want %v", path, s.Max, max)
		}
	}
}

func TestSpecPaths(t *testing.T) {
	cases := map[string]string{
		"schools[3].students.primary":                    "小学在校生数",
		"students.primary":                               "小学在校生数",
		"teachers.junior.pe":                             "初中体育专任教师数",
		"music_rooms[1]":                                 "音乐专用教室面积",
		"county.finance[2].year":                         "年度",
		"county.finance[0].per_student_operating.junior": "初中生均一般公共预算教育事业费",
		"county.survey.家长[0]":                            "「家长」调查人数",
		"county.survey.家长[1]":                            "「家长」满意人数",
		"county.survey.家长":                               "满意度调查「家长」",
		"county.gov.G2.1.ok":                             "G2.1 城乡统一的学校建设标准",
		"county.veto.V3":                                 "V3 设置重点学校或重点班",
	}
	for path, want := range cases {
		if got := FieldLabel(path); got != want {
			t.Errorf("FieldLabel(%q) = %q, want %q", path, got, want)
		}
	}
	if FieldLabel("no.such.field") != "" {
		t.Error("an unknown path has no label")
	}
	s, _ := Spec("area_teaching_aux")
	if s.Title() != "教学及辅助用房面积（㎡）" || s.Item != "R4" || !strings.Contains(s.Hint, "小学≥4.5㎡/生") {
		t.Errorf("R4 area: %+v", s)
	}
}

func TestAppliesTo(t *testing.T) {
	pj, _ := Spec("teachers.junior.full_time")
	pp, _ := Spec("students.primary")
	sen, _ := Spec("students.senior")
	parent, _ := Spec("parent_id")
	name, _ := Spec("name")
	cases := []struct {
		spec FieldSpec
		typ  string
		want bool
	}{
		{pj, TypePrimary, false}, {pj, TypeJunior, true}, {pj, TypeNineYear, true},
		{pp, TypeComplete, false}, {pp, TypePoint, true},
		{sen, TypeComplete, true}, {sen, TypeNineYear, false},
		{parent, TypePoint, true}, {parent, TypePrimary, false},
		{name, TypeSpecial, true},
	}
	for _, c := range cases {
		if got := c.spec.AppliesTo(c.typ); got != c.want {
			t.Errorf("%s applies to %s = %v, want %v", c.spec.Path, c.typ, got, c.want)
		}
	}
}
