package screens

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/data"
	"junheng/ui/entry"
	"junheng/ui/session"
)

// gridOnDB is the grid page on a real SQLite file holding a county of n
// schools, in a headless window.
type gridOnDB struct {
	*onDB
	p *grid
}

func newGridOnDB(t testing.TB, n int) *gridOnDB {
	t.Helper()
	d := newOnDB(t, "县.db", county.Generate(n, 11), session.Settings{User: "李会计", Office: "计财股"})
	d.win.Resize(fyne.NewSize(1366, 768))
	g := &gridOnDB{onDB: d, p: newGrid(d.env)}
	d.s.OnChange(g.p.Update)
	d.win.SetContent(g.p.Object())
	g.p.Update()
	d.s.Recompute()
	return g
}

// block is rows × 7 plausible 校舍与装备 figures as a spreadsheet copies
// them (tabs, CRLF), with extra turned into the cells named.
func block(rows, seed int, extra map[[2]int]string) string {
	var b strings.Builder
	for r := 0; r < rows; r++ {
		for c := 0; c < 7; c++ {
			if c > 0 {
				b.WriteByte('\t')
			}
			v := fmt.Sprint([]int{6000 + r*10 + seed, 300 + r, 9000 + r + seed, 2500000 + r*1000 + seed, 25 + (r+seed)%5, 150 + r, 40000 + r*10 + seed}[c])
			if x, ok := extra[[2]int{r, c}]; ok {
				v = x
			}
			b.WriteString(v)
		}
		b.WriteString("\r\n")
	}
	return b.String()
}

// The clerk copies 20 schools × 7 columns from Excel (a thousands
// separator, a full-width digit and one bad cell among them) and pastes
// them onto 校舍与装备: the bad cell is red with its message beside the
// grid, 保存 asks with a summary, the rest is written in ONE transaction
// named after the clerk, and the evaluation is that of the saved county.
func TestGridPasteFromExcelSavesTheRestInOneTransaction(t *testing.T) {
	g := newGridOnDB(t, 30)
	before := g.s.Result
	g.p.tabs.SetSelected(entry.SecBuildings)
	g.win.Canvas().Focus(g.p.sheet)
	g.p.sheet.moveTo(widget.TableCellID{})
	clip := fyne.CurrentApp().Clipboard()
	clip.SetContent(block(20, 0, map[[2]int]string{{3, 0}: "12,345", {4, 4}: "２４", {5, 6}: "三千册"}))
	g.p.sheet.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})

	m := g.p.model(entry.SecBuildings)
	if bad := m.Cell(5, 6); bad.Problem() == "" {
		t.Fatalf("the bad cell is not refused: %+v", bad)
	}
	if len(g.p.problems) != 1 || !strings.Contains(g.p.problems[0].String(), "三千册") {
		t.Fatalf("side panel lists %v", g.p.problems)
	}
	if g.p.Save() {
		t.Fatal("saved without asking")
	}
	text := overlayTexts(g.win)
	if !strings.Contains(text, "20所学校") || !strings.Contains(text, "1个单元格有误") {
		t.Fatalf("the summary reads %q", text)
	}
	if f, _ := g.st.LoadYear(g.s.Year); *f.Schools[3].AreaTeachingAux == 12345 {
		t.Fatal("written before the clerk confirmed")
	}
	tapButton(t, g.win.Canvas().Overlays().Top(), "确定")

	f, err := g.st.LoadYear(g.s.Year)
	if err != nil {
		t.Fatal(err)
	}
	if *f.Schools[3].AreaTeachingAux != 12345 || *f.Schools[4].MultimediaRooms != 24 || *f.Schools[19].Books != 40000+190 {
		t.Fatalf("stored %v %v %v", *f.Schools[3].AreaTeachingAux, *f.Schools[4].MultimediaRooms, *f.Schools[19].Books)
	}
	if g.p.model(entry.SecBuildings).Cell(5, 6).Problem() == "" {
		t.Fatal("the bad cell is no longer red after the save")
	}
	hist, err := g.st.Store.History(data.Filter{Year: g.s.Year})
	if err != nil {
		t.Fatal(err)
	}
	var mine []data.Change
	for _, c := range hist {
		if c.Note == session.GridNote {
			mine = append(mine, c)
		}
	}
	if len(mine) < 20*7-20 {
		t.Fatalf("history holds %d grid changes", len(mine))
	}
	for _, c := range mine {
		if c.When != mine[0].When || c.User != "李会计" || c.Office != "计财股" || c.Source != data.SourceTyped {
			t.Fatalf("not one transaction by the clerk: %+v vs %+v", c, mine[0])
		}
	}
	again := eval.Evaluate(f, g.s.Std, g.s.Settings.Options())
	a, _ := json.Marshal(again)
	b, _ := json.Marshal(g.s.Result)
	o, _ := json.Marshal(before)
	if string(a) != string(b) || string(a) == string(o) {
		t.Fatal("the evaluation on screen is not that of the saved county")
	}
	if !strings.Contains(g.status, "20所学校") {
		t.Fatalf("status bar says %q", g.status)
	}
}

