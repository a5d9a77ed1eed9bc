package county

import (
	"slices"
	"strconv"
	"strings"

	"junheng/app/format"
)

// FieldKind is how a field is typed, stored and checked.
type FieldKind int

const (
	KindText  FieldKind = iota // free text (narratives, evidence): line breaks allowed, no other control characters
	KindName                   // a name (school, county, office): one line, at most NameMaxLen characters
	KindID                     // an identifier: CleanID-folded, no spaces, at most IDMaxLen characters
	KindInt                    // a whole number within [Min, Max]
	KindFloat                  // a decimal number within [Min, Max]
	KindBool                   // 是 / 否
	KindEnum                   // one of Options
	KindList                   // decimal numbers (room areas), each within [Min, Max], at most MaxLen of them
	KindDate                   // a calendar date, stored as 2006-01-02
)

// Lengths of texts, in characters.
const (
	NameMaxLen     = 100
	IDMaxLen       = 40
	TextMaxLen     = 20000 // evidence and short texts
	NarrativeMaxLn = 50000 // the application's narrative sections
)

// The bounds a real school or county can have. They are written once here;
// the catalogue below and every check (Decode, Validate, the GUI, the Excel
// import) use them. Every integer bound is far below 2^53, so every value
// that passes is exactly representable as a float64 and in JSON.
const (
	MaxStudentsPerStage = 20000 // students of one stage in one school
	MaxClassesPerStage  = 1000  // classes of one stage in one school
	MaxClassSize        = 200   // the largest class of a stage
	MaxTeachersPerStage = 5000  // full-time teachers (or staff) of one stage in one school
	MaxSchoolArea       = 1e7   // ㎡, any area of one school
	MaxRoomArea         = 10000 // ㎡, one music or art room
	MaxRooms            = 1000  // rooms listed for one school
	MinRoomArea         = 1     // ㎡: a room has an area
	MaxSchoolMoney      = 1e9   // 元, any yearly amount or asset value of one school
	MaxCountyMoneyWan   = 1e8   // 万元 (= 10^12 元), any county amount
	MaxPerCapitaMoney   = 1e7   // 元, per student, per person or an average pay
	// MaxPerPupilFunds bounds a school's yearly funds (核拨公用经费, 公用经费预算,
	// 教师培训经费) per pupil. The standard's 生均公用经费基准定额 are 650 元
	// (小学) and 850 元 (初中), special schools ≥ 6000 元 (G7); real schools
	// allocate a few hundred to a few thousand 元 per pupil. 100,000 元 is
	// over 15 times the highest norm, so only a slip (万元 typed as 元, extra
	// zeros) goes beyond it, while MaxSchoolMoney alone let 10^9 元 for 900
	// pupils through.
	MaxPerPupilFunds = 1e5
	// MaxPerPupilEquipment bounds 教学仪器设备资产值 per pupil: the R6 norms
	// are 2000 元 (小学) and 2500 元 (初中); well-equipped urban and special
	// schools reach some tens of thousands. 200,000 元 leaves room for them.
	MaxPerPupilEquipment = 2e5
	// MinPupilsForPerPupil: a school is counted as at least this many pupils
	// for the per-pupil bounds, as G6 counts a small village school or
	// teaching point as 100 pupils (its fixed costs do not shrink with it).
	MinPupilsForPerPupil = 100
	MaxCountyCount       = 1e7    // persons counted county-wide (survey, migrants, cohorts…)
	MaxDevices           = 100000 // computers of one school
	MaxBooks             = 1e7    // books of one school
	MaxMultimediaRooms   = 2000   // networked multimedia rooms of one school
	MaxPopulationWan     = 10000  // 万人
	MaxDivisions         = 100000 // townships, subdistricts, villages of one county
	MaxAreaKm2           = 1e6    // km²
	MinYear, MaxYear     = 1990, 2100
)

// FieldSpec describes one field of the county file: what the clerk sees
// (label, unit, hint), what it may hold (kind, bounds, options) and what it
// serves (indicator, stage, school types).
type FieldSpec struct {
	// Path is the JSON path with list indexes removed: "students.primary"
	// for a school field, "county.gov.G8.teacher_avg_pay" for a county field,
	// "county.finance.recurrent_revenue" for a field of one finance year.
	Path     string
	Label    string // Chinese, without the unit
	Unit     string // "人", "㎡", "元", "万元"…; "" for none
	Kind     FieldKind
	Min, Max float64  // bounds of KindInt, KindFloat and each number of KindList
	MaxLen   int      // characters of a text kind; numbers of KindList
	Options  []string // KindEnum
	Hint     string   // what to enter, with the standard's requirement where there is one
	Item     string   // the indicator(s) it serves: "R4", "G8", "R1–R3、G12"…; "" = description only
	Stage    string   // "primary", "junior", "senior"; "" when it belongs to no single stage
	Decimals int      // decimals to show (KindFloat, KindList)
	Example  string   // a typical value as a clerk types it (template rows, placeholders); "" for none
	// PerPupilMax, when > 0, bounds the school's value divided by its
	// pupils (primary + junior + senior, at least MinPupilsForPerPupil):
	// Validate refuses an amount absurd for the size of the school.
	PerPupilMax float64
	// Types lists the school types the field applies to; nil means every
	// type that has Stage (or every type when Stage is "").
	Types []string
}

