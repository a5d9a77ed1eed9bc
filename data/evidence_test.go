package data

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/app/evidence"
)

const evYear = "2024-2025"

// file prepares a small opaque file with distinct content.
func file(t testing.TB, name, content string) *evidence.Prepared {
	t.Helper()
	p, err := evidence.Prepare(name, []byte(content))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func attach(t testing.TB, s *Store, adds ...evidence.Add) {
	t.Helper()
	if err := s.SaveEvidence(evYear, evidence.Edit{Add: adds}); err != nil {
		t.Fatal(err)
	}
}

func attachments(t testing.TB, s *Store) map[string]evidence.Attachment {
	t.Helper()
	as, err := s.Attachments(evYear)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]evidence.Attachment{}
	for _, a := range as {
		out[a.ID] = a
	}
	return out
}

func blobCount(t testing.TB, s *Store) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM blob`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// An attachment keeps what the clerk said of it and its bytes; the same
// bytes proving two items are stored once; the change is in the history
// with who made it.
func TestAttachListAndRead(t *testing.T) {
	s := storeWith(t, county.Generate(3, 1))
	f, _ := s.LoadYear(evYear)
	school := f.Schools[1]
	doc := file(t, "布局规划.pdf", "规划文件内容")
	attach(t, s,
		evidence.Add{Item: "G1", Meta: evidence.Meta{Title: "县域学校布局规划", DocNo: "某政发〔2023〕5号", Date: "2023年5月8日"}, File: doc},
		evidence.Add{Item: "G3", School: school.ID, Meta: evidence.Meta{Caption: "音乐教室", Entry: "音乐专用教室照片"}, File: file(t, "音乐.jpg", "照片字节")},
		evidence.Add{Item: "G2.1", File: doc},
	)
	got := attachments(t, s)
	if len(got) != 3 {
		t.Fatalf("%d attachments, want 3: %v", len(got), got)
	}
	g1 := got[evidence.Key("G1", "", doc.Hash)]
	if g1.DocNo != "某政发〔2023〕5号" || g1.Date != "2023-05-08" || g1.Title != "县域学校布局规划" || g1.AddedBy != "测试县教育局 / 张三" {
		t.Errorf("G1 attachment = %+v", g1)
	}
	if blobCount(t, s) != 2 {
		t.Errorf("%d blobs, want 2 (the same file proving G1 and G2.1 is stored once)", blobCount(t, s))
	}
	data, err := s.AttachmentData(doc.Hash)
	if err != nil || string(data) != "规划文件内容" {
		t.Errorf("AttachmentData = %q, %v", data, err)
	}
	// Removing it from G1 keeps the bytes G2.1 still uses.
	if err := s.SaveEvidence(evYear, evidence.Edit{Remove: []string{evidence.Key("G1", "", doc.Hash)}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AttachmentData(doc.Hash); err != nil || blobCount(t, s) != 2 {
		t.Errorf("the bytes of a file still proving G2.1 went with its G1 attachment: %v", err)
	}
	hist, err := s.History(Filter{Year: evYear})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range hist {
		if c.Kind == kindEvidence && c.Label == "文号" && strings.Contains(c.String(), "某政发〔2023〕5号") && strings.Contains(c.String(), "张三") {
			found = true
		}
	}
	if !found {
		t.Errorf("the history does not say who attached the 文号: %v", hist)
	}
}

// What cannot be attached is refused whole, in Chinese naming the file
// and what is wrong; nothing of the edit is saved.
func TestAttachRefusals(t *testing.T) {
	s := storeWith(t, county.Generate(2, 1))
	ok := file(t, "好.pdf", "a")
	dup := file(t, "重复.pdf", "b")
	attach(t, s, evidence.Add{Item: "G8", File: dup})
	cases := []struct {
		name string
		add  evidence.Add
		want []string
	}{
		{"unknown item", evidence.Add{Item: "G99", File: ok}, []string{"G99", "好.pdf", "不存在"}},
		{"unknown school", evidence.Add{Item: "G3", School: "999", File: ok}, []string{"999", "好.pdf"}},
		{"bad date", evidence.Add{Item: "G8", Meta: evidence.Meta{Date: "2023-02-30"}, File: ok}, []string{"日期", "2023-02-30"}},
		{"unknown entry", evidence.Add{Item: "G8", Meta: evidence.Meta{Entry: "不存在的项"}, File: ok}, []string{"不存在的项", "G8"}},
		{"already attached", evidence.Add{Item: "G8", File: file(t, "另一个名字.pdf", "b")}, []string{"另一个名字.pdf", "重复"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := blobCount(t, s)
			err := s.SaveEvidence(evYear, evidence.Edit{Add: []evidence.Add{{Item: "G1", File: file(t, "先加.pdf", c.name)}, c.add}})
			if err == nil {
				t.Fatal("accepted")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q does not name %q", err, w)
				}
			}
			if len(attachments(t, s)) != 1 || blobCount(t, s) != before {
				t.Error("part of a refused edit was saved")
			}
		})
	}
}

// Re-describing and removing work on saved attachments; a removed file
// attached again comes back; a removed one is no longer listed.
func TestUpdateRemoveAndAttachAgain(t *testing.T) {
	s := storeWith(t, county.Generate(2, 1))
	p := file(t, "工资对比.xlsx", "工资")
	id := evidence.Key("G8", "", p.Hash)
	attach(t, s, evidence.Add{Item: "G8", File: p})
	if err := s.SaveEvidence(evYear, evidence.Edit{Update: map[string]evidence.Meta{id: {Title: "教师工资对比测算表", Entry: "教师与公务员平均工资收入对比测算表"}}}); err != nil {
		t.Fatal(err)
	}
	if a := attachments(t, s)[id]; a.Title != "教师工资对比测算表" || a.Entry == "" {
		t.Fatalf("after update: %+v", a)
	}
	if err := s.SaveEvidence(evYear, evidence.Edit{Remove: []string{id}}); err != nil {
		t.Fatal(err)
	}
	if len(attachments(t, s)) != 0 {
		t.Fatal("removed attachment still listed")
	}
	if n, _ := s.EvidenceBytes(); n != 0 || blobCount(t, s) != 0 {
		t.Errorf("after removing the only attachment the file still holds %d bytes of it", n)
	}
	if err := s.SaveEvidence(evYear, evidence.Edit{Remove: []string{id}}); err == nil || !strings.Contains(err.Error(), "已被删除") {
		t.Errorf("removing twice: %v", err)
	}
	attach(t, s, evidence.Add{Item: "G8", File: p})
	if a, ok := attachments(t, s)[id]; !ok || a.Title != "" {
		t.Errorf("attached again: %+v (a file attached anew starts without the old description)", a)
	}
}

// Gaps: the default checklist of G8 has two entries; one answered leaves
// one; a clerk's checklist replaces the default.
func TestChecklistAndGaps(t *testing.T) {
	s := storeWith(t, county.Generate(2, 1))
	lists, err := s.Checklists(evYear)
	if err != nil {
		t.Fatal(err)
	}
	want := len(evidence.Defaults("G8"))
	gaps := evidence.ByItem(evidence.Missing(lists, nil, nil))
	if gaps[slicesIndex(gaps, "G8")].Count != want {
		t.Fatalf("G8 gaps = %+v, want %d", gaps, want)
	}
	first := lists["G8"][0].Name
	attach(t, s, evidence.Add{Item: "G8", Meta: evidence.Meta{Entry: first}, File: file(t, "a.pdf", "a")})
	as, _ := s.Attachments(evYear)
	gaps = evidence.ByItem(evidence.Missing(lists, as, nil))
	if g := gaps[slicesIndex(gaps, "G8")]; g.Count != want-1 || g.Sentence() != fmt.Sprintf("G8 缺 %d 项佐证材料", want-1) {
		t.Errorf("after one: %+v %q", g, g.Sentence())
	}
	if err := s.SaveChecklist(evYear, "G8", []evidence.Entry{{Name: " 自定义材料 "}, {Name: "自定义材料"}}); err == nil {
		t.Error("a checklist naming one entry twice was saved")
	}
	if err := s.SaveChecklist(evYear, "G8", []evidence.Entry{{Name: first}, {Name: "工资发放花名册", Status: evidence.StatusPaper}}); err != nil {
		t.Fatal(err)
	}
	lists, _ = s.Checklists(evYear)
	if len(lists["G8"]) != 2 || lists["G8"][1].Status != evidence.StatusPaper {
		t.Fatalf("saved checklist = %+v", lists["G8"])
	}
	if gaps := evidence.Missing(lists, as, nil); slicesIndexGap(gaps, "G8") >= 0 {
		t.Errorf("G8 answered and on paper, still missing: %+v", gaps)
	}
}

func slicesIndex(gs []evidence.ItemGap, item string) int {
	for i, g := range gs {
		if g.Item == item {
			return i
		}
	}
	return -1
}

func slicesIndexGap(gs []evidence.Gap, item string) int {
	for i, g := range gs {
		if g.Item == item {
			return i
		}
	}
	return -1
}

// A township's export carries its schools' attachments and their bytes,
// nothing of other schools or the county; what the township adds comes
// back with its bytes on merge; the same photo attached in both offices is
// one attachment, stored once.
func TestEvidenceTravelsWithExportAndMerge(t *testing.T) {
	bureau := storeWith(t, county.Generate(4, 3))
	f, _ := bureau.LoadYear(evYear)
	mine, other := f.Schools[0], f.Schools[1]
	same := file(t, "操场.jpg", "同一张照片")
	attach(t, bureau,
		evidence.Add{Item: "G1", File: file(t, "规划.pdf", "县级文件")},
		evidence.Add{Item: "R5", School: mine.ID, File: same},
		evidence.Add{Item: "R5", School: other.ID, File: file(t, "别校.jpg", "别校的照片")},
	)
	out := filepath.Join(t.TempDir(), "乡镇.db")
	if _, err := bureau.ExportSchools(out, []string{mine.ID}); err != nil {
		t.Fatal(err)
	}
	town, err := Open(out, OpenOptions{Settings: Settings{Office: "城关镇中心校", User: "李四"}})
	if err != nil {
		t.Fatal(err)
	}
	defer town.Close()
	got := attachments(t, town)
	if len(got) != 1 || blobCount(t, town) != 1 {
		t.Fatalf("export holds %d attachments, %d blobs; want only its school's one", len(got), blobCount(t, town))
	}
	if _, ok := got[evidence.Key("R5", mine.ID, same.Hash)]; !ok {
		t.Fatalf("export lacks its school's photo: %v", got)
	}
	added := file(t, "音乐教室.jpg", "乡镇新拍的照片")
	attach(t, town, evidence.Add{Item: "G3", School: mine.ID, Meta: evidence.Meta{Caption: "乡镇拍摄"}, File: added})
	p, err := bureau.PlanMerge(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Conflicts) != 0 {
		t.Fatalf("conflicts: %v", p.Conflicts)
	}
	if err := bureau.ApplyMerge(p, nil); err != nil {
		t.Fatal(err)
	}
	after := attachments(t, bureau)
	if len(after) != 4 {
		t.Fatalf("bureau holds %d attachments after merge, want 4", len(after))
	}
	data, err := bureau.AttachmentData(added.Hash)
	if err != nil || !bytes.Equal(data, added.Data) {
		t.Fatalf("merged photo bytes = %q, %v", data, err)
	}
	if a := after[evidence.Key("G3", mine.ID, added.Hash)]; a.Caption != "乡镇拍摄" || !strings.Contains(a.AddedBy, "城关镇中心校") {
		t.Errorf("merged attachment = %+v", a)
	}
	// The same photo attached to the same item in both offices.
	twin := file(t, "同一张.jpg", "两边都拍了")
	attach(t, bureau, evidence.Add{Item: "R7", School: mine.ID, File: twin})
	attach(t, town, evidence.Add{Item: "R7", School: mine.ID, File: twin})
	p, err = bureau.PlanMerge(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := bureau.ApplyMerge(p, make([]bool, len(p.Conflicts))); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range attachments(t, bureau) {
		if a.Hash == twin.Hash {
			n++
		}
	}
	var blobs int
	bureau.db.QueryRow(`SELECT count(*) FROM blob WHERE hash = ?`, twin.Hash).Scan(&blobs)
	if n != 1 || blobs != 1 {
		t.Errorf("the photo attached in both offices is listed %d times, stored %d times; want once", n, blobs)
	}
}

// Removed on one side, re-captioned on the other: a conflict, named in
// Chinese; nothing applied until decided; either decision holds.
func TestEvidenceRemoveAgainstRecaptionIsAConflict(t *testing.T) {
	for _, theirs := range []bool{false, true} {
		t.Run(fmt.Sprint("takeTheirs=", theirs), func(t *testing.T) {
			bureau, town := twoOffices(t, 3)
			p := file(t, "合影.jpg", "照片")
			id := evidence.Key("Q6", "", p.Hash)
			attach(t, bureau, evidence.Add{Item: "Q6", File: p, Meta: evidence.Meta{Caption: "旧说明"}})
			pl := plan(t, town, bureau)
			if err := town.ApplyMerge(pl, make([]bool, len(pl.Conflicts))); err != nil {
				t.Fatal(err)
			}
			if err := bureau.SaveEvidence(evYear, evidence.Edit{Remove: []string{id}}); err != nil {
				t.Fatal(err)
			}
			if err := town.SaveEvidence(evYear, evidence.Edit{Update: map[string]evidence.Meta{id: {Caption: "新说明"}}}); err != nil {
				t.Fatal(err)
			}
			pl = plan(t, bureau, town)
			if len(pl.Conflicts) != 1 || !strings.Contains(pl.Conflicts[0].String(), "佐证材料") || !strings.Contains(pl.Conflicts[0].String(), "删除") {
				t.Fatalf("conflicts = %v", pl.Conflicts)
			}
			if err := bureau.ApplyMerge(pl, nil); err == nil {
				t.Fatal("applied without a decision")
			}
			if len(attachments(t, bureau)) != 0 {
				t.Fatal("something was applied before the decision")
			}
			if err := bureau.ApplyMerge(pl, []bool{theirs}); err != nil {
				t.Fatal(err)
			}
			a, kept := attachments(t, bureau)[id]
			if kept != theirs || (theirs && a.Caption != "新说明") {
				t.Errorf("after choosing theirs=%v: kept=%v %+v", theirs, kept, a)
			}
		})
	}
}

// A file of schema 3 is upgraded and takes attachments.
func TestSchema3FileTakesAttachments(t *testing.T) {
	s := storeWith(t, county.Generate(2, 1))
	path := s.Path()
	s.Close()
	rawExec(t, path, undoSchema4)
	s, err := Open(path, OpenOptions{Settings: testSettings})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	attach(t, s, evidence.Add{Item: "S1", File: file(t, "调查报告.pdf", "报告")})
	if len(attachments(t, s)) != 1 {
		t.Fatal("upgraded file lost the attachment")
	}
}