// Enter moves down, Tab right, arrows move, typing replaces the cell.
func TestGridKeysMoveLikeASpreadsheet(t *testing.T) {
	g := newGridOnDB(t, 8)
	sh := g.p.sheet
	g.win.Canvas().Focus(sh)
	sh.moveTo(widget.TableCellID{})
	m := g.p.model(entry.SecStudents)
	test.Type(sh, "1,234")
	sh.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if sh.cur != (widget.TableCellID{Row: 1, Col: 0}) {
		t.Fatalf("Enter moved to %+v", sh.cur)
	}
	if c := m.Cell(0, 0); c.Text != "1,234" || !c.Edited || c.Msg != "" {
		t.Fatalf("typed cell = %+v", c)
	}
	sh.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	sh.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	sh.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	sh.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	sh.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if sh.cur != (widget.TableCellID{Row: 1, Col: 1}) {
		t.Fatalf("Tab, →, ↓, ←, ↑ ended on %+v", sh.cur)
	}
	if !sh.AcceptsTab() {
		t.Fatal("Tab leaves the grid")
	}
	test.Type(sh, "abc")
	sh.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if m.Cell(1, 1).Edited {
		t.Fatal("Escape kept the typing")
	}
}

// 1,000 schools × 7 fields pasted and saved (target: under 2 s).
func BenchmarkGridPasteSave1000(b *testing.B) {
	g := newGridOnDB(b, 1000)
	g.p.tabs.SetSelected(entry.SecBuildings)
	clip := fyne.CurrentApp().Clipboard()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.p.sheet.moveTo(widget.TableCellID{})
		clip.SetContent(block(1000, i+1, nil))
		g.p.sheet.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
		if err := g.s.Refresh(); err != nil { // what 保存 does first
			b.Fatal(err)
		}
		plan := g.p.plan()
		if len(plan.Schools) != 1000 {
			b.Fatalf("plan holds %d schools, %d refused", len(plan.Schools), plan.Refused)
		}
		g.p.write(plan)
		if g.p.Dirty() {
			b.Fatal("not saved")
		}
	}
}

// 整改清单 → the exact cell on the grid: its section shown, the cursor on
// it, marked and focused.
func TestGridOpensTheCellToFix(t *testing.T) {
	g := newGridOnDB(t, 8)
	sc := g.s.File.Schools[5]
	g.p.Open(FieldTarget(sc.ID, "teachers.primary.certified"))
	if g.p.cur != entry.SecPrimaryT {
		t.Fatalf("grid shows %s", g.p.cur)
	}
	m := g.p.model(entry.SecPrimaryT)
	r, c := m.Find(sc.ID, "teachers.primary.certified")
	want := widget.TableCellID{Row: r, Col: c}
	if g.p.sheet.cur != want || g.p.sheet.marked == nil || *g.p.sheet.marked != want {
		t.Fatalf("cursor %+v marked %v, want %+v", g.p.sheet.cur, g.p.sheet.marked, want)
	}
	if g.win.Canvas().Focused() != fyne.Focusable(g.p.sheet) {
		t.Fatal("the grid does not have the keyboard")
	}
}
