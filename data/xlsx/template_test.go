package xlsx

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"junheng/app/county"
	"junheng/assets/demo"
)

// What a clerk relies on in the blank template: the instructions sheet,
// every input sheet, headers locked and frozen above editable cells (also
// in rows not filled yet), drop-down lists where a value comes from a
// list, and an example row the importer skips.
func TestTemplateStructure(t *testing.T) {
	x := openBook(t, templateOf(t, nil, ""))
	names := x.GetSheetList()
	if names[0] != InfoSheet {
		t.Errorf("first sheet %q, want the instructions", names[0])
	}
	for _, want := range []string{"学校基本信息", "小学教师", "初中教师", "校舍与装备", "功能教室", "经费与招生"} {
		if !slices.Contains(names, want) {
			t.Errorf("template lacks sheet %s", want)
		}
	}
	countyOnly := []string{"县级基本情况", "县级指标", "满意度调查", "教育经费", SheetLedger, SheetPlanning}
	for _, n := range countyOnly {
		if slices.Contains(names, n) {
			t.Errorf("the schools' template carries the county sheet %s", n)
		}
	}
	var cb bytes.Buffer
	if err := WriteCountyTemplate(&cb, nil); err != nil {
		t.Fatal(err)
	}
	if got := openBook(t, cb.Bytes()).GetSheetList(); !slices.Equal(got, append([]string{InfoSheet}, countyOnly...)) {
		t.Errorf("county template sheets %v, want 说明 and %v", got, countyOnly)
	}
	const name = "学校基本信息"
	locked := func(ref string) bool {
		id, err := x.GetCellStyle(name, ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := x.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		// Excel locks a cell unless its style says otherwise.
		return st.Protection == nil || st.Protection.Locked
	}
	if !locked("A1") || !locked("C2") {
		t.Error("header and example rows must be locked")
	}
	for _, ref := range []string{"A3", "H3", "D500"} {
		if locked(ref) {
			t.Errorf("%s must stay editable", ref)
		}
	}
	// An unfilled cell takes its column's style: check the column style too.
	panes, err := x.GetPanes(name)
	if err != nil || !panes.Freeze || panes.YSplit != exampleRow {
		t.Errorf("header rows must be frozen: %+v %v", panes, err)
	}
	dvs, err := x.GetDataValidations(name)
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string]string{}
	for _, dv := range dvs {
		if dv.Type == "list" {
			lists[strings.Split(dv.Sqref, ":")[0]] = dv.Formula1
		}
	}
	for header, want := range map[string][]string{
		"学校类型": county.SchoolTypes, "城乡分类": county.Locations, "是否民办": {"是", "否"}, "德育与校园文化评价": county.MoralRatings,
	} {
		ref := cellAt(headerIndex(t, x, name, header), firstDataRow)
		got := lists[ref]
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: drop-down %q lacks %s", header, got, w)
			}
		}
	}
	var buf bytes.Buffer
	x.WriteTo(&buf)
	if _, err := ReadWorkbook(&buf, "空白.xlsx"); err == nil || !strings.Contains(err.Error(), "没有可导入的数据") {
		t.Errorf("a blank template (example rows only) has nothing to import: %v", err)
	}
}

// The number cells of a pre-filled template are numbers, not text.
func TestTemplateNumbersAreNumbers(t *testing.T) {
	f := demo.File()
	x := openBook(t, templateOf(t, f, ""))
	sc := f.Schools[0]
	ref := cellAt(headerIndex(t, x, "学校基本信息", "小学在校生数（人）"), rowOf(t, x, "学校基本信息", hdrID, sc.ID))
	if typ, _ := x.GetCellType("学校基本信息", ref); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("students cell %s is text", ref)
	}
	if v, _ := x.GetCellValue("学校基本信息", ref); v != itoaInt(*sc.Students.Primary) && v != strings.ReplaceAll(itoaInt(*sc.Students.Primary), ",", "") {
		t.Errorf("students %s = %q, want %d", ref, v, *sc.Students.Primary)
	}
	idType, _ := x.GetCellType("学校基本信息", cellAt(1, rowOf(t, x, "学校基本信息", hdrID, sc.ID)))
	if idType != excelize.CellTypeSharedString && idType != excelize.CellTypeInlineString {
		t.Error("school ids must stay text (long digit strings lose digits as numbers)")
	}
}
