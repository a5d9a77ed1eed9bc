package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"junheng/ui/fakestore"
	"junheng/ui/screens"
)

// A file dropped on the window goes to the 佐证材料 page on screen, to
// the item it shows; leaving the page then asks about the pending file,
// and 不保存 drops it (nothing stored, the page clean when it is shown
// again). A drop on another page adds nothing.
func TestDropOnEvidenceThenLeaveAsks(t *testing.T) {
	a := newTestApp(t, "--demo")
	st := a.Session().Store.(*fakestore.Store)
	path := filepath.Join(t.TempDir(), "音乐教室.jpg")
	if err := os.WriteFile(path, []byte("not really a photo"), 0o644); err != nil {
		t.Fatal(err)
	}
	a.Dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(path)})
	if a.Page(screens.Home).Dirty() {
		t.Fatal("a drop on the 首页 changed it")
	}
	a.Goto(screens.Evidence, "G3")
	a.Dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(path)})
	p := a.Page(screens.Evidence)
	if !p.Dirty() {
		t.Fatal("the drop on 佐证材料 added nothing")
	}
	a.Goto(screens.Home, "")
	ov := a.Win.Canvas().Overlays().Top()
	if ov == nil || a.Current() != screens.Evidence {
		t.Fatal("left the pending file without asking")
	}
	tap(t, ov, "不保存")
	if a.Current() != screens.Home || len(st.Edits) != 0 {
		t.Fatalf("after 不保存: page %s, %d saves", a.Current(), len(st.Edits))
	}
	a.Goto(screens.Evidence, "G3")
	if p.Dirty() {
		t.Fatal("the dropped file is still pending after 不保存")
	}
}
