package xlsx

import (
	"io"

	"github.com/xuri/excelize/v2"

	"junheng/app/evidence"
)

// SheetArchiveIndex is the sheet of the 档案目录 workbook.
const SheetArchiveIndex = "档案目录"

// archiveIndexWidths are the column widths of the 档案目录 (Excel units,
// a Chinese character is two): the path and the title get the room.
var archiveIndexWidths = []float64{6, 8, 12, 24, 18, 30, 20, 11, 12, 14, 48, 26}

// WriteArchiveIndex writes the 档案目录 of the 迎检档案 as a workbook: the
// title in the first row, the header (evidence.IndexHeader) in the
// second, one row per filed attachment, both top rows repeated on every
// printed page. 卷号 is a number, every other cell text (a 件号 like
// 1-003 or a date stays as printed). With no rows it says 尚无佐证材料.
func WriteArchiveIndex(w io.Writer, title string, rows []evidence.IndexRow) error {
	b := newBook()
	defer b.x.Close()
	name := SheetArchiveIndex
	if err := b.x.SetSheetName("Sheet1", name); err != nil {
		return err
	}
	// The file's properties name the program, not the library.
	if err := b.x.SetDocProps(&excelize.DocProperties{Title: title, Creator: "均衡评估助手", LastModifiedBy: "均衡评估助手"}); err != nil {
		return err
	}
	if err := b.x.SetCellValue(name, "A1", title); err != nil {
		return err
	}
	b.x.SetCellStyle(name, "A1", "A1", b.style("title"))
	b.x.SetRowHeight(name, 1, 24)
	head := make([]any, len(evidence.IndexHeader))
	for i, h := range evidence.IndexHeader {
		head[i] = h
	}
	if err := b.rows(name, 2, [][]any{head}, true); err != nil {
		return err
	}
	last := cellName(len(evidence.IndexHeader), 2)
	for i, wd := range archiveIndexWidths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := b.x.SetColWidth(name, col, col, wd); err != nil {
			return err
		}
	}
	if len(rows) == 0 {
		if err := b.x.SetCellValue(name, "A3", "尚无佐证材料"); err != nil {
			return err
		}
	}
	for i := range rows {
		r := &rows[i]
		cells := r.Cells()
		vals := make([]any, len(cells))
		for j, c := range cells {
			vals[j] = c
		}
		vals[0] = r.Volume
		n := 3 + i
		if err := b.x.SetSheetRow(name, cellName(1, n), &vals); err != nil {
			return err
		}
		for j, c := range cells {
			b.fitText(name, n, archiveIndexWidths[j], c)
		}
		last = cellName(len(cells), n)
	}
	if len(rows) > 0 {
		b.x.SetCellStyle(name, "A3", last, b.style("locked"))
		if err := b.x.AutoFilter(name, "A2:"+last, nil); err != nil {
			return err
		}
	}
	if err := b.x.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := b.printSetup(name, 2, false); err != nil {
		return err
	}
	_, err := b.x.WriteTo(w)
	return err
}
