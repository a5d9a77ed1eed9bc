package xlsx

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"junheng/app/county"
	"junheng/data"
)

// A pre-filled workbook sent back untouched changes nothing, even where
// Excel keeps fewer digits than the database (15 significant digits).
func TestPrefilledWorkbookReimportsUnchanged(t *testing.T) {
	f := county.Generate(40, 5)
	s := newStore(t, f)
	before, _ := s.LoadYear(f.Year)
	p, err := importInto(s, fullBookOf(t, before), "全县.xlsx", f.Year)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Empty() {
		t.Errorf("untouched workbook shows changes: %v", p.Changes)
	}
	after, _ := s.LoadYear(f.Year)
	if encode(t, after) != encode(t, before) {
		t.Error("untouched workbook changed the database")
	}
}

// errorCase breaks a valid pre-filled workbook and says which message
// (with its sheet and cell) the clerk must see.
type errorCase struct {
	name   string
	break_ func(t *testing.T, x *excelize.File, f *county.File) (want []string)
	raw    []byte // instead of a workbook
}

func errorCases() []errorCase {
	first := func(f *county.File) county.School { return f.Schools[0] }
	return []errorCase{
		{name: "text in a number cell", break_: func(t *testing.T, x *excelize.File, f *county.File) []string {
			ref := setCell(t, x, "学校基本信息", hdrID, first(f).ID, "小学在校生数（人）", "一千")
			return []string{"学校基本信息!" + ref + " " + who(first(f)) + "小学在校生数「一千」不是数字"}
		}},
		{name: "negative", break_: func(t *testing.T, x *excelize.File, f *county.File) []string {
			ref := setCell(t, x, "校舍与装备", hdrID, first(f).ID, "教学及辅助用房面积（㎡）", -5)
			return []string{"校舍与装备!" + ref + " " + who(first(f)) + "教学及辅助用房面积「-5」不能为负数"}
		}},
		{name: "fraction in a count", break_: func(t *testing.T, x *excelize.File, f *county.File) []string {
			ref := setCell(t, x, "校舍与装备", hdrID, first(f).ID, "计算机台数（台）", 12.5)
			return []string{"校舍与装备!" + ref + " " + who(first(f)) + "计算机台数「12.5」应为整数"}
		}},
		{name: "unknown type", break_: func(t *testing.T, x *excelize.File, f *county.File) []string {
			ref := setCell(t, x, "学校基本信息", hdrID, first(f).ID, "学校类型", "中学")
			return []string{"学校基本信息!" + ref + " " + who(first(f)) + "学校类型「中学」应为以下之一：小学、初中"}
		}},
		{name: "bad yes/no", break_: func(t *testing.T, x *excelize.File, f *county.File) []string {
			ref := setCell(t, x, "学校基本信息", hdrID, first(f).ID, "是否有学校章程", "可能")
			return []string{"学校基本信息!" + ref + " " + who(first(f)) + "是否有学校章程「可能」请填写「是」或「否」"}
		}},
		{name: "duplicate school", break_: func(t *testing.T, x *excelize.File, f *county.File) []string {
			row := rowOf(t, x, "学校基本信息", hdrID, f.Schools[0].ID)
			ref := setCell(t, x, "学校基本信息", hdrID, f.Schools[1].ID, hdrID, f.Schools[0].ID)
			return []string{fmt.Sprintf("学校基本信息!%s 学校标识码「%s」与第 %d 行重复", ref, f.Schools[0].ID, row)}
		}},
		{name: "missing required column", break_: func(t *testing.T, x *excelize.File, f *county.File) []string {
			ref := cellAt(headerIndex(t, x, "学校基本信息", "学校类型"), 1)
			x.SetCellValue("学校基本信息", ref, "学校类别")
			return []string{"学校基本信息!A1 第 1 行表头中缺少必填列「学校类型」",
				"学校基本信息!" + ref + " 「学校类别」不是「学校基本信息」表的列名；是否应为「学校类型」？"}
		}},
		{name: "more certified than full-time teachers", break_: func(t *testing.T, x *excelize.File, f *county.File) []string {
			full := *first(f).Teachers.Primary.FullTime
			ref := setCell(t, x, "小学教师", hdrID, first(f).ID, "小学持证专任教师数（人）", full+2)
			return []string{fmt.Sprintf("小学教师!%s "+who(first(f))+"小学持证专任教师数「%d」：不能多于专任教师数（%d）", ref, full+2, full)}
		}},
		{name: "school unknown everywhere", break_: func(t *testing.T, x *excelize.File, f *county.File) []string {
			rows, _ := x.GetRows("小学教师")
			ref := cellAt(headerIndex(t, x, "小学教师", hdrID), len(rows)+1)
			x.SetCellValue("小学教师", ref, "4199999999")
			x.SetCellValue("小学教师", cellAt(headerIndex(t, x, "小学教师", "小学专任教师数（人）"), len(rows)+1), 10)
			return []string{"小学教师!" + ref + " " + "学校标识码「4199999999」在「学校基本信息」表和数据库中都没有"}
		}},
		{name: "survey half cleared", break_: func(t *testing.T, x *excelize.File, f *county.File) []string {
			ref := setCell(t, x, "满意度调查", hdrGroup, "家长", "满意人数（人）", ClearWord)
			setCell(t, x, "满意度调查", hdrGroup, "家长", "调查人数（人）", 500)
			return []string{"满意度调查!" + ref + " 满意人数：「家长」的调查人数和满意人数要一起清空"}
		}},
		{name: "county fact not a number", break_: func(t *testing.T, x *excelize.File, f *county.File) []string {
			ref := setCell(t, x, "县级指标", hdrItem, "G9 应参训教师数（人）", hdrValue, "全部")
			return []string{"县级指标!" + ref + " G9 应参训教师数「全部」不是数字"}
		}},
		{name: "every error listed at once", break_: func(t *testing.T, x *excelize.File, f *county.File) []string {
			a := setCell(t, x, "学校基本信息", hdrID, f.Schools[0].ID, "小学在校生数（人）", "一千")
			b := setCell(t, x, "经费与招生", hdrID, f.Schools[1].ID, "教师培训经费（元）", "-1")
			c := setCell(t, x, "学校基本信息", hdrID, f.Schools[2].ID, "城乡分类", "郊区")
			return []string{"学校基本信息!" + a + " ", "经费与招生!" + b + " ", "学校基本信息!" + c + " "}
		}},
		{name: "empty workbook", break_: func(t *testing.T, x *excelize.File, f *county.File) []string {
			for _, n := range x.GetSheetList() {
				if n != InfoSheet {
					x.DeleteSheet(n)
				}
			}
			return []string{"工作簿中没有可导入的数据"}
		}},
		{name: "a PDF", raw: []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n")},
		{name: "an old .xls", raw: append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 600)...)},
		{name: "a truncated xlsx", raw: nil},
		{name: "an empty file", raw: []byte{}},
	}
}

