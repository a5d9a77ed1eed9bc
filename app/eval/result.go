// Package eval computes every verdict of the standard from a county file:
// per-school resource compliance, the difference coefficients, the county
// items, the funding checks, the legacy coefficients and the county verdict
// with its to-do list. It is pure computation: no I/O, no GUI, no SQL.
package eval

// ResultFormat is the value of the "format" field of a result.
const ResultFormat = "junheng-result/1"

// Stage keys as used in JSON and in the catalogue.
const (
	Primary = "primary"
	Junior  = "junior"
)

// StageNames names the stages in Chinese.
var StageNames = map[string]string{Primary: "小学", Junior: "初中"}

// Options are the rule switches of standard.md marked [rule]. The zero
// value is not the default: use DefaultOptions.
type Options struct {
	// TeachingPointThreshold: 教学点 with fewer students do not enter R1–R7.
	TeachingPointThreshold int `json:"teaching_point_threshold"`
	// MergeTeachingPoints: small teaching points are counted in their
	// central school instead of being left out.
	MergeTeachingPoints bool `json:"merge_teaching_points"`
	// ExcludePrivate leaves 民办 schools out of R1–R7.
	ExcludePrivate bool `json:"exclude_private"`
	// IncludeSpecial lets 特殊教育学校 enter R1–R7 (left out by default).
	IncludeSpecial bool `json:"include_special"`
}

// DefaultOptions are the defaults of standard.md.
func DefaultOptions() Options {
	return Options{TeachingPointThreshold: 50}
}

// Result is the junheng-result/1 document.
type Result struct {
	Format   string                 `json:"format"`
	Year     string                 `json:"year"`
	County   string                 `json:"county"`
	Standard string                 `json:"standard"`
	Rules    Options                `json:"rules"`
	Stages   Stages                 `json:"stages"`
	Items    map[string]*ItemResult `json:"items"`
	Finance  []FinanceRow           `json:"finance"`
	Legacy   Legacy                 `json:"legacy"`
	Verdict  Verdict                `json:"verdict"`
}

// Stages holds the resource evaluation per stage; nil = 不适用 (no school).
type Stages struct {
	Primary *Stage `json:"primary"`
	Junior  *Stage `json:"junior"`
}

// Get returns the stage by key.
func (s *Stages) Get(stage string) *Stage {
	if stage == Junior {
		return s.Junior
	}
	return s.Primary
}

// Stage is R1–R7 for one stage: every school part and the coefficients.
type Stage struct {
	Schools  []SchoolPart `json:"schools"`
	Excluded []Excluded   `json:"excluded"`
	// Standard is each indicator's limit for this stage.
	Standard map[string]float64 `json:"standard"`
	// Mean is the enrolment-weighted county mean (county total resource /
	// county total students); nil where any school lacks the value.
	Mean map[string]*float64 `json:"mean"`
	// CV is the weighted difference coefficient; nil when not computable.
	CV      map[string]*float64 `json:"cv"`
	CVLimit float64             `json:"cv_limit"`
	CVPass  map[string]bool     `json:"cv_pass"`
	// CVNote says why a coefficient is missing or failed without a number.
	CVNote map[string]string `json:"cv_note,omitempty"`
	// Students is the enrolment of the schools that entered.
	Students int `json:"students"`
	// Passing counts the school parts passing the 6-of-7 + 85% rule.
	Passing int `json:"schools_passing"`
}

// SchoolPart is one school (or the primary/junior part of a combined
// school) in one stage.
type SchoolPart struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Students int    `json:"students"`
	// Share is the part's share of the school's facilities (1 for a
	// single-stage school), after standard.md §2.3.
	Share float64 `json:"share"`
	// Merged lists teaching points counted in this school.
	Merged []string `json:"merged,omitempty"`
	// Values hold full precision; nil = 未填报.
	Values   map[string]*float64 `json:"values"`
	Met      map[string]bool     `json:"met"`
	MetCount int                 `json:"met_count"`
	Pass     bool                `json:"pass"`
	// Missing lists the indicators whose inputs are not entered.
	Missing    []string    `json:"missing,omitempty"`
	Shortfalls []Shortfall `json:"shortfalls"`
}

