package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/assets/demo"
)

// colBreaks lists the manual column breaks of a sheet (0-based column
// indexes: a break at n starts a page with column n+1), read from the
// sheet's XML.
func colBreaks(t *testing.T, book []byte, sheetIndex int) []int {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open("xl/worksheets/sheet" + strconv.Itoa(sheetIndex) + ".xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	xml, _ := io.ReadAll(f)
	_, cols, ok := strings.Cut(string(xml), "<colBreaks")
	if !ok {
		return nil
	}
	cols, _, _ = strings.Cut(cols, "</colBreaks>")
	var out []int
	for _, m := range regexp.MustCompile(`<brk id="(\d+)"`).FindAllStringSubmatch(cols, -1) {
		n, _ := strconv.Atoi(m[1])
		out = append(out, n)
	}
	return out
}

// Found: 学校基本信息 printed at ~5.7 pt (19 columns on one A4 width). It
// prints in column groups at ≥ 8 pt, each page repeating the header row
// and the 标识码 and 学校名称, each group within the page width; the
// narrow sheets still print one page wide.
func TestWideSheetPrintsInColumnGroups(t *testing.T) {
	for what, b := range map[string][]byte{"blank": templateOf(t, nil, ""), "filled": templateOf(t, demo.File(), "")} {
		x := openBook(t, b)
		idx, err := x.GetSheetIndex("学校基本信息")
		if err != nil || idx < 0 {
			t.Fatal("no 学校基本信息", err)
		}
		pl, _ := x.GetPageLayout("学校基本信息")
		props, _ := x.GetSheetProps("学校基本信息")
		if props.FitToPage == nil || *props.FitToPage || pl.AdjustTo == nil || float64(*pl.AdjustTo)*11/100 < 8 {
			t.Fatalf("%s: 学校基本信息 still fitted to one page width (scale %v)", what, pl.AdjustTo)
		}
		var titles string
		for _, dn := range x.GetDefinedName() {
			if dn.Name == "_xlnm.Print_Titles" && dn.Scope == "学校基本信息" {
				titles = dn.RefersTo
			}
		}
		if !strings.Contains(titles, "$A:$B") || !strings.Contains(titles, "$1:$1") {
			t.Fatalf("%s: print titles %q do not repeat 标识码, 学校名称 and the header", what, titles)
		}
		breaks := colBreaks(t, b, idx+1)
		if len(breaks) == 0 {
			t.Fatalf("%s: no column groups", what)
		}
		rows, _ := x.GetRows("学校基本信息")
		ncols := len(rows[0])
		width := func(c int) float64 { w, _ := x.GetColWidth("学校基本信息", colName(c+1)); return columnPoints(w) }
		budget := float64(pageWidth) * 100 / float64(*pl.AdjustTo)
		starts := append([]int{2}, breaks...)
		for i, from := range starts {
			to := ncols
			if i+1 < len(starts) {
				to = starts[i+1]
			}
			used := width(0) + width(1)
			for c := from; c < to; c++ {
				used += width(c)
			}
			if used > budget {
				t.Errorf("%s: columns %s–%s with the keys are %.0f pt, the page holds %.0f", what, colName(from+1), colName(to), used, budget)
			}
		}
		// The teacher sheets are narrow enough for one page width.
		if pl, _ := x.GetPageLayout("小学教师"); pl.FitToWidth == nil || *pl.FitToWidth != 1 {
			t.Errorf("%s: 小学教师 no longer prints one page wide", what)
		}
	}
}

// A blank template printed to be filled in by hand has 30 ruled rows
// under the example on every school sheet.
func TestBlankTemplateHasRuledRows(t *testing.T) {
	x := openBook(t, templateOf(t, nil, ""))
	for _, name := range []string{"学校基本信息", "校舍与装备"} {
		for _, r := range []int{firstDataRow, firstDataRow + blankRows - 1} {
			for _, c := range []int{1, 3} {
				id, err := x.GetCellStyle(name, cellName(c, r))
				if err != nil {
					t.Fatal(err)
				}
				st, err := x.GetStyle(id)
				if err != nil || len(st.Border) < 4 {
					t.Errorf("%s!%s is not ruled (%+v)", name, cellName(c, r), st.Border)
				}
			}
		}
		if h, _ := x.GetRowHeight(name, firstDataRow+blankRows-1); h < 18 {
			t.Errorf("%s: ruled rows %.0f pt high, too low to write in", name, h)
		}
		area := ""
		for _, dn := range x.GetDefinedName() {
			if dn.Name == "_xlnm.Print_Area" && dn.Scope == name {
				area = dn.RefersTo
			}
		}
		if want := "$" + strconv.Itoa(firstDataRow+blankRows-1); !strings.HasSuffix(area, want) {
			t.Errorf("%s prints %q, not to its last ruled row", name, area)
		}
	}
}

// Found: in 整改清单 and 评估结论 the short columns sat at the bottom of
// tall rows while 内容 sat at the top, and 部分 was cut (「政府保障程」);
// 评估结论's items ran onto a second page without their header.
func TestResultTablesTopAlignedWithHeaders(t *testing.T) {
	f := demo.File()
	var buf bytes.Buffer
	if err := ExportResults(&buf, f, eval.Run(f)); err != nil {
		t.Fatal(err)
	}
	x := openBook(t, buf.Bytes())
	for _, name := range []string{SheetTodo, SheetVerdict} {
		rows, _ := x.GetRows(name)
		for i, r := range rows {
			if i == 0 || len(r) < 3 || name == SheetVerdict && i < 8 || r[0] == "编号" {
				continue // headers and the summary above the tables
			}
			for c := 1; c <= len(r); c++ {
				id, _ := x.GetCellStyle(name, cellName(c, i+1))
				st, _ := x.GetStyle(id)
				if st.Alignment == nil || st.Alignment.Vertical != "top" || len(st.Border) < 4 {
					t.Fatalf("%s!%s (%q) is not ruled and top-aligned", name, cellName(c, i+1), r[c-1])
				}
			}
		}
	}
	if w, _ := x.GetColWidth(SheetTodo, "B"); float64(displayWidth("政府保障程度"))+1 > w {
		t.Errorf("整改清单's 部分 is %.0f wide, 政府保障程度 needs %d", w, displayWidth("政府保障程度")+1)
	}
	rows, _ := x.GetRows(SheetVerdict)
	head := 0
	for i, r := range rows {
		if len(r) > 0 && r[0] == "编号" {
			head = i + 1
		}
	}
	var titles string
	for _, dn := range x.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == SheetVerdict {
			titles = dn.RefersTo
		}
	}
	if want := "$" + strconv.Itoa(head) + ":$" + strconv.Itoa(head); head == 0 || !strings.Contains(titles, want) {
		t.Errorf("评估结论 repeats %q, want its items' header row %d", titles, head)
	}
}

