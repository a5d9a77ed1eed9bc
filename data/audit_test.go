package data

import (
	"os"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/app/evidence"
)

// auditedFile is a sound data file with a school's photo, closed, and the
// tampering applied to it with plain SQL as another program would.
func auditedFile(t *testing.T, tamper ...string) string {
	t.Helper()
	f := county.Generate(5, 3)
	s := storeWith(t, f)
	photo := evPrep(t, "音乐教室.jpg", evPhoto(t, 320, 240, 1, 90))
	evSave(t, s, evidence.Edit{Add: []evidence.Add{evAdd("G3", f.Schools[1].ID, photo, evidence.Meta{Caption: "音乐教室"})}})
	if found, err := s.Audit(); err != nil || len(found) > 0 {
		t.Fatalf("a sound file: %q %v", found, err)
	}
	path := s.Path()
	s.Close()
	rawExec(t, path, tamper...)
	return path
}

func auditOf(t *testing.T, path string) []string {
	t.Helper()
	s, err := Open(path, OpenOptions{ReadOnly: true, Settings: testSettings})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	found, err := s.Audit()
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// Issue 21 §2, as found: check called tampered files sound (「文件完好…数据
// 校验通过」): attachment bytes that no longer match their hash, an
// emptied change log, a stored value under a field the program does not
// know (an attachment's: silently dropped on reading), a non-finite
// number. Each is a finding naming the file and what to do, and export
// and merge refuse the file.
func TestCheckFindsTampering(t *testing.T) {
	cases := []struct {
		name   string
		tamper []string
		want   []string
	}{
		{"attachment bytes", []string{`UPDATE blob SET data = zeroblob(length(data))`}, []string{"佐证材料", "已损坏"}},
		{"emptied change log", []string{`DELETE FROM change`}, []string{"修改记录不完整", "没有对应的修改记录"}},
		{"emptied commit log", []string{`DELETE FROM change`, `DELETE FROM commit_log`}, []string{"已不存在的提交"}},
		{"unknown field of an attachment", []string{`INSERT INTO value SELECT entity, 'secret', 'x', rev FROM value WHERE field = 'caption'`,
			`INSERT INTO change SELECT entity, 'secret', rev, NULL, 'x', NULL, 0 FROM value WHERE field = 'secret'`}, []string{"「secret」", "不认识"}},
		{"unknown field of a school", []string{`INSERT INTO value SELECT entity, 'foo', 3, rev FROM value WHERE field = 'books' LIMIT 1`,
			`INSERT INTO change SELECT entity, 'foo', rev, NULL, 3, NULL, 0 FROM value WHERE field = 'foo'`}, []string{"「foo」", "不认识"}},
		{"infinite number", []string{`UPDATE value SET val = 9e999 WHERE field = 'population_wan'`, `UPDATE change SET new = 9e999 WHERE field = 'population_wan'`},
			[]string{"「population_wan」", "不是有限数"}},
		{"text for a number", []string{`UPDATE value SET val = 'abc' WHERE field = 'books'`, `UPDATE change SET new = 'abc' WHERE field = 'books'`},
			[]string{"「books」", "应为整数"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := auditedFile(t, c.tamper...)
			found := auditOf(t, path)
			all := strings.Join(found, "\n")
			for _, w := range append(c.want, "备份") {
				if !strings.Contains(all, w) {
					t.Errorf("check does not say %q:\n%s", w, all)
				}
			}
			s, err := Open(path, OpenOptions{ReadOnly: true, Settings: testSettings})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if _, err := s.ExportSchools(path+"-导出.db", nil); err == nil || !strings.Contains(err.Error(), "未导出") {
				t.Errorf("export of a tampered file: %v", err)
			}
			if _, err := os.Stat(path + "-导出.db"); err == nil {
				t.Errorf("the export was written")
			}
			bureau := storeWith(t, county.Generate(5, 3))
			if _, err := bureau.PlanMergeWith(path, MergeOptions{}); err == nil || !strings.Contains(err.Error(), "未合并") {
				t.Errorf("merge of a tampered file: %v", err)
			}
		})
	}
}

// Issue 21 §8, as found: check said nothing of a hot journal or a stale
// lock note beside the file.
func TestCheckReportsJournalAndStaleLock(t *testing.T) {
	src := auditedFile(t)
	path := src + "-崩溃.db"
	crashState(t, src, path, true)
	note := `{"office":"千秋镇","user":"李四","host":"` + hostName() + `","pid":999999999,"since":"2026-01-02T03:04:05Z"}`
	if err := os.WriteFile(lockPath(path), []byte(note), 0o644); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(auditOf(t, path), "\n")
	for _, w := range []string{"-journal」", "以编辑方式打开一次", ".lock」", "千秋镇", "李四", "不在运行"} {
		if !strings.Contains(all, w) {
			t.Errorf("check does not say %q:\n%s", w, all)
		}
	}
}