// Shortfall is an unmet indicator with the smallest whole amount of the
// resource that would meet it.
type Shortfall struct {
	Code     string  `json:"code"`
	Value    float64 `json:"value"`
	Standard float64 `json:"standard"`
	// Ratio is value / standard (0.778 = 77.8% of the standard).
	Ratio float64 `json:"ratio"`
	// NeedAmount is what the school must add, in NeedUnit (人, ㎡, 元, 间);
	// for a combined school it is the whole school's amount, since the
	// part only receives its share.
	NeedAmount float64 `json:"need_amount"`
	NeedUnit   string  `json:"need_unit"`
	Need       string  `json:"need"` // "3 名骨干教师"
}

// Excluded is a school left out of a stage, with the reason.
type Excluded struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// ItemResult is the verdict of one county item (G, Q, S, V, F).
type ItemResult struct {
	Code    string `json:"code"`
	Name    string `json:"name"`
	Pass    bool   `json:"pass"`
	Missing bool   `json:"missing,omitempty"`
	// NotApplicable: nothing in the county falls under the item (no special
	// school for G7…); it passes.
	NotApplicable bool `json:"not_applicable,omitempty"`
	// Value is the item's main figure where it has one (a rate as a
	// fraction, a count…); nil otherwise.
	Value  *float64 `json:"value,omitempty"`
	Detail string   `json:"detail"`
	// Schools are the ids of the schools that fail. For a per-school item
	// Schools[i] is the school of Issues[i]; items about the county have
	// Issues and no Schools.
	Schools []string `json:"schools,omitempty"`
	// Issues are the per-school or per-year gaps, one sentence each.
	Issues   []string `json:"issues,omitempty"`
	Evidence string   `json:"evidence,omitempty"`
	// Checks are the per-year checks of the funding items F1–F6.
	Checks []Check `json:"checks,omitempty"`
}

// Check is one year of a funding item.
type Check struct {
	Year    int    `json:"year"`
	Label   string `json:"label,omitempty"` // "小学" for stage-split checks
	Pass    bool   `json:"pass"`
	Missing bool   `json:"missing,omitempty"`
	// Margin is the distance from the boundary: percentage points for
	// growth comparisons, the amount for level comparisons.
	Margin *float64 `json:"margin,omitempty"`
	Text   string   `json:"text"`
}

// FinanceRow is one year of 表Ⅴ 义务教育经费情况: the amounts as entered and
// the growth over the previous year, computed here and nowhere else.
type FinanceRow struct {
	Year   int                 `json:"year"`
	Values map[string]*float64 `json:"values"`
	// Growth is the rate over the previous year as a fraction (0.0994 =
	// +9.94 %); nil where it cannot be computed, with the reason in Notes.
	Growth map[string]*float64 `json:"growth"`
	Notes  map[string]string   `json:"notes,omitempty"`
}

// Legacy holds the 2012 基本均衡 coefficients B1–B8 per stage.
type Legacy struct {
	Primary *LegacyStage `json:"primary"`
	Junior  *LegacyStage `json:"junior"`
}

// LegacyStage is B1–B8 of one stage and their composite.
type LegacyStage struct {
	Mean map[string]*float64 `json:"mean"`
	CV   map[string]*float64 `json:"cv"`
	// Composite is the arithmetic mean of the eight coefficients; nil when
	// any of them cannot be computed.
	Composite *float64 `json:"composite"`
	Limit     float64  `json:"limit"`
	Pass      bool     `json:"pass"`
	Note      string   `json:"note,omitempty"`
}

// Verdict is the county's conclusion and its to-do list.
type Verdict struct {
	Pass bool `json:"pass"`
	// Failures and Missing are the to-do list as sentences.
	Failures []string `json:"failures"`
	Missing  []string `json:"missing"`
	// Parts are the five parts of the standard (and funding) with their state.
	Parts []PartVerdict `json:"parts"`
	// Todo is the same list, structured for screens and the dossier.
	Todo []Todo `json:"todo"`
}

// PartVerdict is the state of one part of the standard.
type PartVerdict struct {
	Part     string `json:"part"` // R, G, Q, S, V, F
	Name     string `json:"name"`
	Pass     bool   `json:"pass"`
	Failures int    `json:"failures"`
	Missing  int    `json:"missing"`
}

// Todo is one line of the 整改清单.
type Todo struct {
	Part     string `json:"part"`
	Code     string `json:"code"`
	Stage    string `json:"stage,omitempty"`
	SchoolID string `json:"school_id,omitempty"`
	School   string `json:"school,omitempty"`
	Missing  bool   `json:"missing,omitempty"`
	Text     string `json:"text"`
}
