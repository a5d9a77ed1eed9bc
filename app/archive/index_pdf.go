package archive

import (
	"fmt"
	"io"
	"strings"
	"time"

	"junheng/app/dossier"
	"junheng/app/evidence"
	"junheng/app/format"
)

// IndexDoc is the 档案目录 to print.
type IndexDoc struct {
	Title  string // 「XX县 2024-2025 学年 迎检档案目录」
	County string
	Year   string
	Date   time.Time // the PDF's date: the archive's, never today
	Rows   []evidence.IndexRow
}

// indexColumns are the columns of the printed 目录 (evidence.IndexHeader),
// with widths for a landscape A4 page: the title and the path get the room.
var indexColumns = []dossier.ListColumn{
	{Width: 8, Align: "C"}, {Width: 11, Align: "C"}, {Width: 13, Align: "L"}, {Width: 30, Align: "L"},
	{Width: 20, Align: "L"}, {Width: 32, Align: "L"}, {Width: 22, Align: "L"}, {Width: 20, Align: "C"},
	{Width: 17, Align: "C"}, {Width: 15, Align: "C"}, {Width: 48, Align: "L"}, {Width: 39, Align: "L"},
}

// WriteIndex prints the 档案目录 as a PDF: A4 landscape, the title on the
// first page, one row per filed attachment in archive order, the header
// repeated on every page, 第 X 页 共 Y 页 at the foot.
func WriteIndex(w io.Writer, x IndexDoc) error {
	cols := make([]dossier.ListColumn, len(indexColumns))
	copy(cols, indexColumns)
	for i := range cols {
		cols[i].Title = evidence.IndexHeader[i]
	}
	rows := make([][]string, len(x.Rows))
	for i := range x.Rows {
		rows[i] = x.Rows[i].Cells()
	}
	l := dossier.Listing{
		Title:       x.Title,
		Header:      strings.TrimSpace(x.County + " 迎检档案"),
		HeaderRight: x.Year + "学年",
		Intro:       indexIntro(x.Rows),
		Landscape:   true,
		Size:        8,
		Columns:     cols,
		Rows:        rows,
		Empty:       "尚无佐证材料。",
		Date:        x.Date,
		Author:      x.County,
		Subject:     x.Title,
		Keywords:    "迎检档案 档案目录 佐证材料 " + x.County,
	}
	if err := dossier.WriteListing(w, l); err != nil {
		return fmt.Errorf("档案目录 PDF：%w", err)
	}
	return nil
}

// indexIntro counts what the archive holds: 共 40 件，分 4 卷（…）.
func indexIntro(rows []evidence.IndexRow) string {
	if len(rows) == 0 {
		return ""
	}
	var vols []string
	count := map[int]int{}
	for _, r := range rows {
		if count[r.Volume] == 0 {
			vols = append(vols, fmt.Sprintf("第 %d 卷 %s", r.Volume, r.VolumeName))
		}
		count[r.Volume]++
	}
	for i, r := range uniqueVolumes(rows) {
		vols[i] += " " + format.Int(count[r]) + " 件"
	}
	return fmt.Sprintf("共 %s 件佐证材料，分 %d 卷（%s）。「文件名」为档案包内的路径。",
		format.Int(len(rows)), len(vols), strings.Join(vols, "，"))
}

func uniqueVolumes(rows []evidence.IndexRow) []int {
	var out []int
	seen := map[int]bool{}
	for _, r := range rows {
		if !seen[r.Volume] {
			seen[r.Volume] = true
			out = append(out, r.Volume)
		}
	}
	return out
}
