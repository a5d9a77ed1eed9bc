package archive

import (
	"fmt"
	"strconv"

	"junheng/app/evidence"
)

// The 卷内目录 of a box: one row per 件 (件号, 责任者, 文号, 题名, 日期, 页数,
// 备注), every cell wrapped to its column, the header repeated on every
// page, and the last page filled with empty rows for entries added by
// hand.

const (
	tableSize = 9.0 // pt
	tablePad  = 1.2 // mm above and below a cell's text, and at its sides
	emptyRowH = 9.0 // mm, a row to fill in by hand
	// maxCellLines is the most lines a cell prints; the whole text is in
	// the 档案目录 and the file itself.
	maxCellLines = 12
	contentsTo   = a4H - labelFoot
)

type column struct {
	head  string
	w     float64
	align string
}

var contentsCols = []column{
	{"件号", 17, "C"}, {"责任者", 22, "L"}, {"文号", 28, "L"}, {"题名", 61, "L"},
	{"日期", 19, "C"}, {"页数", 11, "C"}, {"备注", 12, "L"},
}

// contentsRow is the cells of a 件's row.
func contentsRow(f *evidence.Filed) []string {
	pages, note := "", evidence.KindNames[f.Kind]
	switch f.Kind {
	case evidence.KindPhoto:
		pages = "1"
	case evidence.KindPDF:
		note = ""
		if f.Pages > 0 {
			pages = strconv.Itoa(f.Pages)
		}
	}
	title := f.DisplayTitle()
	if f.SchoolName != "" {
		title += "（" + f.SchoolName + "）"
	}
	return []string{f.Code(), f.AddedBy, f.DocNo, title, f.Date, pages, note}
}

// contents prints a box's 卷内目录.
func (s *sheet) contents(info *LabelInfo, b *Box) {
	width := a4W - labelLeft - labelRight
	page := 0
	var y float64
	head := func() {
		s.portrait()
		page++
		title := "卷　内　目　录"
		if page > 1 {
			title = "卷内目录（续）"
		}
		s.font(true, 18)
		s.text(labelLeft, labelTop, width, lineH(18), title, "C")
		s.font(false, 10)
		s.text(labelLeft, labelTop+12, width, lineH(10),
			s.fit(fmt.Sprintf("%s　%s　起止件号 %s　第 %d 页", info.year(), b.Name(), b.Range(), page), width), "L")
		y = labelTop + 19
		cells := make([][]string, len(contentsCols))
		for i, c := range contentsCols {
			cells[i] = []string{c.head}
		}
		s.font(true, tableSize)
		y = s.row(y, cells, true)
	}
	head()
	for i := range b.Files {
		s.font(false, tableSize)
		cells := make([][]string, len(contentsCols))
		for j, t := range contentsRow(&b.Files[i]) {
			cells[j] = s.wrap(oneLine(t), contentsCols[j].w-2*tablePad)
			if len(cells[j]) > maxCellLines { // a row never outgrows a page
				cells[j] = cells[j][:maxCellLines]
				cells[j][maxCellLines-1] = s.fit(cells[j][maxCellLines-1]+"……", contentsCols[j].w-2*tablePad)
			}
		}
		if y+rowH(cells) > contentsTo {
			head()
			s.font(false, tableSize)
		}
		y = s.row(y, cells, false)
	}
	// Empty rows down to the page's foot, for entries added by hand.
	for y+emptyRowH <= contentsTo {
		x := labelLeft
		for _, c := range contentsCols {
			s.pdf.Rect(x, y, c.w, emptyRowH, "D")
			x += c.w
		}
		y += emptyRowH
	}
}

func rowH(cells [][]string) float64 {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	return float64(n)*lineH(tableSize) + 2*tablePad
}

// row draws one table row at y in the current font and returns the y
// below it. Every cell is framed at the row's full height.
func (s *sheet) row(y float64, cells [][]string, shade bool) float64 {
	h := rowH(cells)
	x := labelLeft
	for i, c := range contentsCols {
		if shade {
			s.pdf.SetFillColor(230, 230, 230)
			s.pdf.Rect(x, y, c.w, h, "FD")
		} else {
			s.pdf.Rect(x, y, c.w, h, "D")
		}
		align := c.align
		if shade {
			align = "C"
		}
		s.lines(x+tablePad, y+tablePad, c.w-2*tablePad, lineH(tableSize), cells[i], align)
		x += c.w
	}
	return y + h
}
