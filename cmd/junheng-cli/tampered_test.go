package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Issue 21 §4, as found: tampered stored values reached the clerk as Go
// and SQL English (「sql: Scan error on column index 3…」 after 「写入数据文件
// 失败，本次修改未保存」 from a read-only check; 「json: cannot unmarshal
// number 1e999…」), a stored Inf as 「+Inf」, a -0 as 「-0 ㎡」 and 1e-320 as
// 320 digits. Every reading command on every such file: Chinese only,
// never 写入, numbers as the catalogue prints them, exit 2.
func TestTamperedValuesNeverReachTheClerkAsEnglish(t *testing.T) {
	sound, year := attachDB(t)
	tampers := map[string][]string{
		"position as text": {`UPDATE entity SET pos = 'abc'`},
		"infinite area":    {`UPDATE value SET val = 9e999 WHERE field = 'area_teaching_aux'`, `UPDATE change SET new = 9e999 WHERE field = 'area_teaching_aux'`},
		"negative zero":    {`UPDATE value SET val = -0.0 WHERE field = 'area_teaching_aux'`, `UPDATE change SET new = -0.0 WHERE field = 'area_teaching_aux'`},
		"subnormal area":   {`UPDATE value SET val = 1e-320 WHERE field = 'area_teaching_aux'`, `UPDATE change SET new = 1e-320 WHERE field = 'area_teaching_aux'`},
		"list of 1e999":    {`UPDATE value SET val = '[1e999]' WHERE field = 'music_rooms'`, `UPDATE change SET new = '[1e999]' WHERE field = 'music_rooms'`},
		"text for a count": {`UPDATE value SET val = 'abc' WHERE field = 'books'`, `UPDATE change SET new = 'abc' WHERE field = 'books'`},
	}
	for name, stmts := range tampers {
		db := tamperedCopy(t, sound, func(raw *sql.DB) error {
			for _, q := range stmts {
				if _, err := raw.Exec(q); err != nil {
					return err
				}
			}
			return nil
		})
		for _, args := range [][]string{{"check", db}, {"eval", "--text", db, "--year", year}, {"export-json", db, "--year", year}, {"history", db}} {
			code, out, errOut := runCLI(args...)
			if args[0] == "check" && code != exitInvalid {
				t.Errorf("%s: check exit %d\n%s", name, code, out)
			}
			if args[0] == "export-json" || args[0] == "eval" && code == 0 {
				out = "" // the county JSON and the report are not messages
			}
			msg := out + errOut
			if w := libraryEnglish.FindString(strings.ToLower(msg)); w != "" {
				t.Errorf("%s %s: library English %q reaches the clerk:\n%s", name, args[0], w, msg)
			}
			for _, bad := range []string{"写入数据文件失败", "未保存", "Inf", "NaN", "-0 ", "00000000000000000000"} {
				if strings.Contains(msg, bad) {
					t.Errorf("%s %s says %q:\n%s", name, args[0], bad, msg)
				}
			}
		}
	}
}

// libraryEnglish are words of Go's, database/sql's and SQLite's messages
// (field paths such as area_teaching_aux are the catalogue's, not these).
var libraryEnglish = regexp.MustCompile(`\b(sql|scan|error|cannot|unmarshal|converting|invalid|syntax|driver|column|index|into)\b`)

// tamperedCopy copies the data file sound and changes the copy's rows by
// hand (tamper), as a hostile tester or a broken tool would; it returns
// the copy's path.
func tamperedCopy(t *testing.T, sound string, tamper func(raw *sql.DB) error) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "义马.db")
	b, err := os.ReadFile(sound)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, b, 0o644); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if err := tamper(raw); err != nil {
		t.Fatal(err)
	}
	return db
}
