package session

import (
	"fyne.io/fyne/v2"

	"junheng/app/eval"
)

// Settings are the user's choices, kept in the application preferences.
type Settings struct {
	Office      string  // 单位名称
	User        string  // 使用人
	Scale       float32 // UI scale, 1 = 100%
	BackupsKept int
	// Rule switches of standard.md (eval.Options).
	TeachingPointThreshold int
	MergeTeachingPoints    bool
	ExcludePrivate         bool
	LastFile               string
}

// Options are the evaluation rule switches.
func (s Settings) Options() eval.Options {
	o := eval.DefaultOptions()
	if s.TeachingPointThreshold > 0 {
		o.TeachingPointThreshold = s.TeachingPointThreshold
	}
	o.MergeTeachingPoints = s.MergeTeachingPoints
	o.ExcludePrivate = s.ExcludePrivate
	return o
}

// LoadSettings reads the settings from preferences, with defaults.
func LoadSettings(p fyne.Preferences) Settings {
	return Settings{
		Office:                 p.String("office"),
		User:                   p.StringWithFallback("user", "本机用户"),
		Scale:                  float32(p.FloatWithFallback("scale", 1)),
		BackupsKept:            p.IntWithFallback("backups_kept", 10),
		TeachingPointThreshold: p.IntWithFallback("teaching_point_threshold", eval.DefaultOptions().TeachingPointThreshold),
		MergeTeachingPoints:    p.Bool("merge_teaching_points"),
		ExcludePrivate:         p.Bool("exclude_private"),
		LastFile:               p.String("last_file"),
	}
}

// Save writes the settings to preferences.
func (s Settings) Save(p fyne.Preferences) {
	p.SetString("office", s.Office)
	p.SetString("user", s.User)
	p.SetFloat("scale", float64(s.Scale))
	p.SetInt("backups_kept", s.BackupsKept)
	p.SetInt("teaching_point_threshold", s.TeachingPointThreshold)
	p.SetBool("merge_teaching_points", s.MergeTeachingPoints)
	p.SetBool("exclude_private", s.ExcludePrivate)
	p.SetString("last_file", s.LastFile)
}
