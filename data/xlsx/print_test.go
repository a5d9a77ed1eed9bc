package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/assets/demo"
)

// Every sheet of every workbook prints landscape, one page wide, its
// header rows repeated; the instructions on one page.
func TestWorkbooksPrint(t *testing.T) {
	f := demo.File()
	var countyBook, export bytes.Buffer
	if err := WriteCountyTemplate(&countyBook, f); err != nil {
		t.Fatal(err)
	}
	if err := ExportResults(&export, f, eval.Run(f)); err != nil {
		t.Fatal(err)
	}
	books := map[string][]byte{"schools": templateOf(t, nil, ""), "county": countyBook.Bytes(), "export": export.Bytes()}
	for what, b := range books {
		x := openBook(t, b)
		titles := map[string]string{}
		for _, dn := range x.GetDefinedName() {
			if dn.Name == "_xlnm.Print_Titles" {
				titles[dn.Scope] = dn.RefersTo
			}
		}
		for _, name := range x.GetSheetList() {
			pl, err := x.GetPageLayout(name)
			if err != nil {
				t.Fatal(err)
			}
			props, _ := x.GetSheetProps(name)
			grouped := props.FitToPage != nil && !*props.FitToPage && pl.AdjustTo != nil && *pl.AdjustTo >= minPrintScale
			if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 ||
				props.FitToPage == nil || !*props.FitToPage && !grouped {
				t.Errorf("%s!%s does not print landscape, one page wide or in column groups at ≥ 8 pt", what, name)
			}
			onePage := pl.FitToHeight != nil && *pl.FitToHeight == 1
			if (name == InfoSheet) != onePage {
				t.Errorf("%s!%s: fit to one page %v (only the instructions are)", what, name, onePage)
			}
			rows, _ := x.GetRows(name)
			if sheetByName(name) != nil && len(rows) > 0 && !strings.Contains(titles[name], "$1:$") {
				t.Errorf("%s!%s repeats no header rows (%q)", what, name, titles[name])
			}
		}
	}
}

// Headers break before their unit, columns are at least as wide as their
// header needs, and no hint names one particular county.
func TestHeadersAndHintsPrintable(t *testing.T) {
	other := county.Generate(5, 3)
	other.County.Name, other.County.Code = "某某县", "999999"
	var cb bytes.Buffer
	if err := WriteCountyTemplate(&cb, other); err != nil {
		t.Fatal(err)
	}
	for _, b := range [][]byte{templateOf(t, other, ""), cb.Bytes()} {
		x := openBook(t, b)
		for _, name := range x.GetSheetList() {
			sh := sheetByName(name)
			rows, _ := x.GetRows(name)
			if sh == nil || len(rows) == 0 {
				continue
			}
			for _, r := range rows {
				for _, v := range r {
					if strings.Contains(v, "义马") || strings.Contains(v, "411281") {
						t.Errorf("%s: %q names the demo county in another county's workbook", name, v)
					}
				}
			}
			if sh.scope == scopeFacts {
				continue
			}
			for j, h := range rows[0] {
				if strings.HasSuffix(h, "）") && !strings.Contains(h, "\n（") {
					t.Errorf("%s: header %q does not break before its unit", name, h)
				}
				w, _ := x.GetColWidth(name, colName(j+1))
				if w < headerWidth(strings.ReplaceAll(h, "\n", "")) {
					t.Errorf("%s: column %s is %.0f wide, its header needs %.0f", name, colName(j+1), w, headerWidth(h))
				}
			}
		}
	}
}

// 评估结论's 结论 cells are coloured like the other result cells: 通过 /
// 达标 green, 未通过 / 未达标 red, 未填报 yellow.
func TestVerdictCellsColoured(t *testing.T) {
	x, _ := exportDemo(t)
	cfs, err := x.GetConditionalFormats(SheetVerdict)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows(SheetVerdict)
	for i, r := range rows {
		for j, v := range r {
			if v == "达标" || v == "未达标" || v == "通过" || v == "未通过" {
				col := colName(j + 1)
				if !coveredBy(cfs, col, i+1) {
					t.Errorf("%s%d (%s) is not coloured", col, i+1, v)
				}
			}
		}
	}
}

// coveredBy reports whether a cell lies in a verdict-colour range.
func coveredBy(cfs map[string][]excelize.ConditionalFormatOptions, col string, row int) bool {
	for ref, rules := range cfs {
		if len(rules) == 0 || !strings.Contains(rules[0].Criteria, `"达标"`) {
			continue
		}
		from, to, _ := strings.Cut(ref, ":")
		if to == "" {
			to = from
		}
		c1, r1, _ := excelize.CellNameToCoordinates(from)
		c2, r2, _ := excelize.CellNameToCoordinates(to)
		c, _ := excelize.ColumnNameToNumber(col)
		if c >= c1 && c <= c2 && row >= r1 && row <= r2 {
			return true
		}
	}
	return false
}
