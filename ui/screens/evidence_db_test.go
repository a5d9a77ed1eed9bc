package screens

import (
	"bytes"
	"image/color"
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

// On a real data file: a generated JPEG dropped on R5 of a school and a
// photo with its thumbnail are saved in one change; after the file is
// closed and opened again the page lists both under the school with their
// 件号, and shows the photo's thumbnail as the store keeps it.
func TestEvidenceOnDataFileSurvivesReopen(t *testing.T) {
	set := session.Settings{User: "张老师", Office: "督导室"}
	d := newOnDB(t, "义马市.db", demo.File(), set)
	sc := d.s.File.Schools[0]
	p := evidenceOn(d.env, d.win, "R5"+fieldSep+sc.ID)
	p.Drop([]string{writeFile(t, "运动场.jpg", jpegOf(t, color.RGBA{G: 160, A: 255}, 320, 240))})
	thumb := jpegOf(t, color.RGBA{R: 180, A: 255}, 32, 24)
	photo, err := ev.Prepare("球场.jpg", jpegOf(t, color.RGBA{B: 160, A: 255}, 320, 240))
	if err != nil {
		t.Fatal(err)
	}
	if photo.Thumb == nil { // until Prepare makes thumbnails itself, the test gives one
		photo.Kind, photo.Mime, photo.Thumb = ev.KindPhoto, "image/jpeg", thumb
	}
	thumb = photo.Thumb
	if err := p.draft.Add("R5", sc.ID, "", photo); err != nil {
		t.Fatal(err)
	}
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
	var shownThumb []byte
	walk(p.files, func(o fyne.CanvasObject) {
		if i, ok := o.(*canvas.Image); ok && i.Visible() && i.Resource != nil {
			shownThumb = i.Resource.Content()
		}
	})
	if !bytes.Equal(shownThumb, thumb) {
		t.Fatal("after reopening the photo's thumbnail is not shown")
	}
}
