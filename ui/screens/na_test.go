package screens

import (
	"testing"

	"fyne.io/fyne/v2"
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
