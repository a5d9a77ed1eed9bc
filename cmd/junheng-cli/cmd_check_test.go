package main

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"junheng/assets/demo"
)

// Issue 21 §2 at the command line, as found: `check` answered 「文件完好…
// 数据校验通过」 with exit 0 for attachment bytes that no longer match their
// hash, and `export` copied them with exit 0. Now check lists the finding
// and exits 2; export and merge refuse the file with exit 2.
func TestCheckExportMergeRefuseTamperedAttachment(t *testing.T) {
	db, year := attachDB(t)
	school := demo.File().Schools[1]
	dbRun(t, "attach", db, "--year", year, "--item", "G3", "--school", school.ID, writeTemp(t, "音乐教室.jpg", photoJPEG(t, 80, 60)))
	if code, out, errOut := runCLI("check", db); code != 0 || !strings.Contains(out, "文件完好") {
		t.Fatalf("check of a sound file: exit %d\n%s%s", code, out, errOut)
	}
	db = tamperedCopy(t, db, func(raw *sql.DB) error {
		_, err := raw.Exec(`UPDATE blob SET data = zeroblob(length(data))`)
		return err
	})
	code, out, errOut := runCLI("check", db)
	if code != exitInvalid || strings.Contains(out, "文件完好") || !strings.Contains(out, "已损坏") || !strings.Contains(out, "备份") {
		t.Errorf("check of tampered attachment bytes: exit %d\n%s%s", code, out, errOut)
	}
	out2 := filepath.Join(t.TempDir(), "给乡镇.db")
	if code, _, errOut := runCLI("export", db, out2); code != exitInvalid || !strings.Contains(errOut, "未导出") {
		t.Errorf("export of a tampered file: exit %d %s", code, errOut)
	}
	other := filepath.Join(t.TempDir(), "局.db")
	dbRun(t, "init", other)
	dbRun(t, "import-json", other, writeTemp(t, "demo.json", demo.JSON))
	if code, _, errOut := runCLI("merge", other, db); code != exitInvalid || !strings.Contains(errOut, "未合并") {
		t.Errorf("merge of a tampered file: exit %d %s", code, errOut)
	}
}
