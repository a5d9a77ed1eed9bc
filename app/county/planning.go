package county

// Planning is the optional `planning` block of the county JSON
// (plan.md §2): the county's unit costs and the options of the 达标规划.
// Costs override only the levers they name; nil and empty mean the
// defaults of app/plan.
type Planning struct {
	// Costs maps a lever key (hire, upgrade_degree, …) to its unit cost in 元.
	Costs map[string]float64 `json:"costs,omitempty"`
	// Off lists the levers switched off.
	Off []string `json:"off,omitempty"`
	// MaxNewTeachers caps the new teachers over the county (编制 available);
	// nil means no cap.
	MaxNewTeachers *int `json:"max_new_teachers,omitempty"`
	// Margin m plans to standard × (1 + m) and coefficient limit × (1 − m).
	Margin *float64 `json:"margin,omitempty"`
	// AllSeven drops the 85 % exception: every part meets all seven.
	AllSeven *bool `json:"all_seven,omitempty"`
	// ExcludedSchools are the schools marked 「不纳入规划」 (to close or merge).
	ExcludedSchools []string `json:"excluded_schools,omitempty"`
}

// PlanningLevers are the lever keys of plan.md §2, in the order they are
// offered; the G3 room actions are priced at build_rooms and cannot be
// switched off.
var PlanningLevers = []string{"hire", "upgrade_degree", "recognize_backbone", "transfer",
	"build_rooms", "build_sports_ground", "buy_equipment", "add_multimedia_rooms"}
