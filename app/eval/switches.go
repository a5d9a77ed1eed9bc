package eval

// Switch is one rule switch of standard.md as both the command line
// (--tp-threshold …) and the settings dialog offer it, so that the two
// can never differ: the dialog once had no 特殊教育学校 switch.
type Switch struct {
	Flag  string // command-line name, without "--"
	Label string // Chinese wording: flag usage and the dialog's label
	// Exactly one of Bool and Int is set: the field of Options it sets.
	Bool func(*Options) *bool
	Int  func(*Options) *int
	// Min is the smallest value an Int switch takes.
	Min int
}

// Switches are every field of Options, in the order they are offered.
var Switches = []Switch{
	{Flag: "tp-threshold", Label: "教学点参与计算的最少学生数", Int: func(o *Options) *int { return &o.TeachingPointThreshold }},
	{Flag: "tp-merge", Label: "不足人数的教学点并入所属中心校计算", Bool: func(o *Options) *bool { return &o.MergeTeachingPoints }},
	{Flag: "exclude-private", Label: "民办学校不参与资源配置计算", Bool: func(o *Options) *bool { return &o.ExcludePrivate }},
	{Flag: "include-special", Label: "特殊教育学校参与资源配置计算", Bool: func(o *Options) *bool { return &o.IncludeSpecial }},
}
