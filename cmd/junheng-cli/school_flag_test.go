package main

import (
	"path/filepath"
	"strings"
	"testing"

	"junheng/assets/demo"
)

// Issue 21 §8, as found: `export --school` refused the full-width or
// space-padded id that JSON input accepts, and `history --school` left
// out the school's attachments. Every --school folds the id alike, and
// the school's history lists its attachments.
func TestSchoolIDsFoldedAlikeAndHistoryListsAttachments(t *testing.T) {
	db, year := attachDB(t)
	school := demo.File().Schools[1]
	wide := " " + strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r - '0' + '０'
		}
		return r
	}, school.ID) + "　"
	dbRun(t, "attach", db, "--year", year, "--item", "G3", "--school", wide, writeTemp(t, "音乐教室.jpg", photoJPEG(t, 80, 60)), "--title", "音乐教室照片")
	hist := dbRun(t, "history", db, "--school", wide)
	if !strings.Contains(hist, "音乐教室照片") || !strings.Contains(hist, school.Name) {
		t.Errorf("history --school %q lacks the school's attachment:\n%s", wide, hist)
	}
	out := filepath.Join(t.TempDir(), "给乡镇.db")
	if got := dbRun(t, "export", db, out, "--school", wide); !strings.Contains(got, "1 所学校") {
		t.Errorf("export --school %q: %s", wide, got)
	}
	if got := dbRun(t, "template", filepath.Join(t.TempDir(), "表.xlsx"), "--db", db, "--school", wide); !strings.Contains(got, "已生成") {
		t.Errorf("template --school %q: %s", wide, got)
	}
}
