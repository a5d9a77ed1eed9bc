package plan

import (
	"junheng/app/eval"
)

// Format is the value of the "format" field of a plan.
const Format = "junheng-plan/1"

// Lever keys (plan.md §2). The G3 room actions are priced at KeyRooms.
const (
	KeyHire       = "hire"
	KeyUpgrade    = "upgrade_degree"
	KeyBackbone   = "recognize_backbone"
	KeyTransfer   = "transfer"
	KeyRooms      = "build_rooms"
	KeyGround     = "build_sports_ground"
	KeyEquipment  = "buy_equipment"
	KeyMultimedia = "add_multimedia_rooms"
	// The G3 room actions (kinds only, not levers).
	KindBuildMusic   = "build_music_room"
	KindBuildArt     = "build_art_room"
	KindEnlargeMusic = "enlarge_music_room"
	KindEnlargeArt   = "enlarge_art_room"
)

// Subjects of hires and kinds of transferred teachers.
const (
	SubjectPE       = "pe"
	SubjectMusic    = "music"
	SubjectArt      = "art"
	SubjectOther    = "other"
	TeacherBackbone = "backbone" // transfers only
)

// Action is one step of a plan. Which fields are set depends on Kind:
// teachers (hire, upgrade_degree, recognize_backbone) name School, Stage
// and Count (hire also Subject); transfer names From, To, Stage, Teacher
// and Count; build_rooms, build_sports_ground and the room actions name
// School and Area (m², whole); enlarge_* also Room (index into the
// school's list); buy_equipment names School and Value (元, whole 100 元);
// add_multimedia_rooms names School and Count. Cost is the quantity ×
// the unit cost, in 元.
type Action struct {
	Kind    string  `json:"kind"`
	School  string  `json:"school,omitempty"`
	From    string  `json:"from,omitempty"`
	To      string  `json:"to,omitempty"`
	Stage   string  `json:"stage,omitempty"`
	Teacher string  `json:"teacher,omitempty"`
	Subject string  `json:"subject,omitempty"`
	Count   int     `json:"count,omitempty"`
	Area    int     `json:"area,omitempty"`
	Value   int     `json:"value,omitempty"`
	Room    *int    `json:"room,omitempty"`
	Cost    float64 `json:"cost"`
}

// Quantity is the amount the cost is counted in: people, m², 元 or rooms.
func (a Action) Quantity() float64 {
	switch a.Kind {
	case KeyRooms, KeyGround, KindBuildMusic, KindBuildArt, KindEnlargeMusic, KindEnlargeArt:
		return float64(a.Area)
	case KeyEquipment:
		return float64(a.Value)
	}
	return float64(a.Count)
}

// Lever is the cost key an action is priced at.
func (a Action) Lever() string {
	switch a.Kind {
	case KindBuildMusic, KindBuildArt, KindEnlargeMusic, KindEnlargeArt:
		return KeyRooms
	}
	return a.Kind
}

// Schools lists the schools an action changes (a transfer two).
func (a Action) Schools() []string {
	if a.Kind == KeyTransfer {
		return []string{a.From, a.To}
	}
	return []string{a.School}
}

// Plan is the junheng-plan/1 document.
type Plan struct {
	Format     string             `json:"format"`
	County     string             `json:"county"`
	Year       string             `json:"year"`
	Costs      map[string]float64 `json:"costs"`
	Options    OptionsDoc         `json:"options"`
	Actions    []Action           `json:"actions"`
	TotalCost  float64            `json:"total_cost"`
	ByKind     map[string]float64 `json:"by_kind"`
	Before     Summary            `json:"before"`
	After      Summary            `json:"after"`
	Unresolved []Unresolved       `json:"unresolved"`
}

// OptionsDoc is how the options are printed in the plan.
type OptionsDoc struct {
	Transfer        bool     `json:"transfer"`
	Hire            bool     `json:"hire"`
	Off             []string `json:"off"`
	MaxNewTeachers  *int     `json:"max_new_teachers"`
	Margin          float64  `json:"margin"`
	AllSeven        bool     `json:"all_seven"`
	ExcludedSchools []string `json:"excluded_schools"`
	Switches        Switches `json:"switches"`
}

// Switches are the rule switches as plan.md §4 names them.
type Switches struct {
	TPThreshold    int  `json:"tp_threshold"`
	TPMerge        bool `json:"tp_merge"`
	ExcludePrivate bool `json:"exclude_private"`
	IncludeSpecial bool `json:"include_special"`
}

// Summary is the state of the resource part before or after the plan:
// whether every part and coefficient passes, how many parts fail, the
// coefficients per stage (absent where not computable) and G3.
type Summary struct {
	ResourcePass bool                          `json:"resource_pass"`
	FailingParts int                           `json:"failing_parts"`
	CV           map[string]map[string]float64 `json:"cv"`
	CVPass       map[string]map[string]bool    `json:"cv_pass"`
	G3Pass       bool                          `json:"g3_pass"`
	G3Failing    int                           `json:"g3_failing"`
}

// Unresolved is what the plan cannot fix: the item (G4, G5, 未填报 R…),
// the school and why.
type Unresolved struct {
	Item   string `json:"item"`
	School string `json:"school"`
	Name   string `json:"name,omitempty"`
	Detail string `json:"detail"`
}

// Infeasible is the answer when no plan exists under the options: one
// Chinese sentence naming the school and what cannot be reached.
type Infeasible struct {
	Sentence string
	// the part and indicator that could not be raised (solver's use)
	school string
	stage  int
	ind    int
}

func (e *Infeasible) Error() string { return e.Sentence }

// stageKey maps a stage name of the plan to eval's.
var stages = []string{eval.Primary, eval.Junior}
