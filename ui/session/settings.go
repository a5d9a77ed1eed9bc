package session

import (
	"encoding/json"
	"strings"

	"fyne.io/fyne/v2"

	"junheng/app/eval"
)

// Settings are the user's choices, kept in the application preferences.
type Settings struct {
	Office      string  // 单位名称
	User        string  // 使用人
	Scale       float32 // UI scale, 1 = 100%
	BackupsKept int
	// Rules are the rule switches of standard.md: the one eval.Options the
	// command line's switches set too (eval.Switches), taken as they are.
	Rules    eval.Options
	LastFile string
}

// legacyUser is the placeholder earlier versions signed with when nobody
// had said who was working.
const legacyUser = "本机用户"

// Known reports whether the clerk has said who is working: a name and an
// office, asked at the first start. Until then nothing is recorded under
// a placeholder.
func (s Settings) Known() bool {
	return s.User != "" && s.User != legacyUser && s.Office != ""
}

// WithEnv fills who is working from JUNHENG_USER and JUNHENG_OFFICE (read
// through getenv) when the clerk has not said it yet: the names the
// command line takes for the audit trail and the dossier, one source for
// both programs (and a way to start without the question, as the GUI
// smoke test does).
func (s Settings) WithEnv(getenv func(string) string) Settings {
	if s.Known() {
		return s
	}
	if u := strings.TrimSpace(getenv("JUNHENG_USER")); u != "" {
		s.User = u
	}
	if o := strings.TrimSpace(getenv("JUNHENG_OFFICE")); o != "" {
		s.Office = o
	}
	return s
}

// Options are the evaluation rule switches.
func (s Settings) Options() eval.Options { return s.Rules }

// LoadSettings reads the settings from preferences, with defaults. The
// rules are kept as one JSON object, so a new switch needs no new key;
// the separate keys of earlier versions are read when it is absent.
func LoadSettings(p fyne.Preferences) Settings {
	s := Settings{
		Office:      p.String("office"),
		User:        p.String("user"),
		Scale:       float32(p.FloatWithFallback("scale", 1)),
		BackupsKept: p.IntWithFallback("backups_kept", 10),
		Rules:       eval.DefaultOptions(),
		LastFile:    p.String("last_file"),
	}
	if js := p.String("rules"); js != "" {
		if err := json.Unmarshal([]byte(js), &s.Rules); err != nil {
			s.Rules = eval.DefaultOptions()
		}
	} else {
		s.Rules.TeachingPointThreshold = p.IntWithFallback("teaching_point_threshold", s.Rules.TeachingPointThreshold)
		s.Rules.MergeTeachingPoints = p.Bool("merge_teaching_points")
		s.Rules.ExcludePrivate = p.Bool("exclude_private")
	}
	return s
}

// Save writes the settings to preferences.
func (s Settings) Save(p fyne.Preferences) {
	p.SetString("office", s.Office)
	p.SetString("user", s.User)
	p.SetFloat("scale", float64(s.Scale))
	p.SetInt("backups_kept", s.BackupsKept)
	if js, err := json.Marshal(s.Rules); err == nil {
		p.SetString("rules", string(js))
	}
	p.SetString("last_file", s.LastFile)
}
