package screens

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/data/xlsx"
)

const basicSheet = "学校基本信息"

// overlayTexts collects the text of every label, button and entry in the
// dialog on top of the window ("" when no dialog is open).
func overlayTexts(win fyne.Window) string {
	top := win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	walk(top, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.Button:
			b.WriteString(x.Text + "\n")
		}
	})
	return b.String()
}

// primarySchool is the first school of the fixture with primary students.
func primarySchool(t *testing.T, fx *fixture) county.School {
	t.Helper()
	for _, s := range fx.env.S.File.Schools {
		if s.Students.Primary != nil && *s.Students.Primary > 0 && s.Type == county.TypePrimary {
			return s
		}
	}
	t.Fatal("the demo county has no primary school")
	return county.School{}
}

// template writes the full template through the page and opens it.
func template(t *testing.T, p *schools, dir string) *excelize.File {
	t.Helper()
	path := filepath.Join(dir, "模板.xlsx")
	p.WriteTemplate(path, "")
	if ov := p.env.Win.Canvas().Overlays().Top(); ov != nil {
		tapButton(t, ov, "关闭") // the 文件已保存 dialog
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("the template was not written: %v", err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// cellOf is the cell under header in the row of a school.
func cellOf(t *testing.T, x *excelize.File, sheet, id, header string) string {
	t.Helper()
	rows, err := x.GetRows(sheet)
	if err != nil || len(rows) == 0 {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	// Headers break before their unit (小学在校生数\n（人）).
	col := slices.IndexFunc(rows[0], func(h string) bool { return strings.ReplaceAll(h, "\n", "") == header })
	idCol := slices.Index(rows[0], "学校标识码")
	if col < 0 || idCol < 0 {
		t.Fatalf("sheet %s has no column %q (headers %q)", sheet, header, rows[0])
	}
	for i, r := range rows {
		if len(r) > idCol && r[idCol] == id {
			ref, _ := excelize.CoordinatesToCellName(col+1, i+1)
			return ref
		}
	}
	t.Fatalf("sheet %s has no row for %s", sheet, id)
	return ""
}

func saveBook(t *testing.T, x *excelize.File, path string) {
	t.Helper()
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func studentsOf(r *eval.Result, id string) int {
	if r == nil {
		return -1
	}
	for _, sp := range r.Stages.Get(eval.Primary).Schools {
		if sp.ID == id {
			return sp.Students
		}
	}
	return -1
}

func TestImportExcelShowsChangesAndAppliesOnlyOnConfirm(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	sc := primarySchool(t, fx)
	p.Open(sc.ID)
	oldStudents := *sc.Students.Primary
	newStudents := oldStudents - 30 // fewer: more would not fit the classes
	before := studentsOf(fx.env.S.Result, sc.ID)
	if before != oldStudents {
		t.Fatalf("result shows %d students for %s, want %d", before, sc.Name, oldStudents)
	}

	dir := t.TempDir()
	x := template(t, p, dir)
	studentsRef := cellOf(t, x, basicSheet, sc.ID, "小学在校生数（人）")
	x.SetCellValue(basicSheet, studentsRef, newStudents)
	book := filepath.Join(dir, "回收.xlsx")
	saveBook(t, x, book)

	p.ImportExcel(book)
	shown := overlayTexts(fx.win)
	for _, want := range []string{
		fmt.Sprintf("小学在校生数：%s → %s", format.Int(oldStudents), format.Int(newStudents)),
		basicSheet + "!" + studentsRef,
		"确认导入",
	} {
		if !strings.Contains(shown, want) {
			t.Errorf("the plan dialog does not show %q:\n%s", want, shown)
		}
	}

	// Nothing has changed before the clerk confirms.
	if len(fx.store.Changes) != 0 {
		t.Fatalf("the store was written before confirming: %v", fx.store.Changes)
	}
	if got := *fx.store.School(fx.env.S.Year, sc.ID).Students.Primary; got != oldStudents {
		t.Fatalf("store has %d students before confirming", got)
	}
	if got := field(t, p, "students.primary").Entry.Text; got != strconv.Itoa(oldStudents) {
		t.Fatalf("form shows %q before confirming", got)
	}

	tapButton(t, fx.win.Canvas().Overlays().Top(), "确认导入")
	fx.env.S.Wait()

	if got := *fx.store.School(fx.env.S.Year, sc.ID).Students.Primary; got != newStudents {
		t.Fatalf("store has %d students after confirming, want %d", got, newStudents)
	}
	if len(fx.store.Changes) == 0 || fx.store.Changes[0].Action != "导入 Excel「回收.xlsx」" {
		t.Errorf("the import is not recorded as such: %+v", fx.store.Changes)
	}
	if got := field(t, p, "students.primary").Entry.Text; got != strconv.Itoa(newStudents) {
		t.Errorf("form shows %q students after the import, want %d", got, newStudents)
	}
	if p.title.Text != "学校档案："+sc.Name {
		t.Errorf("form title = %q", p.title.Text)
	}
	if got := studentsOf(fx.env.S.Result, sc.ID); got != newStudents {
		t.Errorf("result shows %d students after the import, want %d", got, newStudents)
	}
	if p.Dirty() {
		t.Error("the reloaded form counts as changed")
	}
}

func TestImportExcelCancelChangesNothing(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	sc := primarySchool(t, fx)
	dir := t.TempDir()
	x := template(t, p, dir)
	x.SetCellValue(basicSheet, cellOf(t, x, basicSheet, sc.ID, "小学在校生数（人）"), *sc.Students.Primary+1)
	book := filepath.Join(dir, "回收.xlsx")
	saveBook(t, x, book)

	p.ImportExcel(book)
	tapButton(t, fx.win.Canvas().Overlays().Top(), "取消")
	if fx.win.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stayed open after 取消")
	}
	if len(fx.store.Changes) != 0 || *fx.store.School(fx.env.S.Year, sc.ID).Students.Primary != *sc.Students.Primary {
		t.Fatal("cancelling the import changed the store")
	}
}

func TestImportExcelWithTextInNumberCellListsTheCellAndChangesNothing(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	sc := primarySchool(t, fx)
	second := fx.env.S.File.Schools[1]
	dir := t.TempDir()
	x := template(t, p, dir)
	ref := cellOf(t, x, basicSheet, sc.ID, "小学在校生数（人）")
	x.SetCellValue(basicSheet, ref, "一千")
	// A valid change elsewhere in the same workbook must not be imported either.
	x.SetCellValue(basicSheet, cellOf(t, x, basicSheet, second.ID, "小学在校生数（人）"), *second.Students.Primary-1)
	book := filepath.Join(dir, "有错.xlsx")
	saveBook(t, x, book)
	before := fx.env.S.File

	p.ImportExcel(book)
	shown := overlayTexts(fx.win)
	want := basicSheet + "!" + ref + " 学校「" + sc.Name + "」（" + sc.ID + "）的小学在校生数「一千」不是数字"
	if !strings.Contains(shown, want) {
		t.Errorf("the error dialog does not show %q:\n%s", want, shown)
	}
	if !strings.Contains(shown, "没有导入任何数据") {
		t.Errorf("the error dialog does not say nothing was imported:\n%s", shown)
	}
	if strings.Contains(shown, "确认导入") {
		t.Error("the error dialog offers to import")
	}
	if len(fx.store.Changes) != 0 || fx.env.S.File != before {
		t.Fatal("a workbook with a bad cell changed the data")
	}
	if got := *fx.store.School(fx.env.S.Year, second.ID).Students.Primary; got != *second.Students.Primary {
		t.Fatal("the valid part of a bad workbook was imported")
	}
}

// Every cell problem is listed, not only the first.
func TestImportExcelListsEveryCellError(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	dir := t.TempDir()
	x := template(t, p, dir)
	var refs []string
	for _, s := range fx.env.S.File.Schools[:3] {
		ref := cellOf(t, x, basicSheet, s.ID, "学校类型")
		x.SetCellValue(basicSheet, ref, "中学")
		refs = append(refs, basicSheet+"!"+ref)
	}
	book := filepath.Join(dir, "三处错.xlsx")
	saveBook(t, x, book)

	p.ImportExcel(book)
	shown := overlayTexts(fx.win)
	for _, r := range refs {
		if !strings.Contains(shown, r+" 学校「") || !strings.Contains(shown, "的学校类型「中学」") {
			t.Errorf("the error dialog does not list %s:\n%s", r, shown)
		}
	}
	if !strings.Contains(shown, "有 3 处问题") {
		t.Errorf("the error dialog does not count 3 problems:\n%s", shown)
	}
}

func TestImportUnchangedTemplateSaysNothingToImport(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	dir := t.TempDir()
	path := filepath.Join(dir, "原样.xlsx")
	p.WriteTemplate(path, "")

	p.ImportExcel(path)
	if shown := overlayTexts(fx.win); !strings.Contains(shown, "没有需要导入的变化") {
		t.Errorf("an unchanged template shows:\n%s", shown)
	}
	if len(fx.store.Changes) != 0 {
		t.Fatal("an unchanged template wrote to the store")
	}
}

func TestOneSchoolTemplateIsPrefilled(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	if !p.tmplBtn.Disabled() {
		t.Error("导出本校模板 is enabled with no school open")
	}
	sc := primarySchool(t, fx)
	p.Open(sc.ID)
	if p.tmplBtn.Disabled() {
		t.Error("导出本校模板 is disabled with a school open")
	}
	path := filepath.Join(t.TempDir(), "本校.xlsx")
	p.WriteTemplate(path, sc.ID)
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	v, _ := x.GetCellValue(basicSheet, cellOf(t, x, basicSheet, sc.ID, "小学在校生数（人）"))
	if v != strconv.Itoa(*sc.Students.Primary) {
		t.Errorf("the school's template holds %q students, want %d", v, *sc.Students.Primary)
	}
	rows, _ := x.GetRows(basicSheet)
	for _, other := range fx.env.S.File.Schools {
		for _, r := range rows {
			if other.ID != sc.ID && slices.Contains(r, other.ID) {
				t.Fatalf("the one-school template lists %s too", other.Name)
			}
		}
	}
	if got := fileStem(sc.Name, fx.env.S.Year) + "填报模板.xlsx"; !strings.HasPrefix(got, sc.Name+fx.env.S.Year+"学年") {
		t.Errorf("proposed file name %q", got)
	}
}

func TestExportResultsWritesTheEvaluation(t *testing.T) {
	fx := newFixture(t)
	fx.show(Resources)
	path := filepath.Join(t.TempDir(), "结果.xlsx")
	ExportResults(fx.env, path)
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("no workbook written: %v", err)
	}
	defer x.Close()
	sheets := x.GetSheetList()
	for _, want := range []string{xlsx.SheetVerdict, xlsx.StageSheet(eval.Primary), xlsx.SheetCV, xlsx.SheetTodo, basicSheet} {
		if !slices.Contains(sheets, want) {
			t.Errorf("the export has no sheet %s (sheets %v)", want, sheets)
		}
	}
	// No temporary file is left beside it.
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files after the export", len(entries))
	}
}

func TestFileNamesProposed(t *testing.T) {
	if got := fileStem("义马市", "2020-2021") + "填报模板.xlsx"; got != "义马市2020-2021学年填报模板.xlsx" {
		t.Errorf("county template name = %q", got)
	}
	if got := fileStem("a/b:c", "2020-2021"); got != "a_b_c2020-2021学年" {
		t.Errorf("unsafe characters kept: %q", got)
	}
}
