package xlsx

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"junheng/app/county"
	"junheng/app/format"
)

// Rows of a table sheet: header, example, then data.
const (
	headerRow    = 1
	exampleRow   = 2
	firstDataRow = 3
	// validationRows is how far below the data the drop-down lists and
	// number checks reach, so that rows the clerk adds get them too.
	validationRows = 1000
)

// InfoSheet is the name of the instructions sheet.
const InfoSheet = "说明"

// WriteTemplate writes the schools' fill-in workbook: the school sheets
// only, never the county's (a school cannot be asked to fill in, or send
// back, county facts). With f nil it is blank. With f and schoolID "" it
// is pre-filled with every school of f; with a schoolID it holds that
// school only, for the school to correct and send back.
func WriteTemplate(w io.Writer, f *county.File, schoolID string) error {
	if f == nil {
		f = &county.File{}
	}
	schools := f.Schools
	if schoolID != "" {
		i := slices.IndexFunc(f.Schools, func(s county.School) bool { return s.ID == schoolID })
		if i < 0 {
			return fmt.Errorf("%s 学年中没有标识码为「%s」的学校", f.Year, schoolID)
		}
		schools = f.Schools[i : i+1]
	}
	return writeBook(w, f, schools, func(sh *sheet) bool { return !sh.county }, schoolID != "", false)
}

// WriteCountyTemplate writes the county's own workbook: the county facts,
// survey and finance sheets, pre-filled from f (nil: blank), for the
// bureau itself.
func WriteCountyTemplate(w io.Writer, f *county.File) error {
	if f == nil {
		f = &county.File{}
	}
	return writeBook(w, f, nil, func(sh *sheet) bool { return sh.county }, false, true)
}

// writeBook writes the 说明 sheet and the sheets of the table that
// include selects.
func writeBook(w io.Writer, f *county.File, schools []county.School, include func(*sheet) bool, oneSchool, countySheets bool) error {
	b := newBook()
	defer b.x.Close()
	var included []*sheet
	for i := range sheets {
		if include(&sheets[i]) {
			included = append(included, &sheets[i])
		}
	}
	if err := b.info(f, schools, included, oneSchool, countySheets); err != nil {
		return err
	}
	for _, sh := range included {
		if err := b.inputSheet(sh, f, schools, true); err != nil {
			return err
		}
	}
	return b.finish(w)
}

// finish writes the workbook with the instructions sheet active.
func (b *book) finish(w io.Writer) error {
	if i, err := b.x.GetSheetIndex(InfoSheet); err == nil && i >= 0 {
		b.x.SetActiveSheet(i)
	}
	_, err := b.x.WriteTo(w)
	return err
}

// info writes the 说明 sheet (it replaces the default Sheet1), printed on
// one page.
func (b *book) info(f *county.File, schools []county.School, included []*sheet, oneSchool, countySheets bool) error {
	x := b.x
	if err := x.SetSheetName("Sheet1", InfoSheet); err != nil {
		return err
	}
	title := "县域义务教育优质均衡发展督导评估 学校数据填报表"
	steps := instructions
	if countySheets {
		title = "县域义务教育优质均衡发展督导评估 县级数据填报表"
		steps = countyInstructions
	}
	rows := [][]any{
		{title},
		{},
		{"县（市、区）", f.County.Name},
		{"学年", f.Year},
	}
	if oneSchool {
		rows = append(rows, []any{"学校", schools[0].Name + "（" + schools[0].ID + "）"})
	}
	rows = append(rows, []any{}, []any{"填写方法"})
	for i, line := range steps {
		rows = append(rows, []any{fmt.Sprintf("%d.", i+1), line})
	}
	rows = append(rows, []any{}, []any{"工作表", "内容"})
	for _, sh := range included {
		rows = append(rows, []any{sh.name, sh.note})
	}
	for i, r := range rows {
		if len(r) == 0 {
			continue
		}
		if err := x.SetSheetRow(InfoSheet, cellName(1, i+1), &r); err != nil {
			return err
		}
	}
	x.SetCellStyle(InfoSheet, "B1", cellName(2, len(rows)), b.style("wrap"))
	x.SetCellStyle(InfoSheet, "A1", "A1", b.style("title"))
	x.SetColWidth(InfoSheet, "A", "A", 16)
	x.SetColWidth(InfoSheet, "B", "B", 110)
	for i, r := range rows {
		if len(r) == 1 && i > 0 {
			x.SetCellStyle(InfoSheet, cellName(1, i+1), cellName(1, i+1), b.style("bold"))
		}
	}
	return b.printSetup(InfoSheet, 0, true)
}

