package data

import (
	"path/filepath"
	"strings"
	"testing"

	"junheng/app/county"
)

// Issue 21 §5, as found: another office's school names and clerk names
// with escape sequences were printed raw by the merge listing and the
// history (a terminal cleared, a line reversed). Every line the program
// renders from a file shows them as <U+XXXX>.
func TestMergeAndHistoryShowHostileTextSafely(t *testing.T) {
	f := county.Generate(4, 2)
	bureau := storeWith(t, f)
	other := filepath.Join(t.TempDir(), "乡镇.db")
	if _, err := bureau.ExportSchools(other, nil); err != nil {
		t.Fatal(err)
	}
	id := f.Schools[1].ID
	hostile := "'\x1b[2J\u202e恶意学校'"
	rawExec(t, other,
		`UPDATE value SET val = `+hostile+` WHERE field = 'name' AND entity = (SELECT uuid FROM entity WHERE kind = 'school' AND key = '`+id+`')`,
		`UPDATE change SET new = `+hostile+` WHERE field = 'name' AND entity = (SELECT uuid FROM entity WHERE kind = 'school' AND key = '`+id+`')
			AND rev = (SELECT rev FROM value WHERE field = 'name' AND entity = change.entity)`,
		`DELETE FROM meta WHERE key = 'manifest'`, // a file the other office made, not our export
		`UPDATE entity SET digest = NULL WHERE kind = 'school' AND key = '`+id+`'`,
		`UPDATE commit_log SET office = '`+"\x1b]0;标题\x07"+`乡镇', user = '李`+"\u202e"+`四'`)
	p, err := bureau.PlanMergeWith(other, MergeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var shown []string
	for _, r := range p.Rows {
		shown = append(shown, r.What())
	}
	for _, c := range p.Conflicts {
		shown = append(shown, c.String())
	}
	if err := bureau.ApplyMerge(p, make([]bool, len(p.Conflicts))); err != nil {
		t.Fatal(err)
	}
	hist, err := bureau.History(Filter{SchoolID: id})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range hist {
		shown = append(shown, c.String())
	}
	all := strings.Join(shown, "\n")
	if !strings.Contains(all, "<U+001B>[2J<U+202E>恶意学校") {
		t.Errorf("the hostile name is not listed safely:\n%s", all)
	}
	if strings.ContainsAny(all, "\x1b\x07\u202e") {
		t.Errorf("control or bidi characters reach the listing:\n%q", all)
	}
}

// Issue 21 §5, as found: the message refusing a newer program's file
// printed the file's written_by raw.
func TestNewerVersionMessageShowsWrittenBySafely(t *testing.T) {
	s := newStore(t, "新.db")
	path := s.Path()
	s.Close()
	rawExec(t, path, `INSERT OR REPLACE INTO meta(key, value) VALUES ('written_by', '9.9`+"\x1b[2J\u202e"+`')`, `PRAGMA user_version = 99`)
	_, err := Open(path, OpenOptions{ReadOnly: true, Settings: testSettings})
	if err == nil || !strings.Contains(err.Error(), "9.9<U+001B>[2J<U+202E>") || strings.ContainsAny(err.Error(), "\x1b\u202e") {
		t.Errorf("newer file: %q", err)
	}
}
