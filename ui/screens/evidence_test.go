package screens

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	ev "junheng/app/evidence"
	"junheng/ui/dialogs"
)

// writeFile writes a file for the clerk to add and returns its path.
func writeFile(t *testing.T, name string, content []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// jpegOf is a small JPEG of one colour.
func jpegOf(t testing.TB, c color.Color, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func (fx *fixture) evidencePage(target string) *evidencePage {
	p := fx.show(Evidence).(*evidencePage)
	p.Open(target)
	return p
}

// Two files added (pending, listed), the second taken back with 撤销: one
// is left, and 保存 stores it with one SaveEvidence carrying exactly that
// file for G8, the checklist entry the clerk chose.
func TestEvidenceAddTwoUndoSaveOnce(t *testing.T) {
	fx := newFixture(t)
	p := fx.evidencePage("G8")
	entry := ev.Defaults("G8")[1].Name
	p.entrySel.SetSelected(entry)
	p.Drop([]string{writeFile(t, "工资测算表.xlsx", []byte("sheet one"))})
	p.Drop([]string{writeFile(t, "绩效工资文件.pdf", []byte("%PDF-1.4 two"))})
	if len(p.shown) != 2 || !p.Dirty() {
		t.Fatalf("after two adds the page lists %d files, dirty %v", len(p.shown), p.Dirty())
	}
	if len(fx.store.Edits) != 0 {
		t.Fatal("adding stored at once, before 保存")
	}
	tapButton(t, p.Object(), "撤销")
	if len(p.shown) != 1 || p.shown[0].Name != "工资测算表.xlsx" {
		t.Fatalf("after 撤销 the page lists %v, want the first file only", p.shown)
	}
	tapButton(t, p.Object(), "保存（Ctrl+S）")
	if len(fx.store.Edits) != 1 {
		t.Fatalf("保存 called SaveEvidence %d times, want once", len(fx.store.Edits))
	}
	e := fx.store.Edits[0]
	if len(e.Add) != 1 || e.Add[0].File.Name != "工资测算表.xlsx" || e.Add[0].Item != "G8" || e.Add[0].School != "" ||
		e.Add[0].Entry != entry || len(e.Remove) != 0 || len(e.Update) != 0 {
		t.Fatalf("saved edit %+v, want the one file for G8 answering %s", e, entry)
	}
	if p.Dirty() {
		t.Fatal("the page is still dirty after saving")
	}
	stored, _ := fx.store.Attachments(fx.env.S.Year)
	if len(stored) != 1 || len(p.shown) != 1 || p.shown[0].Pending() {
		t.Fatalf("after saving: %d stored, page shows %v", len(stored), p.shown)
	}
}

// A drop goes to the item and school on screen; a file over the limit is
// refused before it is read, in a dialog naming it.
func TestEvidenceDropGoesToTheSelectedSchool(t *testing.T) {
	fx := newFixture(t)
	sc := fx.env.S.File.Schools[1]
	p := fx.evidencePage("G3" + fieldSep + sc.ID)
	if p.scope.Selected != sc.Name {
		t.Fatalf("the scope shows %q, want %s", p.scope.Selected, sc.Name)
	}
	big := filepath.Join(t.TempDir(), "操场视频.mp4")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, ev.MaxFileBytes+1); err != nil {
		t.Fatal(err)
	}
	p.Drop([]string{writeFile(t, "音乐教室.jpg", jpegOf(t, color.White, 40, 30)), big})
	items := p.draft.Items()
	if len(items) != 1 || items[0].Item != "G3" || items[0].School != sc.ID {
		t.Fatalf("the drop added %+v, want one file to G3 of %s", items, sc.ID)
	}
	if text := overlayTexts(fx.win); !strings.Contains(text, "操场视频.mp4") || !strings.Contains(text, "上限") {
		t.Fatalf("the refusal of the large file says %q", text)
	}
}

// 修改… takes the date through the one date parser: a date in another
// form is stored as 2025-03-08, a word that is no date is refused in the
// dialog and changes nothing.
func TestEvidenceEditDate(t *testing.T) {
	fx := newFixture(t)
	p := fx.evidencePage("G1")
	p.Drop([]string{writeFile(t, "布局规划.pdf", []byte("%PDF plan"))})
	id := p.shown[0].ID
	d := p.editFile(id)
	d.Date.SetText("明天")
	test.Tap(d.OK)
	if d.Msg.Text == "" || !strings.Contains(d.Msg.Text, "明天") {
		t.Fatalf("a date 明天 gives the message %q", d.Msg.Text)
	}
	if a, _ := p.draft.Get(id); a.Date != "" {
		t.Fatalf("a refused date was kept: %q", a.Date)
	}
	d.Date.SetText("2025年3月8日")
	d.DocNo.SetText("某政〔2024〕3号")
	d.Title.SetText("义务教育学校布局规划")
	test.Tap(d.OK)
	a, _ := p.draft.Get(id)
	if a.Date != "2025-03-08" || a.DocNo != "某政〔2024〕3号" || a.DisplayTitle() != "义务教育学校布局规划" {
		t.Fatalf("edited to %+v", a.Meta)
	}
	tapButton(t, p.Object(), "撤销") // the description, not the file
	if a, _ := p.draft.Get(id); a.Date != "" || len(p.shown) != 1 {
		t.Fatalf("撤销 after 修改 left %+v and %d files", a.Meta, len(p.shown))
	}
}

// The checklist editor refuses an entry without a name with
// app/evidence's message; a named one is stored and counted at once.
func TestEvidenceChecklistEditor(t *testing.T) {
	fx := newFixture(t)
	p := fx.evidencePage("G8")
	d := p.editChecklist()
	test.Tap(d.Add)
	test.Tap(d.Save)
	if !strings.Contains(d.Msg.Text, "没有名称") {
		t.Fatalf("an empty entry gives %q", d.Msg.Text)
	}
	last := d.rows.Objects[len(d.rows.Objects)-1].(*fyne.Container)
	last.Objects[0].(*widget.Entry).SetText("教师工资发放花名册")
	test.Tap(d.Save)
	lists, _ := fx.store.Checklists(fx.env.S.Year)
	if n := len(lists["G8"]); n != len(ev.Defaults("G8"))+1 || lists["G8"][n-1].Name != "教师工资发放花名册" {
		t.Fatalf("stored checklist %+v", lists["G8"])
	}
	found := false
	walk(p.checks, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "教师工资发放花名册：缺") {
			found = true
		}
	})
	if !found {
		t.Fatal("the page does not list the new entry as missing")
	}
}