var instructions = []string{
	"每张表第一行是表头（已锁定），第二行灰色斜体是填写示例，导入时跳过；请从第三行起填写，每所学校一行。",
	"各表中的学校以「学校标识码」对应，同一学校在各表中的标识码必须一致；「学校名称」必须与标识码对应（导入时逐行核对，不一致则不导入）。",
	"留空的格表示「不提供」，导入时保留数据库中原有的值；要清空已保存的值，请在格中填「" + ClearWord + "」。数量为 0 时请填 0，不要留空。",
	"学校类型、城乡分类、是/否、德育评价等列请从下拉列表中选择。数字请直接填写，不要带单位，也不要填日期。",
	"金额单位为元，面积单位为平方米，人数单位为人（见表头）。",
	"功能教室表：每间教室填一个面积，多间用顿号分隔（如 98、96）；没有这类教室填「无」。",
	"可以调整列的顺序，可以增加表头以「备注」开头的列（导入时跳过）；请不要修改表头文字和工作表名称，也不要合并单元格。",
	"数据库中没有的学校（新学校）导入时单独列出，需要确认后才会添加。",
	"填好后保存为 .xlsx 格式（Excel 或 WPS 均可），交回教育局导入。导入时会逐格检查，有任何错误都不会导入。",
}

var countyInstructions = []string{
	"「县级基本情况」「县级指标」表每项一行，请把数值填在「填写值」列；「填写说明」列说明应填什么。",
	"「满意度调查」表每类调查对象一行；「教育经费」表每个自然年度一行，金额单位为万元，生均和工资单位为元。",
	"「整改台账」表每个整改事项一行，以指标编号（如 R2）和学校标识码对应，县级事项不填学校；完成时限写作 2025-08-31 的形式，状态从下拉列表中选择。",
	"留空的格表示「不提供」，导入时保留数据库中原有的值；要清空已保存的值，请在格中填「" + ClearWord + "」。",
	"是/否项目请从下拉列表中选择。数字请直接填写，不要带单位，也不要填日期（日期只填在申报日期、完成时限两项）。",
	"请不要修改项目名称、表头文字和工作表名称，也不要合并单元格；可以增加表头以「备注」开头的列（导入时跳过）。",
	"填好后保存为 .xlsx 格式（Excel 或 WPS 均可）后导入。导入时会逐格检查，有任何错误都不会导入。",
}

func cellName(col, row int) string {
	c, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		panic("xlsx: cell name: " + err.Error())
	}
	return c
}

func colName(col int) string {
	c, err := excelize.ColumnNumberToName(col)
	if err != nil {
		panic("xlsx: column name: " + err.Error())
	}
	return c
}