// Title is the label with its unit, as a column header or a form caption:
// "教学及辅助用房面积（㎡）".
func (s FieldSpec) Title() string {
	if s.Unit == "" {
		return s.Label
	}
	return s.Label + "（" + s.Unit + "）"
}

// AppliesTo reports whether a school of the given type has this field
// (a 小学 has no 初中 teachers). Forms and grids grey out the others.
func (s FieldSpec) AppliesTo(schoolType string) bool {
	if s.Types != nil {
		return slices.Contains(s.Types, schoolType)
	}
	if s.Stage == "" {
		return true
	}
	st, ok := stagesOf[schoolType]
	if !ok {
		return true
	}
	switch s.Stage {
	case "primary":
		return st[0]
	case "junior":
		return st[1]
	case "senior":
		return st[2]
	}
	return true
}

// IsNumber reports whether the field holds numbers.
func (s FieldSpec) IsNumber() bool {
	return s.Kind == KindInt || s.Kind == KindFloat || s.Kind == KindList
}

var (
	specIndex   = map[string]*FieldSpec{}
	schoolOrder []FieldSpec
	countyOrder []FieldSpec
)

func init() {
	for _, list := range [][]FieldSpec{fileFields, schoolFields, countyFields} {
		for i := range list {
			s := &list[i]
			if _, dup := specIndex[s.Path]; dup {
				panic("county: catalogue lists " + s.Path + " twice")
			}
			specIndex[s.Path] = s
		}
	}
	for path, ex := range examples {
		s, ok := specIndex[path]
		if !ok {
			panic("county: example for unknown field " + path)
		}
		s.Example = ex
	}
	schoolOrder, countyOrder = schoolFields, countyFields
}

// Spec returns the catalogue entry of a field path. The path may carry list
// indexes ("schools[3].students.primary", "county.finance[0].year",
// "music_rooms[1]"); a survey path names its group
// ("county.survey.家长[0]" is the parents' respondents).
func Spec(path string) (FieldSpec, bool) {
	p := stripIndexes(path)
	p = strings.TrimPrefix(p, "schools.")
	if s, ok := specIndex[p]; ok {
		return *s, true
	}
	if group, ok := strings.CutPrefix(stripIndexes(path), "county.survey."); ok {
		switch {
		case strings.HasSuffix(path, "[0]"):
			s := *specIndex["county.survey.respondents"]
			s.Label = "「" + group + "」" + s.Label
			return s, true
		case strings.HasSuffix(path, "[1]"):
			s := *specIndex["county.survey.satisfied"]
			s.Label = "「" + group + "」" + s.Label
			return s, true
		}
		s := *specIndex["county.survey"]
		s.Label += "「" + group + "」"
		return s, true
	}
	return FieldSpec{}, false
}

// stripIndexes removes every "[n]" from a path.
func stripIndexes(path string) string {
	if !strings.Contains(path, "[") {
		return path
	}
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		if path[i] == '[' {
			if j := strings.IndexByte(path[i:], ']'); j > 0 {
				i += j
				continue
			}
		}
		b.WriteByte(path[i])
	}
	return b.String()
}

// SchoolSpecs lists every field of a school in the order of the school's
// paper form (学校基本情况表). The slice is shared: do not modify it.
func SchoolSpecs() []FieldSpec { return schoolOrder }

// CountySpecs lists every county field (paths start with "county.") in the
// order of the county's forms. The slice is shared: do not modify it.
func CountySpecs() []FieldSpec { return countyOrder }

// FieldLabel returns the Chinese label (without unit) of a field path, or
// "" when the path is not in the catalogue. It is Spec(path).Label, kept for
// the messages and histories that only need the name.
func FieldLabel(path string) string {
	if s, ok := Spec(path); ok {
		return s.Label
	}
	// county.gov.G1 and the like: the objects holding an item's facts.
	parts := strings.Split(stripIndexes(path), ".")
	if len(parts) == 3 && parts[0] == "county" && (parts[1] == "gov" || parts[1] == "quality") {
		return parts[2]
	}
	return ""
}

// boundText prints a bound the way a clerk writes it: 20,000, 0.5, 2100.
func boundText(x float64) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if x < 10000 {
		return s
	}
	d := 0
	if _, frac, ok := strings.Cut(s, "."); ok {
		d = len(frac)
	}
	return format.Number(x, d)
}