// 打开 writes the file under a safe name in a temporary folder and hands
// exactly that to the system; a program is never handed over, only its
// folder.
func TestEvidenceOpenWritesAndOpensOnlyDocuments(t *testing.T) {
	fx := newFixture(t)
	var opened []*url.URL
	old := dialogs.OpenURL
	dialogs.OpenURL = func(u *url.URL) error { opened = append(opened, u); return nil }
	t.Cleanup(func() { dialogs.OpenURL = old })
	p := fx.evidencePage("G9")
	p.Drop([]string{writeFile(t, "培训:统计?.pdf", []byte("%PDF training"))})
	p.openFile(p.shown[0])
	if len(opened) != 1 {
		t.Fatalf("%d opened", len(opened))
	}
	got, err := os.ReadFile(filepath.FromSlash(opened[0].Path))
	if err != nil || string(got) != "%PDF training" {
		t.Fatalf("the opened file %s holds %q (%v)", opened[0].Path, got, err)
	}
	if base := filepath.Base(opened[0].Path); strings.ContainsAny(base, ":?") || !strings.HasSuffix(base, ".pdf") {
		t.Fatalf("opened under the name %q", base)
	}
	p.Drop([]string{writeFile(t, "setup.exe", []byte("MZ program"))})
	p.openFile(p.shown[1])
	if len(opened) != 2 || strings.HasSuffix(opened[1].Path, ".exe") {
		t.Fatalf("a program was handed to the system: %v", opened)
	}
	t.Cleanup(func() { os.RemoveAll(openDir()) })
}