// inputSheet writes one sheet of the table with f's data.
func (b *book) inputSheet(sh *sheet, f *county.File, schools []county.School, protect bool) error {
	if _, err := b.x.NewSheet(sh.name); err != nil {
		return err
	}
	if sh.scope == scopeFacts {
		return b.factSheet(sh, &f.County, protect)
	}
	var data [][]any
	// Cells of a stage the school lacks, left empty (row, column; 0-based):
	// a stored 0 stays 0, so that the workbook reads back as it was.
	var na [][2]int
	switch sh.scope {
	case scopeSchool:
		for i := range schools {
			s := &schools[i]
			if !listsSchool(sh, s) {
				continue
			}
			row := make([]any, len(sh.cols))
			for j := range sh.cols {
				c := &sh.cols[j]
				row[j] = c.cellValue(get(s, c.path))
				if row[j] == nil && s.Type != "" && c.spec.Path != "" && !c.spec.AppliesTo(s.Type) {
					row[j] = NotApplicable
					na = append(na, [2]int{len(data), j})
				}
			}
			data = append(data, row)
		}
	case scopeSurvey:
		groups := slices.Clone(county.SurveyGroups)
		for g := range f.County.Survey {
			if !slices.Contains(groups, g) {
				groups = append(groups, g)
			}
		}
		for _, g := range groups {
			row := []any{g, nil, nil}
			if v, ok := f.County.Survey[g]; ok && len(v) == 2 {
				row[1], row[2] = v[0], v[1]
			}
			data = append(data, row)
		}
	case scopeRectify:
		names := map[string]string{}
		for _, s := range f.Schools {
			names[s.ID] = s.Name
		}
		for i := range f.County.Rectification {
			r := &f.County.Rectification[i]
			row := make([]any, len(sh.cols))
			for j := range sh.cols {
				if c := &sh.cols[j]; c.path == "name" {
					row[j] = nilIfEmpty(names[idOf(r.SchoolID)])
				} else {
					row[j] = c.cellValue(get(r, c.path))
				}
			}
			data = append(data, row)
		}
	case scopeFinance:
		for i := range f.County.Finance {
			fy := &f.County.Finance[i]
			row := make([]any, len(sh.cols))
			for j := range sh.cols {
				row[j] = sh.cols[j].cellValue(get(fy, sh.cols[j].path))
			}
			data = append(data, row)
		}
	}
	if err := b.table(sh, data, protect); err != nil {
		return err
	}
	for _, at := range na { // grey and locked: nothing to fill in there
		ref := cellName(at[1]+1, firstDataRow+at[0])
		b.x.SetCellStyle(sh.name, ref, ref, b.style("na"))
	}
	return nil
}

// listsSchool reports whether a school has a row in a sheet: teacher sheets
// list the schools that have the stage (or teachers entered for it).
func listsSchool(sh *sheet, s *county.School) bool {
	switch sh.stage {
	case "primary":
		return s.Teachers.Primary != nil || slices.Contains([]string{county.TypePrimary, county.TypePoint, county.TypeNineYear, county.TypeTwelveYear}, s.Type)
	case "junior":
		return s.Teachers.Junior != nil || slices.Contains([]string{county.TypeJunior, county.TypeNineYear, county.TypeTwelveYear, county.TypeComplete}, s.Type)
	}
	return true
}

