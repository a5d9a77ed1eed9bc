package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"junheng/assets/demo"
	"junheng/ui/session"
)

// A change of 使用人 in 设置 reaches the open file at once: the next
// save's history names the new user (it did only after reopening).
func TestNewUserIsInTheNextSavesHistory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "义马市.db")
	f := demo.File()
	writeDataFile(t, path, f)
	a := openDataFile(t, path)

	s := a.settings
	s.User, s.Office = "李老师", "城关镇中心校"
	a.ApplySettings(s)
	sc := session.Clone(a.Session().File.Schools[0])
	n := *sc.Students.Primary + 3
	sc.Students.Primary = &n
	if err := a.Session().SaveSchool("", sc); err != nil {
		t.Fatal(err)
	}
	changes, err := a.Session().Store.(session.Historian).History(a.Session().Year, sc.ID, "students.primary")
	if err != nil || len(changes) == 0 {
		t.Fatalf("no history of the save: %v", err)
	}
	latest := changes[0]
	for _, c := range changes {
		if c.When.After(latest.When) {
			latest = c
		}
	}
	if latest.User != "李老师" && latest.User != "城关镇中心校 / 李老师" {
		t.Fatalf("the save is recorded as %q, want 李老师", latest.User)
	}
}

// A threshold of 0 in the settings is used as 0: no teaching point is
// left out (it once became the default 50).
func TestThresholdZeroIsUsed(t *testing.T) {
	a := newTestApp(t, "--demo")
	s := a.settings
	s.Rules.TeachingPointThreshold = 0
	a.ApplySettings(s)
	r := a.Session().Result
	if r.Rules.TeachingPointThreshold != 0 {
		t.Fatalf("evaluated with threshold %d, want 0", r.Rules.TeachingPointThreshold)
	}
	for _, e := range r.Stages.Primary.Excluded {
		if e.Reason != "" && e.Name != "" && strings.Contains(e.Reason, "不足") {
			t.Errorf("%s left out at threshold 0: %s", e.Name, e.Reason)
		}
	}
}
