package screens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/app/dossier"
	"junheng/app/proofread"
	"junheng/ui/uitest"
)

// printFixture is 打印材料 of a county whose narrative is text, printing
// only 表Ⅱ into a folder of its own; it reports when a PDF was written.
func printFixture(t *testing.T, text string) (*fixture, *print, string, func() bool) {
	t.Helper()
	fx := newFixture(t)
	c := fx.env.S.File.County
	c.Narrative = county.Narrative{Basic: text}
	if err := fx.env.S.SaveCounty(c); err != nil {
		t.Fatal(err)
	}
	fx.env.S.Wait()
	dir := t.TempDir()
	fx.env.Folder = func() string { return dir }
	var status string
	fx.env.Status = func(s string) { status = s }
	p := fx.show(Print).(*print)
	for sec, c := range p.checks {
		c.SetChecked(sec == dossier.Resource)
	}
	written := func() bool {
		deadline := time.Now().Add(time.Minute)
		for !strings.Contains(status, "已生成") && time.Now().Before(deadline) {
			time.Sleep(25 * time.Millisecond)
		}
		time.Sleep(50 * time.Millisecond) // let the dialog close before the app quits
		entries, _ := os.ReadDir(dir)
		return len(entries) == 1 && strings.HasSuffix(entries[0].Name(), ".pdf")
	}
	return fx, p, dir, written
}

// noFile fails the test when the folder holds a file.
func noFile(t *testing.T, dir, when string) {
	t.Helper()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("%s: %s was written", when, filepath.Join(dir, entries[0].Name()))
	}
}

// Found (issue 22 §2): 生成 PDF… printed a dossier whose narrative
// contradicts its own numbers without a word; the findings stood on the
// page, below the fold. Now 材料自查 runs first: its findings are shown in
// a dialog, 返回修改 (the default, also Enter) prints nothing, and only
// 仍然生成 goes on to choose where to save.
func TestPrintAsksWhenProofreadFindsSomething(t *testing.T) {
	fx, p, dir, written := printFixture(t, "全市现有义务教育中小学校99所，各项指标全部达标。")
	found := proofread.Check(fx.env.S.File, fx.env.S.Result)
	if len(found) == 0 {
		t.Fatal("the test needs a narrative that 材料自查 faults")
	}

	uitest.Tap(t, p.Object(), "生成 PDF…")
	ov := fx.win.Canvas().Overlays().Top()
	if ov == nil || uitest.Button(ov, "仍然生成") == nil || uitest.Button(ov, "返回修改") == nil {
		t.Fatal("生成 PDF… did not ask: no 仍然生成 / 返回修改")
	}
	d := uitest.Button(ov, "返回修改")
	if d.Importance != widget.HighImportance || uitest.Button(ov, "仍然生成").Importance == widget.HighImportance {
		t.Error("返回修改 is not the default button")
	}
	shown := overlayTexts(fx.win)
	for _, fd := range found {
		if !strings.Contains(shown, fd.Sentence()) {
			t.Errorf("the dialog does not show %q:\n%s", fd.Sentence(), shown)
		}
	}

	// Enter answers 返回修改: nothing asked further, nothing written.
	fx.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if top := fx.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("after Enter a dialog is still open:\n%s", overlayTexts(fx.win))
	}
	noFile(t, dir, "返回修改")
	uitest.Tap(t, p.Object(), "生成 PDF…")
	uitest.Tap(t, fx.win.Canvas().Overlays().Top(), "返回修改")
	if fx.win.Canvas().Overlays().Top() != nil {
		t.Fatal("返回修改 left a dialog open")
	}
	noFile(t, dir, "返回修改")

	// 仍然生成: asked once, then where to save, then the PDF.
	uitest.Tap(t, p.Object(), "生成 PDF…")
	uitest.Tap(t, fx.win.Canvas().Overlays().Top(), "仍然生成")
	ov = fx.win.Canvas().Overlays().Top()
	if ov == nil || uitest.Button(ov, "仍然生成") != nil || uitest.Button(ov, "保存") == nil {
		t.Fatalf("after 仍然生成 the save dialog is not shown:\n%s", overlayTexts(fx.win))
	}
	uitest.Tap(t, ov, "保存")
	if !written() {
		t.Fatal("no PDF after 仍然生成")
	}
}

// A county whose texts agree with its numbers prints without a question:
// 生成 PDF… goes straight to choosing where to save.
func TestPrintCleanCountyDoesNotAsk(t *testing.T) {
	fx, p, _, written := printFixture(t, "")
	if found := proofread.Check(fx.env.S.File, fx.env.S.Result); len(found) != 0 {
		t.Fatalf("an empty narrative gives findings %v", found)
	}
	uitest.Tap(t, p.Object(), "生成 PDF…")
	ov := fx.win.Canvas().Overlays().Top()
	if ov == nil || uitest.Button(ov, "仍然生成") != nil || uitest.Button(ov, "保存") == nil {
		t.Fatalf("a clean county is asked or not shown the save dialog:\n%s", overlayTexts(fx.win))
	}
	uitest.Tap(t, ov, "保存")
	if !written() {
		t.Fatal("no PDF from a clean county")
	}
}
