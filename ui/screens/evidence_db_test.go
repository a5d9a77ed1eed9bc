package screens

import (
	"bytes"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	ev "junheng/app/evidence"
	"junheng/assets/demo"
	"junheng/ui/dbstore"
	"junheng/ui/session"
)

// evidenceOn builds the 佐证材料 page over env in win, showing target.
func evidenceOn(env *Env, win fyne.Window, target string) *evidencePage {
	p := newEvidence(env)
	win.SetContent(p.Object())
	p.Update()
	p.Open(target)
	return p
}

// On a real data file: two generated JPEGs dropped on R5 of a school are
// saved in one change; after the file is closed and opened again the page
// lists both under the school as photos with their 件号, and shows each
// one's thumbnail as the store keeps it (never the photo itself).
func TestEvidenceOnDataFileSurvivesReopen(t *testing.T) {
	set := session.Settings{User: "张老师", Office: "督导室"}
	d := newOnDB(t, "义马市.db", demo.File(), set)
	sc := d.s.File.Schools[0]
	p := evidenceOn(d.env, d.win, "R5"+fieldSep+sc.ID)
	p.Drop([]string{
		writeFile(t, "运动场.jpg", jpegOf(t, color.RGBA{G: 160, A: 255}, 320, 240)),
		writeFile(t, "球场.jpg", jpegOf(t, color.RGBA{B: 160, A: 255}, 240, 320)),
	})
	if !p.Save() {
		t.Fatalf("save refused: %s", p.msg.Text)
	}
	d.st.Close()

	st, err := dbstore.Open(d.path, set)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s, err := session.New(st, "", set)
	if err != nil {
		t.Fatal(err)
	}
	s.Inline = true
	win := test.NewWindow(nil)
	win.Resize(fyne.NewSize(1280, 800))
	env := &Env{S: s, Win: win, Goto: func(string, string) {}, Status: func(string) {}}
	p = evidenceOn(env, win, "R5"+fieldSep+sc.ID)
	if len(p.shown) != 2 || p.shown[0].Name != "运动场.jpg" || p.shown[1].Name != "球场.jpg" || p.shown[0].Pending() {
		t.Fatalf("after reopening the page lists %+v", p.shown)
	}
	for _, a := range p.shown {
		if f, ok := p.filed[a.ID]; !ok || f.Volume != 1 || f.Piece == 0 {
			t.Errorf("%s has no 件号 in 卷 1 (资源配置): %+v", a.Name, f)
		}
	}
	var shown [][]byte
	walk(p.files, func(o fyne.CanvasObject) {
		if i, ok := o.(*canvas.Image); ok && i.Visible() && i.Resource != nil {
			shown = append(shown, i.Resource.Content())
		}
	})
	if len(shown) != 2 {
		t.Fatalf("after reopening %d thumbnails are shown, want 2", len(shown))
	}
	for i, a := range p.shown {
		want, err := st.Thumbnail(a.Hash)
		if err != nil || len(want) == 0 || a.Kind != ev.KindPhoto {
			t.Fatalf("%s: kind %s, stored thumbnail %d bytes (%v)", a.Name, a.Kind, len(want), err)
		}
		if !bytes.Equal(shown[i], want) {
			t.Errorf("%s: the list shows another picture than its stored thumbnail", a.Name)
		}
	}
}

// Found: R5 read 「已有 5 件」 in the list but opened on 「县级：尚无文件」
// (its files are the schools'). An item opened from the list shows where
// its files are.
func TestEvidenceItemOpensWhereItsFilesAre(t *testing.T) {
	f := demo.File()
	d := newOnDB(t, "义马市.db", f, session.Settings{User: "张老师", Office: "督导室"})
	adds, err := demo.Evidence(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.s.SaveEvidence(ev.Edit{Add: adds}); err != nil {
		t.Fatal(err)
	}
	p := evidenceOn(d.env, d.win, "")
	for i, r := range p.rows {
		if r.item != nil && r.item.Code == "R5" {
			if r.state.Files == 0 {
				t.Fatal("the demo has no R5 files")
			}
			p.list.Select(i)
		}
	}
	if p.item != "R5" || len(p.shown) == 0 || strings.Contains(p.filesHead.Text, "尚无文件") {
		t.Fatalf("R5 opened on %q (%d files shown)", p.filesHead.Text, len(p.shown))
	}
}