// Every kind of error gives its message at its cell, and the database is
// left exactly as it was (values and audit trail).
func TestImportErrorsChangeNothing(t *testing.T) {
	f := sampleCounty()
	s := newStore(t, f)
	saved, _ := s.LoadYear(f.Year)
	good := fullBookOf(t, saved)
	histBefore, _ := s.History(data.Filter{})
	rawWant := map[string]string{
		"a PDF": "是 PDF 文件", "an old .xls": "旧版 Excel 97-2003 格式（.xls）", "a truncated xlsx": "已损坏或没有保存完整",
		"an empty file": "是空文件",
	}
	for _, c := range errorCases() {
		t.Run(c.name, func(t *testing.T) {
			var book []byte
			var want []string
			switch {
			case c.break_ != nil:
				x := openBook(t, good)
				want = c.break_(t, x, saved)
				book = saveBook(t, x)
			case c.name == "a truncated xlsx":
				book, want = good[:len(good)/2], []string{rawWant[c.name]}
			default:
				book, want = c.raw, []string{rawWant[c.name]}
			}
			_, err := importInto(s, book, "坏表.xlsx", f.Year)
			es, ok := err.(Errors)
			if !ok {
				t.Fatalf("want Errors, got %T %v", err, err)
			}
			if len(es) != len(want) {
				t.Errorf("want %d errors, got %d:\n%v", len(want), len(es), err)
			}
			text := err.Error()
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("missing %q in:\n%s", w, text)
				}
			}
			for _, e := range es {
				if e.Message == "" {
					t.Errorf("error without a message: %+v", e)
				}
			}
			now, _ := s.LoadYear(f.Year)
			if encode(t, now) != encode(t, saved) {
				t.Error("a refused workbook changed the database")
			}
			if h, _ := s.History(data.Filter{}); len(h) != len(histBefore) {
				t.Errorf("a refused workbook left %d audit lines", len(h)-len(histBefore))
			}
		})
	}
}

