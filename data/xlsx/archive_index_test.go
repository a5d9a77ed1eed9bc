package xlsx

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"junheng/app/evidence"
)

func archiveRows(n int) []evidence.IndexRow {
	var out []evidence.IndexRow
	for i := 0; i < n; i++ {
		out = append(out, evidence.IndexRow{Volume: 1 + i/10, Code: fmt.Sprintf("%d-%03d", 1+i/10, 1+i%10), VolumeName: "资源配置",
			Item: "R5 生均体育运动场馆面积", School: "第一小学", Title: fmt.Sprintf("运动场照片（%d）：全景", i), DocNo: "某教〔2024〕3号",
			Date: "2024-05-01", Kind: "照片", Extent: "2000×1500 像素", Path: fmt.Sprintf("1 资源配置/R5 生均体育运动场馆面积/第一小学/%03d-运动场.jpg", i+1),
			Note: "0123 " + strings.Repeat("说明", 40)})
	}
	return out
}

// The 档案目录 workbook holds the title, the header and every row as
// given; 卷号 is a number, the 件号 and dates stay text; the top two rows
// repeat on every printed page.
func TestArchiveIndexWorkbook(t *testing.T) {
	rows := archiveRows(25)
	var b bytes.Buffer
	if err := WriteArchiveIndex(&b, "义马市 2024-2025 学年 迎检档案目录", rows); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	got, err := x.GetRows(SheetArchiveIndex)
	if err != nil {
		t.Fatal(err)
	}
	if got[0][0] != "义马市 2024-2025 学年 迎检档案目录" || !slices.Equal(got[1], evidence.IndexHeader) {
		t.Fatalf("top rows %q", got[:2])
	}
	if len(got) != 2+len(rows) {
		t.Fatalf("%d rows, want %d", len(got)-2, len(rows))
	}
	for i, r := range rows {
		if !slices.Equal(got[2+i], r.Cells()) {
			t.Errorf("row %d: %q, want %q", i+1, got[2+i], r.Cells())
		}
	}
	if typ, _ := x.GetCellType(SheetArchiveIndex, "A3"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("卷号 cell type %v", typ)
	}
	if typ, _ := x.GetCellType(SheetArchiveIndex, "B3"); typ == excelize.CellTypeNumber || typ == excelize.CellTypeDate {
		t.Errorf("件号 stored as %v", typ)
	}
	if p, err := x.GetDocProps(); err != nil || p.Creator != "均衡评估助手" || p.Title != "义马市 2024-2025 学年 迎检档案目录" {
		t.Errorf("document properties %+v (%v)", p, err)
	}
	names := x.GetDefinedName()
	if !slices.ContainsFunc(names, func(d excelize.DefinedName) bool {
		return d.Name == "_xlnm.Print_Titles" && strings.HasSuffix(d.RefersTo, "!$1:$2")
	}) {
		t.Errorf("no print titles for the top rows: %+v", names)
	}
	if h, _ := x.GetRowHeight(SheetArchiveIndex, 3); h < 30 {
		t.Errorf("a row with a long note is %.0f pt tall: its lines would print over each other", h)
	}
}

func TestArchiveIndexWorkbookEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := WriteArchiveIndex(&b, "目录", nil); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if v, _ := x.GetCellValue(SheetArchiveIndex, "A3"); v != "尚无佐证材料" {
		t.Errorf("empty index says %q", v)
	}
}