// table writes a header, an example row and the data rows, with column
// formats, drop-down lists, number checks, frozen headers and protection.
func (b *book) table(sh *sheet, data [][]any, protect bool) error {
	x, name := b.x, sh.name
	header := make([]any, len(sh.cols))
	example := make([]any, len(sh.cols))
	for j := range sh.cols {
		c := &sh.cols[j]
		header[j] = headerLines(c.header)
		example[j] = exampleValue(c)
	}
	example[0] = exampleKey
	last := firstDataRow + len(data) + validationRows
	for j := range sh.cols {
		c := &sh.cols[j]
		col := colName(j + 1)
		width := max(c.width, headerWidth(c.header))
		if err := x.SetColWidth(name, col, col, width); err != nil {
			return err
		}
		if err := x.SetColStyle(name, col, b.dataStyle(c.kind, c.decimals, false)); err != nil {
			return err
		}
		if err := b.validate(name, fmt.Sprintf("%s%d:%s%d", col, firstDataRow, col, last), c); err != nil {
			return err
		}
	}
	if err := x.SetSheetRow(name, cellName(1, headerRow), &header); err != nil {
		return err
	}
	if err := x.SetSheetRow(name, cellName(1, exampleRow), &example); err != nil {
		return err
	}
	end := colName(len(sh.cols))
	x.SetCellStyle(name, "A1", end+"1", b.style("header"))
	x.SetCellStyle(name, "A2", end+"2", b.style("example"))
	x.SetRowHeight(name, headerRow, 48)
	for i, row := range data {
		if err := x.SetSheetRow(name, cellName(1, firstDataRow+i), &row); err != nil {
			return err
		}
	}
	freezeCols := 1
	if sh.scope == scopeSchool {
		freezeCols = 2
	}
	if err := x.SetPanes(name, &excelize.Panes{Freeze: true, XSplit: freezeCols, YSplit: exampleRow,
		TopLeftCell: cellName(freezeCols+1, firstDataRow), ActivePane: "bottomRight"}); err != nil {
		return err
	}
	if protect { // a template: ruled rows to fill in, by hand if printed
		if err := b.ruleRows(sh, firstDataRow+len(data), blankRows); err != nil {
			return err
		}
	}
	if err := b.printSetup(name, headerRow, false); err != nil {
		return err
	}
	if sh.scope == scopeSchool {
		if _, err := b.columnGroups(name, freezeCols, len(sh.cols), headerRow); err != nil {
			return err
		}
	}
	if protect {
		return b.protect(name)
	}
	return nil
}

// blankRows is how many empty ruled rows a template's table offers below
// its data: a blank template printed and filled in by hand has lines to
// write on.
const blankRows = 30

// ruleRows gives n rows from row the cells of their columns (borders,
// number format, unlocked), so that they print as ruled lines a little
// taller than text.
func (b *book) ruleRows(sh *sheet, row, n int) error {
	for j := range sh.cols {
		c := &sh.cols[j]
		col := colName(j + 1)
		if err := b.x.SetCellStyle(sh.name, fmt.Sprintf("%s%d", col, row), fmt.Sprintf("%s%d", col, row+n-1), b.dataStyle(c.kind, c.decimals, false)); err != nil {
			return err
		}
	}
	for r := row; r < row+n; r++ {
		if err := b.x.SetRowHeight(sh.name, r, 20); err != nil {
			return err
		}
	}
	// Printed to the last ruled row: a program prints only to the last
	// cell holding something, and these hold nothing yet.
	area := quoted(sh.name) + "!$A$1:$" + colName(len(sh.cols)) + "$" + strconv.Itoa(row+n-1)
	return b.x.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: sh.name, RefersTo: area})
}

// exampleValue is the example row's cell: numbers as numbers.
func exampleValue(c *column) any {
	if c.kind == kInt || c.kind == kFloat {
		if x, why := county.ParseNumber(c.example); why == "" {
			return x
		}
	}
	return c.example
}

// protect locks the header and example rows; data cells stay editable and
// the clerk may still add rows and columns, sort and filter.
func (b *book) protect(name string) error {
	return b.x.ProtectSheet(name, &excelize.SheetProtectionOptions{
		AutoFilter: true, FormatCells: true, FormatColumns: true, FormatRows: true,
		InsertColumns: true, InsertRows: true, DeleteRows: true, Sort: true,
		SelectLockedCells: true, SelectUnlockedCells: true,
	})
}