// The importer reads numbers the way clerks type them.
func TestCellNumbers(t *testing.T) {
	c := *tableColumn(t, "students.primary")
	for raw, want := range map[string]int{"1200": 1200, "1,200": 1200, " １２００ ": 1200, "1.2E3": 1200, "0": 0} {
		v, reason := c.parse(raw)
		if reason != "" || v != want {
			t.Errorf("%q → %v %q, want %d", raw, v, reason, want)
		}
	}
	for _, raw := range []string{"NaN", "Inf", "-Inf", "0x10", "一千", "12人", "1e400"} {
		if v, reason := c.parse(raw); reason == "" {
			t.Errorf("%q must be refused, got %v", raw, v)
		}
	}
	l := *tableColumn(t, "music_rooms")
	if v, _ := l.parse("98、96；90"); fmt.Sprint(v) != "[98 96 90]" {
		t.Errorf("list: %v", v)
	}
	if _, reason := l.parse("9-3"); strings.Count(reason, "9-3") > 0 || reason == "" {
		t.Errorf("a refused list repeats its value: %q", reason)
	}
	if v, _ := l.parse("无"); v == nil || len(v.([]float64)) != 0 {
		t.Errorf("无 must be an empty list (no room), not 未填报: %#v", v)
	}
	if v, _ := l.parse(""); v != nil {
		t.Errorf("an empty cell is 未填报: %#v", v)
	}
}

// A workbook typed by hand with the ids as numbers (Excel shows them as
// 4.1E+09) still finds its schools.
func TestNumericSchoolIDs(t *testing.T) {
	f := sampleCounty()
	s := newStore(t, f)
	saved, _ := s.LoadYear(f.Year)
	x := openBook(t, templateOf(t, saved, saved.Schools[0].ID))
	id, _ := strconv.ParseFloat(saved.Schools[0].ID, 64)
	ref := cellAt(headerIndex(t, x, "学校基本信息", hdrID), firstDataRow)
	x.SetCellValue("学校基本信息", ref, id)
	imp, err := ReadWorkbook(bytes.NewReader(saveBook(t, x)), "数字标识码.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	p, err := imp.Plan(saved)
	if err != nil || len(p.NewSchools) != 0 {
		t.Errorf("numeric id must match the school: %v %v", p, err)
	}
}

// who is how a message names a school before its field.
func who(s county.School) string { return "学校「" + s.Name + "」（" + s.ID + "）的" }

// tableColumn is the column of the table placing a field.
func tableColumn(t *testing.T, path string) *column {
	t.Helper()
	for i := range sheets {
		for k := range sheets[i].cols {
			if sheets[i].cols[k].path == path {
				return &sheets[i].cols[k]
			}
		}
	}
	t.Fatalf("no column places %s", path)
	return nil
}
