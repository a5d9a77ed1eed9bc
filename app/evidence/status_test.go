package evidence

import (
	"strings"
	"testing"
)

// The state of each entry follows the files attached: a county entry is
// 已提供 once a file answers it, a per-school entry names the schools still
// missing, and a status the clerk set is shown as set.
func TestStatesFollowTheFiles(t *testing.T) {
	schools := []SchoolRef{{ID: "1", Name: "第一小学"}, {ID: "2", Name: "第二小学"}}
	lists := map[string][]Entry{"G3": {
		{Name: "音乐专用教室照片", PerSchool: true},
		{Name: "专用教室面积测量表", PerSchool: true, Status: StatusPaper},
		{Name: "县级文件"},
	}}
	atts := []Attachment{
		{Item: "G3", School: "1", Meta: Meta{Entry: "音乐专用教室照片"}},
		{Item: "G3", Meta: Meta{Entry: "县级文件"}},
	}
	st := States("G3", lists, atts, schools)
	if len(st) != 3 {
		t.Fatalf("%d states, want 3", len(st))
	}
	if st[0].State != StateMissing || len(st[0].Missing) != 1 || st[0].Missing[0].Name != "第二小学" {
		t.Errorf("music rooms: %+v, want 缺 at 第二小学 only", st[0])
	}
	if st[1].State != "纸质已备" || st[2].State != StateGiven {
		t.Errorf("states %q %q, want 纸质已备 已提供", st[1].State, st[2].State)
	}
	over := Overview(lists, atts, schools)
	for _, o := range over {
		if o.Item == "G3" && (o.Files != 2 || o.Missing != 1) {
			t.Errorf("G3 overview %+v, want 2 files, 1 missing", o)
		}
	}
	if len(over) != len(Items()) {
		t.Errorf("overview has %d items, want every item (%d)", len(over), len(Items()))
	}
}

// A file past the limit is refused naming it and its size, before its
// bytes are read.
func TestTooBigNamesTheFile(t *testing.T) {
	err := TooBig("大视频.mp4", 3<<30)
	if err == nil || !strings.Contains(err.Error(), "大视频.mp4") || !strings.Contains(err.Error(), "3072.0 MB") {
		t.Fatalf("TooBig = %v", err)
	}
	if TooBig("小.jpg", MaxFileBytes) != nil {
		t.Fatal("a file of exactly the limit is refused")
	}
}

// Programs, scripts and shortcuts are never handed to the system; the
// documents and photos a clerk attaches are.
func TestViewable(t *testing.T) {
	for _, ext := range []string{".exe", ".bat", ".cmd", ".lnk", ".js", ".vbs", ".ps1", ".msi", ".scr", ".sh", ".desktop", ".hta", ""} {
		if Viewable(ext) {
			t.Errorf("%q is viewable", ext)
		}
	}
	for _, ext := range []string{".pdf", ".JPG", ".docx", ".xlsx", ".png"} {
		if !Viewable(ext) {
			t.Errorf("%q is not viewable", ext)
		}
	}
}