// A 小学's 初中 fields read 不适用 in the school workbook (greyed, locked),
// not an empty cell that looks unfilled; read back they change nothing.
func TestTemplateMarksFieldsNotApplicable(t *testing.T) {
	f := demo.File()
	for i := range f.Schools { // as the form leaves them: never typed
		if s := &f.Schools[i]; s.Type == county.TypePrimary {
			s.Students.Junior, s.Classes.Junior, s.LargestClass.Junior, s.Staff = nil, nil, nil, nil
		}
	}
	b := templateOf(t, f, "")
	x := openBook(t, b)
	col := headerIndex(t, x, "学校基本信息", headerLines(tableColumn(t, "students.junior").header))
	staff := headerIndex(t, x, "学校基本信息", headerLines(tableColumn(t, "staff.junior").header))
	rows, _ := x.GetRows("学校基本信息")
	primaries := 0
	for i, r := range rows[firstDataRow-1:] {
		var s *county.School
		for k := range f.Schools {
			if f.Schools[k].ID == r[0] {
				s = &f.Schools[k]
			}
		}
		if s == nil || s.Type != county.TypePrimary {
			continue
		}
		primaries++
		for _, c := range []int{col, staff} {
			if v, _ := x.GetCellValue("学校基本信息", cellName(c, firstDataRow+i)); v != NotApplicable {
				t.Fatalf("%s's %s reads %q", s.Name, rows[0][c-1], v)
			}
		}
	}
	if primaries == 0 {
		t.Fatal("the demo has no 小学")
	}
	if _, err := ReadWorkbook(bytes.NewReader(b), "填报.xlsx"); err != nil {
		t.Fatalf("不适用 refused: %v", err)
	}
}
