package screens

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"junheng/ui/uitest"
)

// consentCheck is the dialog's checkbox 「确认：…」, failing when absent.
func consentCheck(t *testing.T, fx *fixture) *widget.Check {
	t.Helper()
	var found *widget.Check
	walk(fx.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && strings.HasPrefix(c.Text, "确认：") {
			found = c
		}
	})
	if found == nil {
		t.Fatalf("the preview has no 「确认：…」 checkbox:\n%s", overlayTexts(fx.win))
	}
	return found
}

// importWithConsent imports the workbook, checks the preview says every
// word of want, that 确认导入 waits for the 「确认：…」 tick, then ticks
// and confirms.
func importWithConsent(t *testing.T, fx *fixture, p *schools, book string, want ...string) {
	t.Helper()
	p.ImportExcel(book)
	shown := overlayTexts(fx.win)
	for _, w := range append(want, "确认导入") {
		if !strings.Contains(shown, w) {
			t.Errorf("the preview does not say %q:\n%s", w, shown)
		}
	}
	if strings.Contains(shown, "--") {
		t.Errorf("the preview points to a command-line flag:\n%s", shown)
	}
	ok := uitest.Button(fx.win.Canvas().Overlays().Top(), "确认导入")
	check := consentCheck(t, fx)
	if check.Checked || !ok.Disabled() {
		t.Fatalf("the consent is ticked (%v) or 确认导入 enabled (%v) before the clerk ticks", check.Checked, !ok.Disabled())
	}
	test.Tap(check)
	if ok.Disabled() {
		t.Fatal("确认导入 stays disabled after the consent")
	}
	test.Tap(check)
	if !ok.Disabled() {
		t.Fatal("确认导入 stays enabled after the consent is taken back")
	}
	if len(fx.store.Changes) != 0 {
		t.Fatalf("the preview wrote: %v", fx.store.Changes)
	}
	test.Tap(check)
	test.Tap(ok)
	fx.env.S.Wait()
	if top := fx.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog after confirming:\n%s", overlayTexts(fx.win))
	}
}

// Issue 21 §7: a county workbook renaming the county was refused in the
// GUI pointing to --other-county; now the preview names both counties and
// imports once the clerk ticks the consent.
func TestImportExcelOfAnotherCountyAfterConsent(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	ours := fx.env.S.File.County.Name
	dir := t.TempDir()
	path := filepath.Join(dir, "县级.xlsx")
	p.WriteCountyTemplate(path)
	tapButton(t, fx.win.Canvas().Overlays().Top(), "关闭")
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	x.SetCellValue("县级基本情况", cellWhere(t, x, "县级基本情况", "项目", "县（市、区）名称", "填写值"), "渑池县")
	book := filepath.Join(dir, "渑池县.xlsx")
	saveBook(t, x, book)

	importWithConsent(t, fx, p, book, "「渑池县」", "「"+ours+"」", "不是同一个县")
	if f, err := fx.store.LoadYear(fx.env.S.Year); err != nil || f.County.Name != "渑池县" {
		t.Errorf("the consented import left the county %+v (%v)", f.County, err)
	}
	if got := fx.env.S.File.County.Name; got != "渑池县" {
		t.Errorf("the consented import left the county %q", got)
	}
}

// Issue 21 §7: 万元 typed into a 元 column was refused in the GUI pointing
// to --accept-magnitude; now the preview names the cell, the value and the
// probable mix-up, and imports once the clerk ticks the consent.
func TestImportExcelOfAValueThousandsOffAfterConsent(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	var id string
	var funds float64
	for _, sc := range fx.env.S.File.Schools {
		if sc.PublicFundsAllocated != nil && *sc.PublicFundsAllocated >= 100000 {
			id, funds = sc.ID, *sc.PublicFundsAllocated
			break
		}
	}
	if id == "" {
		t.Fatal("the demo has no school with 核拨公用经费 to mistype")
	}
	dir := t.TempDir()
	x := template(t, p, dir)
	ref := cellOf(t, x, "经费与招生", id, "核拨公用经费（元）")
	x.SetCellValue("经费与招生", ref, funds/10000)
	book := filepath.Join(dir, "万元.xlsx")
	saveBook(t, x, book)

	importWithConsent(t, fx, p, book, "经费与招生!"+ref, "万元当成了元", "确认：这1个数值无误")
	if got := fx.store.School(fx.env.S.Year, id).PublicFundsAllocated; got == nil || *got != funds/10000 {
		t.Errorf("the consented import saved %v", got)
	}
}
