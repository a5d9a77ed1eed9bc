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
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/assets/demo"
	"junheng/data/xlsx"
	"junheng/ui/session"
	"junheng/ui/uitest"
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
		case *widget.Check:
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
	return cellWhere(t, x, sheet, "学校标识码", id, header)
}

// cellWhere is the cell under header in the row whose keyHeader column
// holds id (a school's 学校标识码, a county fact's 项目).
func cellWhere(t *testing.T, x *excelize.File, sheet, keyHeader, id, header string) string {
	t.Helper()
	rows, err := x.GetRows(sheet)
	if err != nil || len(rows) == 0 {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	// Headers break before their unit (小学在校生数\n（人）).
	col := slices.IndexFunc(rows[0], func(h string) bool { return strings.ReplaceAll(h, "\n", "") == header })
	idCol := slices.Index(rows[0], keyHeader)
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
	if !strings.Contains(shown, "有 3处问题") {
		t.Errorf("the error dialog does not count 3 problems:\n%s", shown)
	}
}

// An unchanged template: the dialog says what the plan found, every value
// read and equal to the saved one, counted.
func TestImportUnchangedTemplateSaysNothingToImport(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	dir := t.TempDir()
	x := template(t, p, dir)
	path := filepath.Join(dir, "原样.xlsx")
	saveBook(t, x, path)

	p.ImportExcel(path)
	shown := overlayTexts(fx.win)
	want := fmt.Sprintf("填写的 %d 个值与数据库中的完全一致，没有需要导入的修改", filledValues(t, x))
	if !strings.Contains(shown, want) {
		t.Errorf("an unchanged template does not say %q:\n%s", want, shown)
	}
	if strings.Contains(shown, "确认导入") {
		t.Error("an unchanged template offers to import")
	}
	if len(fx.store.Changes) != 0 {
		t.Fatal("an unchanged template wrote to the store")
	}
}

// A workbook with every data cell emptied is not "the same as the saved
// data": nothing was read, and the dialog says nothing was imported.
func TestImportEmptiedTemplateDoesNotClaimAgreement(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	dir := t.TempDir()
	x := template(t, p, dir)
	for _, sh := range x.GetSheetList()[1:] {
		rows, _ := x.GetRows(sh)
		for r := 2; r < len(rows); r++ {
			for c := 2; c < len(rows[r]); c++ {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				x.SetCellValue(sh, ref, nil)
			}
		}
	}
	path := filepath.Join(dir, "空白.xlsx")
	saveBook(t, x, path)
	if n := filledValues(t, x); n != 0 {
		t.Fatalf("the emptied workbook still holds %d values", n)
	}

	p.ImportExcel(path)
	shown := overlayTexts(fx.win)
	if !strings.Contains(shown, "没有导入") || strings.Contains(shown, "没有需要导入的修改") || strings.Contains(shown, "一致") {
		t.Errorf("an emptied workbook shows:\n%s", shown)
	}
	if len(fx.store.Changes) != 0 {
		t.Fatal("an emptied workbook wrote to the store")
	}
}

// filledValues counts the cells of a template holding a value, ids and
// names aside (the first two columns), below the header and example rows.
func filledValues(t *testing.T, x *excelize.File) int {
	t.Helper()
	n := 0
	for _, sh := range x.GetSheetList() {
		if sh == xlsx.InfoSheet {
			continue
		}
		rows, err := x.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for r := 2; r < len(rows); r++ {
			for c := 2; c < len(rows[r]); c++ {
				if v := strings.TrimSpace(rows[r][c]); v != "" && v != xlsx.NotApplicable {
					n++
				}
			}
		}
	}
	return n
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

// newSchool is a school the demo county does not hold, typed into a new
// row of 学校基本信息 under these headers (units on a second line).
var newSchool = map[string]any{
	"学校标识码": "4199990001", "学校名称": "城南新区小学", "学校类型": county.TypePrimary, "城乡分类": "城区",
	"是否民办": "否", "是否寄宿制": "否", "小学在校生数（人）": 300, "初中在校生数（人）": 0, "高中在校生数（人）": 0,
	"小学班级数（个）": 8, "初中班级数（个）": 0, "小学最大班额（人）": 40, "初中最大班额（人）": 0,
}

// addRow types values into the first empty row of a sheet, by header.
func addRow(t *testing.T, x *excelize.File, sheet string, values map[string]any) {
	t.Helper()
	rows, err := x.GetRows(sheet)
	if err != nil || len(rows) == 0 {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	for h, v := range values {
		col := slices.IndexFunc(rows[0], func(c string) bool { return strings.ReplaceAll(c, "\n", "") == h })
		if col < 0 {
			t.Fatalf("sheet %s has no column %q (headers %q)", sheet, h, rows[0])
		}
		ref, _ := excelize.CoordinatesToCellName(col+1, len(rows)+1)
		x.SetCellValue(sheet, ref, v)
	}
}

// overlayCheck is the checkbox with text in the dialog on top, or nil.
func overlayCheck(win fyne.Window, text string) *widget.Check {
	var found *widget.Check
	if top := win.Canvas().Overlays().Top(); top != nil {
		walk(top, func(o fyne.CanvasObject) {
			if c, ok := o.(*widget.Check); ok && c.Text == text {
				found = c
			}
		})
	}
	return found
}

// A workbook bringing a change to a saved school and a new school: the
// dialog names the new school beside an unticked 添加新学校 checkbox.
// Confirmed unticked, the change is saved and the new school is not
// added; ticked, both are. Every change is recorded as from the workbook.
func TestImportExcelAddsNewSchoolOnlyWhenTicked(t *testing.T) {
	for _, tick := range []bool{false, true} {
		t.Run(fmt.Sprintf("ticked=%v", tick), func(t *testing.T) {
			fx := newFixture(t)
			p := fx.show(Schools).(*schools)
			sc := primarySchool(t, fx)
			newStudents := *sc.Students.Primary - 30
			dir := t.TempDir()
			x := template(t, p, dir)
			x.SetCellValue(basicSheet, cellOf(t, x, basicSheet, sc.ID, "小学在校生数（人）"), newStudents)
			addRow(t, x, basicSheet, newSchool)
			book := filepath.Join(dir, "新学校.xlsx")
			saveBook(t, x, book)
			id, name := newSchool["学校标识码"].(string), newSchool["学校名称"].(string)
			schoolsBefore := storedSchools(t, fx)

			p.ImportExcel(book)
			shown := overlayTexts(fx.win)
			if !strings.Contains(shown, "「"+name+"」（"+id+"）") {
				t.Errorf("the dialog does not name the new school:\n%s", shown)
			}
			check := overlayCheck(fx.win, "添加新学校（1所）")
			if check == nil {
				t.Fatalf("the dialog has no 添加新学校（1所） checkbox:\n%s", shown)
			}
			if check.Checked {
				t.Fatal("添加新学校 is ticked before the clerk ticks it")
			}
			if tick {
				test.Tap(check)
			}
			tapButton(t, fx.win.Canvas().Overlays().Top(), "确认导入")
			fx.env.S.Wait()
			if ov := fx.win.Canvas().Overlays().Top(); ov != nil {
				t.Fatalf("a dialog is open after confirming:\n%s", overlayTexts(fx.win))
			}

			if got := *fx.store.School(fx.env.S.Year, sc.ID).Students.Primary; got != newStudents {
				t.Errorf("%s has %d students after the import, want %d", sc.Name, got, newStudents)
			}
			added := fx.store.School(fx.env.S.Year, id)
			if tick != (added != nil) {
				t.Fatalf("ticked %v: the new school in the store: %+v", tick, added)
			}
			wantSchools := schoolsBefore
			if tick {
				wantSchools++
				if added.Name != name || added.Students.Primary == nil || *added.Students.Primary != newSchool["小学在校生数（人）"].(int) {
					t.Errorf("the new school was saved as %+v", added)
				}
			}
			if got := storedSchools(t, fx); got != wantSchools {
				t.Errorf("%d schools after the import, want %d", got, wantSchools)
			}
			if got := len(fx.env.S.File.Schools); got != wantSchools {
				t.Errorf("the screen shows %d schools after the import, want %d", got, wantSchools)
			}
			if len(fx.store.Changes) == 0 {
				t.Fatal("the import is not in the history")
			}
			for _, c := range fx.store.Changes {
				if c.Action != "导入 Excel「新学校.xlsx」" {
					t.Errorf("a change is recorded as %q, not as from the workbook", c.Action)
				}
			}
		})
	}
}

// A workbook of new schools only: 确认导入 waits for the checkbox, since
// without it there is nothing to save.
func TestImportExcelOfNewSchoolsOnlyNeedsTheTick(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	dir := t.TempDir()
	x := template(t, p, dir)
	addRow(t, x, basicSheet, newSchool)
	book := filepath.Join(dir, "只有新学校.xlsx")
	saveBook(t, x, book)

	p.ImportExcel(book)
	top := fx.win.Canvas().Overlays().Top()
	apply := uitest.Button(top, "确认导入")
	check := overlayCheck(fx.win, "添加新学校（1所）")
	if apply == nil || check == nil {
		t.Fatalf("dialog:\n%s", overlayTexts(fx.win))
	}
	if !apply.Disabled() {
		t.Error("确认导入 is enabled with nothing to save")
	}
	test.Tap(check)
	if apply.Disabled() {
		t.Fatal("确认导入 stays disabled after ticking 添加新学校")
	}
	test.Tap(apply)
	if fx.store.School(fx.env.S.Year, newSchool["学校标识码"].(string)) == nil {
		t.Fatal("the ticked new school was not added")
	}
}

// The dialog opens with the plan's counts: schools, values, changes,
// clearings, new schools — counted here from the workbook as typed.
func TestImportExcelSummaryCountsTheWorkbook(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	all := fx.env.S.File.Schools
	a, b := all[0], all[1]
	dir := t.TempDir()
	x := template(t, p, dir)
	x.SetCellValue(basicSheet, cellOf(t, x, basicSheet, a.ID, "小学班级数（个）"), *a.Classes.Primary+1)
	x.SetCellValue(basicSheet, cellOf(t, x, basicSheet, b.ID, "是否有学校章程"), flip(t, x, basicSheet, cellOf(t, x, basicSheet, b.ID, "是否有学校章程")))
	x.SetCellValue(basicSheet, cellOf(t, x, basicSheet, b.ID, "德育与校园文化评价"), "清空")
	addRow(t, x, basicSheet, newSchool)
	book := filepath.Join(dir, "汇总.xlsx")
	saveBook(t, x, book)
	values := filledValues(t, x)
	changes, clearings := 3, 1

	p.ImportExcel(book)
	shown := overlayTexts(fx.win)
	for _, want := range []string{
		fmt.Sprintf("「汇总.xlsx」→ %s 学年：%d 所学校，%d 个填写值。", fx.env.S.Year, len(all)+1, values),
		fmt.Sprintf("将修改 %d 处（其中清空 %d 处），新增学校 1 所", changes, clearings),
		fmt.Sprintf("%d 个值与原值相同", values-changes-(len(newSchool)-2)),
	} {
		if !strings.Contains(shown, want) {
			t.Errorf("the summary does not say %q:\n%s", want, shown)
		}
	}
}

// flip is the other answer of a 是/否 cell.
func flip(t *testing.T, x *excelize.File, sheet, ref string) string {
	t.Helper()
	v, _ := x.GetCellValue(sheet, ref)
	switch v {
	case "是":
		return "否"
	case "否":
		return "是"
	}
	t.Fatalf("%s!%s holds %q, not 是 or 否", sheet, ref, v)
	return ""
}

// 导出县级填报表 writes the county's workbook (its sheets only, pre-filled
// with the county's facts) through the atomic writer and says where; a
// value changed in it imports back as a county change.
func TestCountyTemplateWritesTheCountySheets(t *testing.T) {
	fx := newFixture(t)
	p := fx.show(Schools).(*schools)
	if uitest.Button(p.Object(), "导出县级填报表…") == nil {
		t.Fatal("the page has no 导出县级填报表 button")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "县级.xlsx")
	p.WriteCountyTemplate(path)
	top := fx.win.Canvas().Overlays().Top()
	if top == nil || uitest.Button(top, "打开文件") == nil || uitest.Button(top, "打开所在文件夹") == nil {
		t.Fatalf("no 文件已保存 dialog after writing:\n%s", overlayTexts(fx.win))
	}
	tapButton(t, top, "关闭")
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d files after the export", len(entries))
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("no workbook written: %v", err)
	}
	defer x.Close()
	sheets := x.GetSheetList()
	var schoolTemplate strings.Builder
	p.WriteTemplate(filepath.Join(dir, "学校.xlsx"), "")
	tapButton(t, fx.win.Canvas().Overlays().Top(), "关闭")
	sx, err := excelize.OpenFile(filepath.Join(dir, "学校.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer sx.Close()
	for _, sh := range sx.GetSheetList() {
		if sh != xlsx.InfoSheet && slices.Contains(sheets, sh) {
			schoolTemplate.WriteString(sh + " ")
		}
	}
	if schoolTemplate.Len() > 0 {
		t.Errorf("the county workbook holds the schools' sheets %s(sheets %v)", schoolTemplate.String(), sheets)
	}
	if len(sheets) < 2 {
		t.Fatalf("the county workbook holds only %v", sheets)
	}

	// The county's facts are pre-filled; a changed one imports back.
	const facts = "县级基本情况"
	if got, _ := x.GetCellValue(facts, factCell(t, x, facts, "县（市、区）名称")); got != fx.env.S.File.County.Name {
		t.Errorf("the county name is pre-filled as %q, want %q", got, fx.env.S.File.County.Name)
	}
	pop := *fx.env.S.File.County.PopulationWan
	ref := factCell(t, x, facts, "人口总数（万人）")
	if got, _ := x.GetCellValue(facts, ref); got != format.Opt(&pop, 2) {
		t.Errorf("the population is pre-filled as %q, want %v", got, pop)
	}
	x.SetCellValue(facts, ref, pop+1)
	back := filepath.Join(dir, "县级回收.xlsx")
	saveBook(t, x, back)
	p.ImportExcel(back)
	tapButton(t, fx.win.Canvas().Overlays().Top(), "确认导入")
	saved, err := fx.store.LoadYear(fx.env.S.Year)
	if err != nil {
		t.Fatal(err)
	}
	if got := saved.County.PopulationWan; got == nil || *got != pop+1 {
		t.Errorf("population after the import %v, want %v", got, pop+1)
	}
	if len(fx.store.Changes) == 0 || fx.store.Changes[0].Action != "导入 Excel「县级回收.xlsx」" {
		t.Errorf("the county import is not recorded as from the workbook: %+v", fx.store.Changes)
	}
}

// factCell is the 填写值 cell of the row of a county sheet whose 项目 is label.
func factCell(t *testing.T, x *excelize.File, sheet, label string) string {
	t.Helper()
	rows, err := x.GetRows(sheet)
	if err != nil || len(rows) == 0 {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	item, value := slices.Index(rows[0], "项目"), slices.Index(rows[0], "填写值")
	if item < 0 || value < 0 {
		t.Fatalf("sheet %s has headers %q", sheet, rows[0])
	}
	for r, row := range rows {
		if len(row) > item && row[item] == label {
			ref, _ := excelize.CoordinatesToCellName(value+1, r+1)
			return ref
		}
	}
	t.Fatalf("sheet %s has no row %q", sheet, label)
	return ""
}

func storedSchools(t *testing.T, fx *fixture) int {
	t.Helper()
	f, err := fx.store.LoadYear(fx.env.S.Year)
	if err != nil {
		t.Fatal(err)
	}
	return len(f.Schools)
}

// With the real SQLite file behind the page: every change the GUI import
// brings is in the history as from the workbook, by the user of the
// settings, and the unticked new school is not in the database.
func TestImportExcelIntoTheDatabaseNamesTheWorkbook(t *testing.T) {
	d := newOnDB(t, "义马市.db", demo.File(), session.Settings{User: "张老师", Office: "督导室"})
	created, s, win, env := d.st, d.s, d.win, d.env
	p := newSchools(env)
	win.SetContent(p.Object())
	p.Update()

	var sc county.School
	for _, x := range s.File.Schools {
		if x.Type == county.TypePrimary && x.Classes.Primary != nil {
			sc = x
			break
		}
	}
	dir := t.TempDir()
	x := template(t, p, dir)
	x.SetCellValue(basicSheet, cellOf(t, x, basicSheet, sc.ID, "小学班级数（个）"), *sc.Classes.Primary+1)
	addRow(t, x, basicSheet, newSchool)
	book := filepath.Join(dir, "实验小学回收.xlsx")
	saveBook(t, x, book)

	p.ImportExcel(book)
	tapButton(t, win.Canvas().Overlays().Top(), "确认导入")
	if ov := win.Canvas().Overlays().Top(); ov != nil {
		t.Fatalf("a dialog is open after confirming:\n%s", overlayTexts(win))
	}
	saved, err := created.LoadYear(s.Year)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range saved.Schools {
		if x.ID == newSchool["学校标识码"] {
			t.Fatal("the unticked new school is in the database")
		}
		if x.ID == sc.ID && (x.Classes.Primary == nil || *x.Classes.Primary != *sc.Classes.Primary+1) {
			t.Errorf("%s has %v classes in the database, want %d", sc.Name, x.Classes.Primary, *sc.Classes.Primary+1)
		}
	}
	hist, err := created.History(s.Year, sc.ID, "classes.primary")
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) == 0 {
		t.Fatal("the imported value is not in the history")
	}
	if h := hist[0]; !strings.Contains(h.Action, "实验小学回收.xlsx") || h.User != "张老师" {
		t.Errorf("the history records the import as %+v", h)
	}
}
