package xlsx

import (
	"bytes"
	"testing"

	"junheng/assets/demo"
)

// Found: 「2020-2021学年」 and 「2020—2021」 were not taken for the year
// 2020-2021. Every way a clerk writes it is; other text stays as it was.
func TestSchoolYearVariants(t *testing.T) {
	for _, in := range []string{"2020-2021", "2020-2021学年", " 2020—2021 ", "2020–2021", "2020～2021学年度", "2020至2021",
		"２０２０－２０２１", "2020 - 2021 学年", "2020年-2021年", "2020/2021", "2020-2021年度"} {
		if got := SchoolYear(in); got != "2020-2021" {
			t.Errorf("SchoolYear(%q) = %q, want 2020-2021", in, got)
		}
	}
	for _, in := range []string{"2020-2022", "2020", "二〇二〇学年", "2021-2020", ""} {
		if got := SchoolYear(in); got == "2020-2021" || got == "2020-2022" && in != "2020-2022" {
			t.Errorf("SchoolYear(%q) = %q", in, got)
		}
	}
}

// The 学年 on a returned workbook's 说明 sheet is read in the file's form.
func TestWorkbookYearWrittenWithSuffix(t *testing.T) {
	for _, written := range []string{"2020-2021学年", "2020—2021"} {
		x := openBook(t, templateOf(t, demo.File(), ""))
		rows, err := x.GetRows(InfoSheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			if len(r) >= 2 && r[0] == "学年" {
				x.SetCellValue(InfoSheet, cellName(2, i+1), written)
			}
		}
		imp, err := ReadWorkbook(bytes.NewReader(saveBook(t, x)), "填报.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		if imp.Year != "2020-2021" {
			t.Errorf("「%s」 read as the year %q", written, imp.Year)
		}
	}
}
