package evidenceedit

import (
	"strings"
	"testing"

	"junheng/app/evidence"
)

func prepared(t *testing.T, name, content string) *evidence.Prepared {
	t.Helper()
	p, err := evidence.Prepare(name, []byte(content))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func stored(t *testing.T, item, school, name, content string, pos int) evidence.Attachment {
	p := prepared(t, name, content)
	return evidence.Attachment{ID: evidence.Key(item, school, p.Hash), Year: "2024-2025", Item: item, School: school,
		Hash: p.Hash, Name: name, Ext: p.Ext, Pos: pos, Meta: evidence.Meta{Title: "原题名"}}
}

// Two files added, the last taken back: one is left, and the edit adds
// exactly it, with the entry it was dropped on.
func TestAddTwoUndoOne(t *testing.T) {
	d := New("2024-2025", nil)
	if err := d.Add("G3", "", "音乐专用教室照片", prepared(t, "a.jpg", "A")); err != nil {
		t.Fatal(err)
	}
	if err := d.Add("G3", "", "", prepared(t, "b.jpg", "B")); err != nil {
		t.Fatal(err)
	}
	if msg := d.Undo(); !strings.Contains(msg, "b.jpg") {
		t.Errorf("undo says %q, want it to name b.jpg", msg)
	}
	e := d.Edit()
	if len(e.Add) != 1 || e.Add[0].File.Name != "a.jpg" || e.Add[0].Entry != "音乐专用教室照片" || e.Add[0].Item != "G3" {
		t.Fatalf("edit adds %+v, want a.jpg to G3 for its entry", e.Add)
	}
	if len(e.Remove) != 0 || len(e.Update) != 0 || !d.Dirty() {
		t.Fatalf("edit %+v dirty %v", e, d.Dirty())
	}
	d.Undo()
	if d.Dirty() || d.CanUndo() {
		t.Fatal("after undoing both the draft still has changes")
	}
}

// The same content twice on one item is refused, naming both files; on
// another school it is a second attachment.
func TestSameFileTwiceRefused(t *testing.T) {
	d := New("2024-2025", []evidence.Attachment{stored(t, "G3", "1", "music.jpg", "M", 1)})
	err := d.Add("G3", "1", "", prepared(t, "copy.jpg", "M"))
	if err == nil || !strings.Contains(err.Error(), "copy.jpg") || !strings.Contains(err.Error(), "原题名") {
		t.Fatalf("Add of the same content = %v, want a refusal naming both", err)
	}
	if err := d.Add("G3", "2", "", prepared(t, "copy.jpg", "M")); err != nil {
		t.Fatalf("the same photo for another school refused: %v", err)
	}
}

// Re-describing and removing stored attachments: the edit updates only
// what changed from the stored description and removes what is gone;
// an update of a pending add folds into its add.
func TestUpdateRemoveAndPendingUpdate(t *testing.T) {
	a := stored(t, "G8", "", "工资.pdf", "W", 1)
	b := stored(t, "G8", "", "绩效.pdf", "P", 2)
	d := New("2024-2025", []evidence.Attachment{a, b})
	m := a.Meta
	m.DocNo = "某教发〔2024〕12号"
	if err := d.Update(a.ID, m); err != nil {
		t.Fatal(err)
	}
	if err := d.Update(b.ID, b.Meta); err != nil { // unchanged: nothing to save
		t.Fatal(err)
	}
	if err := d.Remove(b.ID); err != nil {
		t.Fatal(err)
	}
	p := prepared(t, "新.pdf", "N")
	if err := d.Add("G8", "", "", p); err != nil {
		t.Fatal(err)
	}
	newID := evidence.Key("G8", "", p.Hash)
	if err := d.Update(newID, evidence.Meta{Title: "新文件"}); err != nil {
		t.Fatal(err)
	}
	e := d.Edit()
	if len(e.Update) != 1 || e.Update[a.ID].DocNo != m.DocNo {
		t.Errorf("updates %+v, want only %s with its 文号", e.Update, a.ID)
	}
	if len(e.Remove) != 1 || e.Remove[0] != b.ID {
		t.Errorf("removes %v, want %s", e.Remove, b.ID)
	}
	if len(e.Add) != 1 || e.Add[0].Title != "新文件" {
		t.Errorf("adds %+v, want the new file titled 新文件", e.Add)
	}
	items := d.Items()
	if len(items) != 2 || items[1].Pos <= items[0].Pos || !items[1].Pending() {
		t.Errorf("items %+v, want the stored one then the pending one after it", items)
	}
	if got := Describe(e); got != "添加 1件，修改 1件，删除 1件" {
		t.Errorf("Describe = %q", got)
	}
	d.Undo() // the title
	d.Undo() // the add
	d.Undo() // the removal
	if e := d.Edit(); len(e.Remove) != 0 || len(e.Add) != 0 || len(e.Update) != 1 {
		t.Errorf("after three undos the edit is %+v, want the 文号 only", e)
	}
	if err := d.Remove("G8//" + strings.Repeat("0", 64)); err == nil {
		t.Error("removing an attachment that is not there is accepted")
	}
}

// A rebase keeps the pending steps; a step on an attachment no longer
// stored changes nothing.
func TestRebaseDropsStepsOnGoneAttachments(t *testing.T) {
	a := stored(t, "G8", "", "工资.pdf", "W", 1)
	d := New("2024-2025", []evidence.Attachment{a})
	if err := d.Remove(a.ID); err != nil {
		t.Fatal(err)
	}
	d.Rebase(nil)
	if d.Dirty() {
		t.Fatalf("edit %+v after the attachment went away, want nothing", d.Edit())
	}
}
