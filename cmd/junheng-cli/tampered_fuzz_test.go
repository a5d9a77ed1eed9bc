package main

import (
	"bytes"
	"database/sql"
	"os"
	"strconv"
	"strings"
	"testing"
)

// storedFields are fields whose stored value the fuzz target replaces: a
// number, a count, a list, a name and a teacher count.
var storedFields = []string{"area_teaching_aux", "books", "music_rooms", "name", "teachers.primary.full_time", "students.primary", "private"}

// FuzzStoredValues: a data file whose stored rows were changed by hand
// (any value, of any type, under a field the program knows) is read by
// check, eval, history and export-json without a panic, without library
// English or a write message, and without any byte of the file changed.
func FuzzStoredValues(f *testing.F) {
	for i, v := range []string{"abc", "9e999", "-0", "[1e999]", "\x1b[2J名", "1e-320", "", "[]", "{\"a\":1}", "12345678901234567890"} {
		f.Add(uint8(i), v, i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, which uint8, v string, asNumber bool) {
		sound, year := attachDB(t)
		var val any = v
		if x, err := strconv.ParseFloat(v, 64); asNumber && err == nil {
			val = x
		}
		field := storedFields[int(which)%len(storedFields)]
		db := tamperedCopy(t, sound, func(raw *sql.DB) error {
			_, err := raw.Exec(`UPDATE value SET val = ? WHERE field = ?`, val, field)
			return err
		})
		before, _ := os.ReadFile(db)
		for _, args := range [][]string{{"check", db}, {"eval", "--text", db, "--year", year}, {"history", db}, {"export-json", db, "--year", year}} {
			code, out, errOut := runCLI(args...)
			if args[0] == "export-json" || args[0] == "eval" && code == 0 || args[0] == "history" && code == 0 {
				out = "" // the county JSON, the report and the history are data, not messages
			}
			msg := out + errOut
			if w := libraryEnglish.FindString(strings.ToLower(msg)); w != "" {
				t.Errorf("%s = %q, %s: library English %q:\n%s", field, v, args[0], w, msg)
			}
			for _, bad := range []string{"写入数据文件失败", "未保存", "panic", "goroutine"} {
				if strings.Contains(msg, bad) {
					t.Errorf("%s = %q, %s says %q:\n%s", field, v, args[0], bad, msg)
				}
			}
		}
		if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
			t.Errorf("%s = %q: a read-only command changed the data file", field, v)
		}
	})
}
