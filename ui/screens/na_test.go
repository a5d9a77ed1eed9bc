package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/ui/entry"
)

// 批量录入 has 教职工数 per stage beside the students; the fields of a
// stage a school lacks read 不适用 (not an empty cell to fill).
func TestGridShowsStaffAndNotApplicable(t *testing.T) {
	g := newGridOnDB(t, 12)
	g.p.tabs.SetSelected(entry.SecStudents)
	m := g.p.model(entry.SecStudents)
	staff := -1
	for c, f := range m.Fields {
		if f.Path == "staff.junior" {
			staff = c
		}
	}
	if staff < 0 {
		t.Fatal("批量录入 has no 初中教职工数")
	}
	row := -1
	for r, s := range m.Schools {
		if s.Type == county.TypePrimary {
			row = r
		}
	}
	if row < 0 {
		t.Fatal("the county has no 小学")
	}
	if !m.Cell(row, staff).Skip {
		t.Fatal("a 小学's 初中教职工数 is open for input")
	}
	cell := g.p.sheet.CreateCell()
	g.p.sheet.UpdateCell(widget.TableCellID{Row: row, Col: staff}, cell)
	if l := cell.(*fyne.Container).Objects[1].(*widget.Label); l.Text != "不适用" {
		t.Fatalf("a 小学's 初中教职工数 reads %q", l.Text)
	}
}

// Found: errors involving two fields appeared only at 保存, and after a
// save that wrote the rest the list was empty until 保存 again. Pasting
// more 持证 than 专任 teachers is red at once, its whole message listed
// (never cut with 「…」); after saving the rest it is still listed.
func TestGridChecksAcrossFieldsAsCellsChange(t *testing.T) {
	g := newGridOnDB(t, 12)
	g.p.tabs.SetSelected(entry.SecPrimaryT)
	m := g.p.model(entry.SecPrimaryT)
	row := -1
	for r := range m.Schools {
		if !m.Cell(r, 0).Skip && !m.Cell(r, 1).Skip {
			row = r
			break
		}
	}
	if row < 0 {
		t.Fatal("no school with 小学 teachers")
	}
	g.win.Canvas().Focus(g.p.sheet)
	g.p.sheet.moveTo(widget.TableCellID{Row: row, Col: 0})
	clip := fyne.CurrentApp().Clipboard()
	clip.SetContent("10\t15\r\n") // 专任 10, 持证 15
	g.p.sheet.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if m.Cell(row, 1).Problem() == "" {
		t.Fatal("15 持证 of 10 专任 teachers is not flagged on paste")
	}
	listed := strings.Join(texts(g.p.probs), "\n")
	if !strings.Contains(listed, "专任教师数") || strings.Contains(listed, "…") {
		t.Fatalf("the side panel lists %q", listed)
	}
	// Another school's good value is saved; the bad one stays listed.
	other := (row + 1) % len(m.Schools)
	for m.Cell(other, 0).Skip {
		other = (other + 1) % len(m.Schools)
	}
	g.p.sheet.moveTo(widget.TableCellID{Row: other, Col: 0})
	test.Type(g.p.sheet, "300")
	g.p.sheet.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	g.p.Save()
	tapButton(t, g.win.Canvas().Overlays().Top(), "确定")
	if f, _ := g.st.LoadYear(g.s.Year); *f.Schools[indexOf(f, m.Schools[other].ID)].Teachers.Primary.FullTime != 300 {
		t.Fatalf("the good value was not saved (status %q, listed %q)", g.status, texts(g.p.probs))
	}
	if listed := strings.Join(texts(g.p.probs), "\n"); !strings.Contains(listed, "专任教师数") {
		t.Fatalf("after the save the side panel lists %q", listed)
	}
}

func indexOf(f *county.File, id string) int {
	for i := range f.Schools {
		if f.Schools[i].ID == id {
			return i
		}
	}
	return -1
}

// At 1366×768 (the page beside the navigation) 批量录入 shows at least six
// data columns of every section beside the school names.
func TestGridShowsSixColumnsAt1366(t *testing.T) {
	g := newGridOnDB(t, 12)
	g.win.Resize(fyne.NewSize(1366-170, 768-60))
	for _, sec := range entry.SchoolSections() {
		g.p.tabs.SetSelected(sec.Title)
		m := g.p.model(sec.Title)
		avail := g.p.sheet.Size().Width - theme.ScrollBarSize()
		used := g.p.sheet.colWidth(-1)
		shown := 0
		for c := range m.Fields {
			used += g.p.sheet.colWidth(c) + theme.Padding()
			if used > avail {
				break
			}
			shown++
		}
		if shown < min(6, len(m.Fields)) {
			t.Errorf("%s: %d of %d columns in %.0f px", sec.Title, shown, len(m.Fields), avail)
		}
	}
}