// A stored photo's thumbnail is shown from the store's thumbnail, read
// once however often the list redraws.
func TestEvidenceThumbnailCachedByHash(t *testing.T) {
	fx := newFixture(t)
	thumb := jpegOf(t, color.RGBA{R: 200, A: 255}, 24, 16)
	f, err := ev.Prepare("操场.jpg", jpegOf(t, color.RGBA{G: 200, A: 255}, 300, 200))
	if err != nil {
		t.Fatal(err)
	}
	f.Kind, f.Thumb = ev.KindPhoto, thumb
	if err := fx.store.SaveEvidence(fx.env.S.Year, ev.Edit{Add: []ev.Add{{Item: "R5", File: f}}}); err != nil {
		t.Fatal(err)
	}
	p := fx.evidencePage("R5")
	p.Update()
	p.redrawItem()
	var img *canvas.Image
	walk(p.files, func(o fyne.CanvasObject) {
		if i, ok := o.(*canvas.Image); ok && i.Visible() && i.Resource != nil {
			img = i
		}
	})
	if img == nil || !bytes.Equal(img.Resource.Content(), thumb) {
		t.Fatal("the list shows no thumbnail, or not the store's")
	}
	if fx.store.ThumbCalls != 1 {
		t.Fatalf("the thumbnail was read %d times, want once", fx.store.ThumbCalls)
	}
}

// onlyG8 gives every item but G8 an empty checklist and G8 two entries,
// so that the gaps are exactly G8's two.
func onlyG8(t *testing.T, fx *fixture) {
	t.Helper()
	for _, it := range ev.Items() {
		var es []ev.Entry
		if it.Code == "G8" {
			es = []ev.Entry{{Name: "工资对比测算表"}, {Name: "绩效工资文件"}}
		}
		if err := fx.store.SaveChecklist(fx.env.S.Year, it.Code, es); err != nil {
			t.Fatal(err)
		}
	}
}

// The 首页 names what the checklists miss (G8 缺 2 项) and opens the
// 佐证材料 page on it; after a file answering one entry is saved it says
// 缺 1 项. The 整改清单 lists it in its own group.
func TestHomeAndTodoShowEvidenceGaps(t *testing.T) {
	fx := newFixture(t)
	onlyG8(t, fx)
	var went []string
	fx.env.Goto = func(page, target string) { went = append(went, page+" "+target) }
	h := fx.show(Home).(*home)
	if b := link(h.gaps, "G8 缺 2 项佐证材料"); b == nil {
		t.Fatalf("the 首页 does not say G8 缺 2 项: %v", texts(h.gaps))
	} else {
		b.OnTapped() // a headless tap may miss the text a link answers on
	}
	if len(went) != 1 || went[0] != Evidence+" G8" {
		t.Fatalf("tapping the line went to %v", went)
	}
	todoPage := fx.show(Todo).(*todo)
	var lines []string
	for _, r := range todoPage.rows {
		if r.gap != nil {
			lines = append(lines, r.gap.Sentence())
		}
	}
	if len(lines) != 1 || lines[0] != "G8 缺 2 项佐证材料" {
		t.Fatalf("整改清单 lists %v", lines)
	}
	p := fx.evidencePage("G8")
	p.entrySel.SetSelected("绩效工资文件")
	p.Drop([]string{writeFile(t, "绩效.pdf", []byte("%PDF merit"))})
	if !p.Save() {
		t.Fatalf("save refused: %s", p.msg.Text)
	}
	fx.show(Home)
	if link(h.gaps, "G8 缺 1 项佐证材料") == nil {
		t.Fatalf("after saving the 首页 says %v", texts(h.gaps))
	}
}

// A store refusal reaches the clerk as it is worded, and the pending
// files are kept.
func TestEvidenceSaveRefusalShown(t *testing.T) {
	fx := newFixture(t)
	fx.store.EvidenceErr = fmt.Errorf("数据文件已满：佐证材料合计超过 2048 MB")
	p := fx.evidencePage("G8")
	p.Drop([]string{writeFile(t, "a.pdf", []byte("%PDF a"))})
	if p.Save() {
		t.Fatal("a refused save reported success")
	}
	if !strings.Contains(p.msg.Text, "数据文件已满") || !p.Dirty() {
		t.Fatalf("message %q, dirty %v", p.msg.Text, p.Dirty())
	}
}

// link finds a link below root whose text contains s.
func link(root fyne.CanvasObject, s string) *widget.Hyperlink {
	var found *widget.Hyperlink
	walk(root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Hyperlink); ok && found == nil && strings.Contains(b.Text, s) {
			found = b
		}
	})
	return found
}

func texts(root fyne.CanvasObject) []string {
	var out []string
	walk(root, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Hyperlink:
			out = append(out, x.Text)
		case *widget.Label:
			out = append(out, x.Text)
		}
	})
	return out
}
