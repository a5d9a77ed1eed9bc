package xlsx

import (
	"archive/zip"
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"junheng/app/county"
	"junheng/assets/demo"
)

// testdata/openpyxl.xlsx was written by another program (Python's
// openpyxl 3.0, as WPS and Excel write: shared strings, its own styles),
// by hand rather than from the template: 学校基本信息 with shuffled columns,
// headers with spaces and half-width brackets, a 备注 column, the first
// demo school with 10 fewer primary students and a new teaching point
// under it; 小学教师 with two columns for the new point.
func TestWorkbookFromAnotherWriter(t *testing.T) {
	b, err := os.ReadFile("testdata/openpyxl.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	f := demo.File()
	imp, err := ReadWorkbook(bytes.NewReader(b), "openpyxl.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	p, err := imp.Plan(f)
	if err != nil {
		t.Fatal(err)
	}
	first := f.Schools[0]
	if len(p.NewSchools) != 1 || p.NewSchools[0].ID != "4199990001" || len(p.Changes) != 1 {
		t.Fatalf("plan: %+v %v", p.NewSchools, p.Changes)
	}
	if c := p.Changes[0]; c.SchoolID != first.ID || c.Path != "students.primary" || c.New != itoaInt(*first.Students.Primary-10) {
		t.Errorf("change: %+v", c)
	}
	point := p.Schools[len(p.Schools)-1]
	if point.Type != county.TypePoint || *point.ParentID != first.ID || *point.Students.Primary != 30 ||
		*point.Teachers.Primary.FullTime != 3 || point.Teachers.Primary.Backbone != nil {
		t.Errorf("new point: %+v %+v", point, point.Teachers.Primary)
	}
}

// A minimal package as small writers produce it: inline strings, no
// styles, no shared strings, no 说明 sheet, numbers typed as text.
func TestMinimalInlineStringWorkbook(t *testing.T) {
	f := demo.File()
	first := f.Schools[0]
	cell := func(ref, text string) string {
		return `<c r="` + ref + `" t="inlineStr"><is><t>` + text + `</t></is></c>`
	}
	sheet := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1">` + cell("A1", "学校标识码") + cell("B1", "计算机台数（台）") + `</row>
<row r="2">` + cell("A2", first.ID) + cell("B2", " 1,234 ") + `</row>
</sheetData></worksheet>`
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
			`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="校舍与装备" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": sheet,
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	imp, err := ReadWorkbook(&buf, "极简.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	p, err := imp.Plan(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Changes) != 1 || p.Changes[0].Path != "computers" || p.Changes[0].New != "1,234" {
		t.Errorf("changes: %v", p.Changes)
	}
	if !strings.Contains(strings.Join(p.Notes, "\n"), "没有「教学及辅助用房面积（㎡）」列") {
		t.Errorf("notes must say which columns keep their values: %v", p.Notes)
	}
}

// A problem in a field whose column the workbook lacks points at the
// school's row and says the column is missing.
func TestProblemInAbsentColumnNamesTheRow(t *testing.T) {
	x := excelize.NewFile()
	x.SetSheetName("Sheet1", "学校基本信息")
	x.SetSheetRow("学校基本信息", "A1", &[]any{"学校名称", "学校标识码", "学校类型", "小学在校生数（人）"})
	x.SetSheetRow("学校基本信息", "A2", &[]any{"新教学点", "4199990002", "教学点", 20})
	imp, err := ReadWorkbook(bytes.NewReader(saveBook(t, x)), "缺列.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	_, err = imp.Plan(demo.File())
	want := "学校基本信息!B2 学校「新教学点」（4199990002）的所属中心校：教学点必须填写所属中心校（工作簿中没有这一列"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
