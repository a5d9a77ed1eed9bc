package evidence

import (
	"fmt"
	"path"
	"strings"
	"testing"
	"unicode/utf8"
)

func att(item, school, title string, pos int) Attachment {
	h := fmt.Sprintf("%064x", pos)
	return Attachment{ID: Key(item, school, h), Item: item, School: school, Hash: h, Name: title + ".jpg", Ext: ".jpg",
		Kind: KindPhoto, Meta: Meta{Title: title}, Pos: pos}
}

// Paths inside the archive never clash, compared as Windows and macOS
// compare them (without case): not for the same title twice, not for two
// schools of one name, not for titles equal but for case.
func TestArchivePathsUnique(t *testing.T) {
	schools := []SchoolRef{{"1", "第一小学"}, {"2", "第一小学"}, {"3", "Xiao"}, {"4", "XIAO"}}
	atts := []Attachment{
		att("G3", "1", "音乐教室", 1), att("G3", "1", "音乐教室", 2),
		att("G3", "2", "音乐教室", 3),
		att("G3", "3", "Room", 4), att("G3", "4", "room", 5),
		att("G1", "", "规划", 6), att("G1", "", "规划", 7),
	}
	filed := Number(atts, schools)
	paths := ArchivePaths(filed)
	seen := map[string]int{}
	dirs := map[string]string{} // folder -> school
	for i, p := range paths {
		k := strings.ToLower(p)
		if j, ok := seen[k]; ok {
			t.Errorf("%s and %s share the path %s", filed[i].ID, filed[j].ID, p)
		}
		seen[k] = i
		if !utf8.ValidString(p) || !strings.HasSuffix(p, ".jpg") {
			t.Errorf("path %q", p)
		}
		if s := filed[i].School; s != "" {
			d := strings.ToLower(path.Dir(p))
			if other, ok := dirs[d]; ok && other != s {
				t.Errorf("schools %s and %s share the folder %s", other, s, path.Dir(p))
			}
			dirs[d] = s
		}
	}
	// Both schools of one name carry their id in the folder, so that
	// neither is mistaken for the other.
	for i, p := range paths {
		if filed[i].School == "1" || filed[i].School == "2" {
			if !strings.Contains(path.Base(path.Dir(p)), filed[i].School) {
				t.Errorf("%s: folder of a school sharing its name lacks its id", p)
			}
		}
	}
}

// The 档案目录's rows say what each file is and where it lies.
func TestIndexRows(t *testing.T) {
	a := att("G3", "1", "音乐教室", 1)
	a.Width, a.Height, a.Caption, a.Entry = 2000, 1500, "2024年5月 音乐课", "音乐专用教室照片"
	p := att("G1", "", "布局规划", 2)
	p.Kind, p.Ext, p.Pages, p.DocNo = KindPDF, ".pdf", 12, "某政〔2024〕1号"
	d := att("V7", "", "承诺书", 3)
	d.Kind, d.Ext, d.Size = KindDocument, ".docx", 36*1024
	filed := Number([]Attachment{a, p, d}, []SchoolRef{{"1", "第一小学"}})
	paths := ArchivePaths(filed)
	rows := Index(filed, paths)
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	byTitle := map[string]IndexRow{}
	for i, r := range rows {
		if r.Path != paths[i] || r.Code != filed[i].Code() || len(r.Cells()) != len(IndexHeader) {
			t.Errorf("row %d: %+v", i, r)
		}
		byTitle[r.Title] = r
	}
	if r := byTitle["音乐教室"]; r.School != "第一小学" || r.Extent != "2000×1500 像素" || !strings.Contains(r.Note, "2024年5月 音乐课") || !strings.Contains(r.Note, "音乐专用教室照片") || r.Kind != "照片" {
		t.Errorf("photo row %+v", r)
	}
	if r := byTitle["布局规划"]; r.School != CountyLevel || r.Extent != "12 页" || r.DocNo != "某政〔2024〕1号" || !strings.HasPrefix(r.Item, "G1 ") || strings.Contains(r.Item, "，") {
		t.Errorf("PDF row %+v", r)
	}
	if r := byTitle["承诺书"]; r.Kind != "文档（DOCX）" || r.Extent != "36 KB" {
		t.Errorf("document row %+v", r)
	}
}

// Item folders are the code and the first clause, never longer than 90
// bytes, cut between characters with a visible "…".
func TestItemFolder(t *testing.T) {
	for _, it := range Items() {
		f := itemFolder(it.Code, it.Name)
		if len(f) > 90 || !utf8.ValidString(f) || !strings.HasPrefix(f, it.Code+" ") || strings.ContainsAny(f, `，；：/\`) {
			t.Errorf("%s: folder %q", it.Code, f)
		}
		if want := SafeName(it.Code+" "+FirstClause(it.Name), 200); f != want && !strings.HasSuffix(f, "…") {
			t.Errorf("%s: %q cut without a mark", it.Code, f)
		}
	}
}

// Filed lists put together from two numberings (the same 件号 twice) still
// get distinct paths, the extension kept.
func TestArchivePathsSamePiece(t *testing.T) {
	a := Number([]Attachment{att("G1", "", "规划", 1)}, nil)
	b := Number([]Attachment{att("G1", "", "规划", 2)}, nil)
	paths := ArchivePaths(append(a, b...))
	if paths[0] == paths[1] || !strings.HasSuffix(paths[1], " (2).jpg") {
		t.Errorf("paths %q", paths)
	}
}