// validate adds the drop-down list or the number check of a column, with
// the catalogue's bounds. 「清空」 is offered in every list and let through
// the number checks (a warning the clerk can confirm), since it is how a
// saved value is cleared.
func (b *book) validate(sheetName, sqref string, c *column) error {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(sqref)
	clear := "；要清空已保存的值，请填「" + ClearWord + "」"
	switch c.kind {
	case kEnum, kBool:
		opts := append(slices.Clone(c.enum), ClearWord)
		if c.kind == kBool {
			opts = append(slices.Clone(yesNo), ClearWord)
		}
		if err := dv.SetDropList(opts); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, c.short(), "请从下拉列表中选择："+joinList(opts))
	case kInt, kFloat:
		typ, what := excelize.DataValidationTypeWhole, "整数"
		if c.kind == kFloat {
			typ, what = excelize.DataValidationTypeDecimal, "数字"
		}
		if err := dv.SetRange(c.spec.Min, c.spec.Max, typ, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, c.short(),
			fmt.Sprintf("请填写 %s 到 %s 之间的%s（单位见表头）%s，并在本提示中点「是」", boundText(c.spec.Min), boundText(c.spec.Max), what, clear))
	default:
		return nil
	}
	return b.x.AddDataValidation(sheetName, dv)
}

// boundText prints a bound as a clerk writes it: 20,000, 0.5.
func boundText(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return format.Int(int(x))
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

func joinList(xs []string) string {
	out := ""
	for i, s := range xs {
		if i > 0 {
			out += "、"
		}
		out += s
	}
	return out
}

// Columns of a fact sheet.
const (
	factCode = iota + 1
	factItem
	factValue
	factHint
)

// factWidths are the widths of 编号, 项目, 填写值 and 填写说明.
var factWidths = []float64{8, 44, 64, 28}

// factSheet writes one county fact per row: 编号, 项目, 填写值, 填写说明.
func (b *book) factSheet(sh *sheet, p *county.Profile, protect bool) error {
	x, name := b.x, sh.name
	header := []any{hdrCode, hdrItem, hdrValue, hdrHint}
	if err := x.SetSheetRow(name, "A1", &header); err != nil {
		return err
	}
	x.SetCellStyle(name, "A1", "D1", b.style("header"))
	for i := range sh.cols {
		c := &sh.cols[i]
		r := headerRow + 1 + i
		row := []any{c.code, c.header, c.cellValue(get(p, c.path)), factHintText(c)}
		if err := x.SetSheetRow(name, cellName(1, r), &row); err != nil {
			return err
		}
		b.fitText(name, r, factWidths[1], c.header)
		if v, ok := row[2].(string); ok {
			b.fitText(name, r, factWidths[2], v)
		}
		b.fitText(name, r, factWidths[3], row[3].(string))
		x.SetCellStyle(name, cellName(factCode, r), cellName(factItem, r), b.style("locked"))
		x.SetCellStyle(name, cellName(factHint, r), cellName(factHint, r), b.style("locked"))
		x.SetCellStyle(name, cellName(factValue, r), cellName(factValue, r), b.dataStyle(c.kind, c.decimals, false))
		if err := b.validate(name, cellName(factValue, r), c); err != nil {
			return err
		}
	}
	for i, w := range factWidths {
		x.SetColWidth(name, colName(i+1), colName(i+1), w)
	}
	if err := x.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := b.printSetup(name, headerRow, false); err != nil {
		return err
	}
	if protect {
		return b.protect(name)
	}
	return nil
}

// factHintText says what to type for a county fact: the catalogue's hint
// (what the standard asks), with the kind and unit. It is generic: the
// county's own values are in the 填写值 column when the workbook is
// pre-filled, and another county's name never appears as an example.
func factHintText(c *column) string {
	hint := c.spec.Hint
	if strings.Contains(hint, "如「") && c.kind == kText {
		hint = "" // an example naming one county
	}
	var kindText string
	switch c.kind {
	case kInt:
		kindText = "填整数"
	case kFloat:
		kindText = "填数字"
	case kBool:
		kindText = "填「是」或「否」"
	}
	if c.spec.Unit != "" && kindText != "" {
		kindText += "，单位：" + c.spec.Unit
	}
	switch {
	case hint == "":
		return kindText
	case kindText == "" || strings.Contains(hint, "填「是」"):
		return hint
	}
	return kindText + "。" + hint
}
