package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"junheng/assets/demo"
	"junheng/ui/dbstore"
	"junheng/ui/session"
	jtheme "junheng/ui/theme"
)

// historyActions lists the distinct actions of a year's history.
func historyActions(t *testing.T, st session.Store, year string) map[string]int {
	t.Helper()
	cs, err := st.(session.Historian).History(year, "", "")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, c := range cs {
		out[c.Action]++
	}
	return out
}

// As found: every value the GUI imported was recorded as 导入「新建」 —
// ImportFile did not receive where the county came from. The chosen file's
// name (not its folder) is what the history says.
func TestGUIImportRecordsTheChosenFile(t *testing.T) {
	dir := t.TempDir()
	st, err := dbstore.Opener{}.Create(filepath.Join(dir, "县.db"), session.Settings{User: "张老师"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	f := demo.File()
	if err := importFile(st, f, filepath.Join(dir, "收到的", "乡镇汇总.json"), func(float64) {}); err != nil {
		t.Fatal(err)
	}
	acts := historyActions(t, st, f.Year)
	if len(acts) != 1 || acts["导入「乡镇汇总.json」"] == 0 {
		t.Fatalf("history actions %v, want every value 导入「乡镇汇总.json」", acts)
	}
}

// The demo county opened for the first time is recorded as imported from
// the demo, not from 「新建」.
func TestDemoFileRecordsTheDemoAsSource(t *testing.T) {
	path := filepath.Join(t.TempDir(), "义马市.db")
	fa := test.NewApp()
	knownClerk(fa)
	fa.Settings().SetTheme(jtheme.New(1))
	t.Cleanup(fa.Quit)
	a := Create(fa, Config{Opener: dbstore.Opener{}, Args: []string{"--demo", "--file", path}, InlineEval: true})
	if a.Session() == nil {
		t.Fatal("demo not opened")
	}
	t.Cleanup(func() { a.Session().Store.Close() })
	acts := historyActions(t, a.Session().Store, a.Session().Year)
	for act := range acts {
		if strings.Contains(act, "新建") || act != "导入「"+DemoSource+"」" {
			t.Errorf("history action %q, want 导入「%s」", act, DemoSource)
		}
	}
	if len(acts) == 0 {
		t.Fatal("no history")
	}
}
