package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"junheng/app/county"
)

// maxFileSize bounds what the importer reads: far above any county's
// workbook, far below what would exhaust memory.
const maxFileSize = 64 << 20

// Import is a workbook read and checked cell by cell, not yet compared with
// the database: Plan does that.
type Import struct {
	Name string // the file name, for messages and the audit trail
	// Year is the 学年 written on the 说明 sheet, "" when absent.
	Year string
	// CountyName is the 县（市、区） written on the 说明 sheet, "" when
	// absent: a workbook naming another county is not imported unasked.
	CountyName string
	// Notes say what the workbook leaves alone: sheets or columns not
	// found (those fields keep their saved values).
	Notes []string

	schools []*schoolRecord // in order of first appearance
	byID    map[string]*schoolRecord
	facts   []*record // one per county fact row (scopeFacts)
	survey  []*record
	finance []*record
	rectify []*record // 整改台账 rows
	county  bool      // a county sheet holding data was found

	values  int // cells read holding a value (keys and names aside)
	empties int // cells of a recognised column left empty
}

// record is one data row of a sheet: the value of every column present.
type record struct {
	sheet  *sheet
	row    int
	key    string
	keyAt  string            // A1 reference of the key cell
	name   string            // the school name typed beside the id, "" when none
	nameAt string            // its A1 reference
	cols   []*column         // columns present in the sheet, in table order
	vals   map[string]any    // path → value (nil = empty cell, cleared = 清空)
	cells  map[string]string // path → A1 reference
	raw    map[string]string // path → the cell's text as typed
}

// schoolRecord gathers the rows of one school across sheets.
type schoolRecord struct {
	id    string
	basic *record   // its 学校基本信息 row, nil when absent
	parts []*record // rows in the other sheets
}

// reader collects the problems of one workbook.
type reader struct {
	x    *excelize.File
	meta *bookMeta
	imp  *Import
	errs Errors
	// dateCells are the cells kept by Excel as dates that stand in a date
	// field ("sheet\x00A1"): their day number is read as that date.
	dateCells map[string]bool
}

func (r *reader) fail(sheetName, cell, field, value, format string, args ...any) {
	r.errs = append(r.errs, CellError{Sheet: sheetName, Cell: cell, Field: field, Value: value, Message: fmt.Sprintf(format, args...)})
}

// ReadWorkbook reads an .xlsx workbook (Excel or WPS) filled in from the
// template. Sheets are found by name and columns by header text, so column
// order may change. Nothing read is dropped: a sheet, column or row that
// holds data and is not recognised is an error naming it, as is a cell that
// is not what it looks like (a date, a formula without its result, a merged
// range). A workbook with any problem returns Errors (every problem, by
// sheet and cell) and no Import.
func ReadWorkbook(r io.Reader, name string) (*Import, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, Errors{{Message: fmt.Sprintf("无法读取「%s」（文件读到一半出错，可能在移动存储上或正被其他程序写入）。请把文件复制到本机后再导入。", name)}}
	}
	if e := fileProblem(data, name); e != nil {
		return nil, Errors{*e}
	}
	x, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue: true, UnzipSizeLimit: 4 * maxFileSize, UnzipXMLSizeLimit: maxFileSize})
	if err != nil {
		return nil, Errors{{Message: fmt.Sprintf("「%s」无法作为 Excel 工作簿打开（文件已损坏或不完整）。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再导入。", name)}}
	}
	defer x.Close()
	rd := &reader{x: x, meta: readMeta(data), imp: &Import{Name: name, byID: map[string]*schoolRecord{}}, dateCells: map[string]bool{}}
	if err := rd.read(); err != nil {
		return nil, err
	}
	if len(rd.errs) > 0 {
		return nil, rd.errs
	}
	return rd.imp, nil
}

// outputSheets are written by ExportResults; they hold results, not
// input, and are read past when an export is imported again.
var outputSheets = []string{SheetVerdict, SheetCV, SheetTodo, "小学资源配置", "初中资源配置"}

// read goes through every sheet of the workbook.
func (rd *reader) read() (err error) {
	defer func() {
		// excelize on hostile input must not take the program down.
		if p := recover(); p != nil {
			err = Errors{{Message: fmt.Sprintf("「%s」的内容无法读取（文件已损坏）。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再导入。", rd.imp.Name)}}
		}
	}()
	known := map[string]*sheet{}
	for i := range sheets {
		known[normalize(sheets[i].name)] = &sheets[i]
	}
	found := map[*sheet]bool{}
	rows := 0
	for _, actual := range rd.x.GetSheetList() {
		n := normalize(actual)
		switch sh := known[n]; {
		case n == normalize(InfoSheet):
			rd.readInfo(actual)
		case sh != nil:
			if found[sh] {
				rd.fail(actual, "", "", "", "与另一张「%s」表重名，无法确定导入哪一张。请删除或合并其中一张后再导入", sh.name)
				continue
			}
			found[sh] = true
			k := rd.sheet(sh, actual)
			rows += k
			if sh.county && k > 0 {
				rd.imp.county = true
			}
		case containsNorm(outputSheets, n):
			rd.imp.Notes = append(rd.imp.Notes, fmt.Sprintf("「%s」是评估结果表，导入时不读取。", actual))
		default:
			rd.unknownSheet(actual)
		}
	}
	// A missing sheet is said when the workbook has others of its kind
	// (a schools' workbook without the county sheets is as it should be).
	has := map[bool]bool{}
	for sh := range found {
		has[sh.county] = true
	}
	for i := range sheets {
		if !found[&sheets[i]] && has[sheets[i].county] {
			rd.imp.Notes = append(rd.imp.Notes, fmt.Sprintf("工作簿中没有「%s」表，其中的项目保持原值。", sheets[i].name))
		}
	}
	if rows == 0 && len(rd.errs) == 0 {
		rd.fail("", "", "", "", "工作簿中没有可导入的数据：没有找到「学校基本信息」等工作表，或表中除示例行外没有填写任何一行。")
	}
	return nil
}

func containsNorm(names []string, n string) bool {
	for _, s := range names {
		if normalize(s) == n {
			return true
		}
	}
	return false
}

// unknownSheet stops the import when a sheet the template does not have
// holds data (Excel's copy makes 「小学教师 (2)」), naming the likely one.
func (rd *reader) unknownSheet(name string) {
	rows, _ := rd.x.GetRows(name, excelize.Options{RawCellValue: true})
	ref := firstFilled(rows)
	if ref == "" && len(rd.meta.odd[name]) > 0 {
		ref = rd.meta.odd[name][0].ref
	}
	if ref == "" {
		rd.imp.Notes = append(rd.imp.Notes, fmt.Sprintf("「%s」是空表，已跳过。", name))
		return
	}
	names := make([]string, len(sheets))
	for i := range sheets {
		names[i] = sheets[i].name
	}
	msg := fmt.Sprintf("「%s」不是填报表中的表名", name)
	if g := guess(name, names); g != "" {
		msg += fmt.Sprintf("；是否应为「%s」？请把数据移到「%s」表（或把表名改为「%s」、删去原表）后再导入", g, g, g)
	} else {
		msg += "（填报表的表有：" + strings.Join(names, "、") + "）。请把数据移到对应的表中，或删除这张表后再导入"
	}
	rd.errs = append(rd.errs, CellError{Sheet: name, Cell: ref, Message: msg + "。这张表从 " + ref + " 起有数据，不能略过不读"})
}

// firstFilled is the first cell holding text, "" when none.
func firstFilled(rows [][]string) string {
	for i, r := range rows {
		for j, v := range r {
			if strings.TrimSpace(v) != "" {
				return cellName(j+1, i+1)
			}
		}
	}
	return ""
}

// readInfo takes the 学年 (whatever dash or suffix the clerk wrote: see
// SchoolYear) and the county from the 说明 sheet.
func (rd *reader) readInfo(name string) {
	rows, err := rd.x.GetRows(name)
	if err != nil {
		return
	}
	for _, r := range rows {
		if len(r) < 2 {
			continue
		}
		switch normalize(r[0]) {
		case "学年":
			if rd.imp.Year == "" {
				rd.imp.Year = SchoolYear(r[1])
			}
		case normalize("县（市、区）"):
			if rd.imp.CountyName == "" {
				rd.imp.CountyName = strings.TrimSpace(r[1])
			}
		}
	}
}

var normalizer = strings.NewReplacer(" ", "", "\u3000", "", "\n", "", "\r", "", "\t", "", "\u00a0", "",
	"(", "（", ")", "）", ":", "：", ",", "，")

func normalize(s string) string { return normalizer.Replace(strings.TrimSpace(s)) }

// matches reports whether a header cell names column c: its full header or
// its name without the unit.
// An earlier template's header is matched too, with or without its unit.
func matches(cell string, c *column) bool {
	n := normalize(cell)
	if n == "" {
		return false
	}
	if n == normalize(c.header) || n == normalize(c.short()) {
		return true
	}
	return c.legacy != "" && (n == normalize(c.legacy) || n == normalize(withoutUnit(c.legacy)))
}

// withoutUnit drops a header's trailing 「（…）」.
func withoutUnit(h string) string {
	h = strings.TrimSpace(h)
	if strings.HasSuffix(h, "）") || strings.HasSuffix(h, ")") {
		if i := strings.LastIndexAny(h, "（("); i > 0 {
			return h[:i]
		}
	}
	return h
}

// isRemark reports whether a header marks a column of the clerk's own
// notes, which the instructions allow and the import skips.
func isRemark(header string) bool {
	n := normalize(header)
	return strings.HasPrefix(n, "备注") || strings.HasPrefix(n, "说明")
}

// checkOdd reports the cells of a sheet that are not plain values, from
// the header row down (remark columns aside), and the merged ranges that
// reach below the header row. A cell Excel keeps as a date is refused
// unless it stands in a date field (isDate(col, row)), the one place a
// date is valid: that cell's day number is then read as its date.
func (rd *reader) checkOdd(name string, headerRow int, remark func(col int) bool, isDate func(col, row int) bool) {
	for _, c := range rd.meta.odd[name] {
		col, row, err := excelize.CellNameToCoordinates(c.ref)
		if err != nil || row < headerRow || remark(col) {
			continue
		}
		if c.date && isDate(col, row) {
			rd.dateCells[name+"\x00"+c.ref] = true
			continue
		}
		rd.fail(name, c.ref, "", "", "%s", c.reason)
	}
	for _, m := range rd.meta.merges[name] {
		start, end, _ := strings.Cut(m, ":")
		if end == "" {
			end = start
		}
		_, endRow, err := excelize.CellNameToCoordinates(end)
		if err != nil || endRow <= headerRow {
			continue
		}
		rd.fail(name, start+":"+end, "", "", "是合并单元格，合并后只有左上角一格有值，其余各格的数据无法对应。请取消合并（选中后再点一次「合并后居中」），每格分别填写后再导入")
	}
}

// remarkCols tells which columns (1-based) of a header row are remarks.
func remarkCols(header []string) func(int) bool {
	return func(col int) bool { return col-1 < len(header) && isRemark(header[col-1]) }
}

// sheet reads one sheet and returns how many data rows it holds.
func (rd *reader) sheet(sh *sheet, name string) int {
	rows, err := rd.x.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		rd.fail(name, "", "", "", "这张表无法读取（文件已损坏）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入")
		return 0
	}
	if sh.scope == scopeFacts {
		return rd.facts(sh, name, rows)
	}
	// The header row is the first (of the first 20) naming the key column.
	key := &sh.cols[0]
	hr := -1
	for i := 0; i < len(rows) && i < 20 && hr < 0; i++ {
		for _, cell := range rows[i] {
			if matches(cell, key) {
				hr = i
				break
			}
		}
	}
	if hr < 0 {
		if ref := firstFilled(rows); ref != "" {
			rd.fail(name, ref, "", "", "这张表有数据，但前 20 行中没有「%s」表头，无法知道每列是什么。请恢复第 1 行的表头（可从新生成的填报表中复制）后再导入", key.header)
		} else {
			rd.imp.Notes = append(rd.imp.Notes, fmt.Sprintf("「%s」表是空的，其中的项目保持原值。", name))
		}
		return 0
	}
	at := map[int]*column{}   // sheet column index → table column
	seen := map[*column]int{} // table column → sheet column index
	var unknown []int
	for j, cell := range rows[hr] {
		matched := false
		for k := range sh.cols {
			c := &sh.cols[k]
			if !matches(cell, c) {
				continue
			}
			matched = true
			if prev, dup := seen[c]; dup {
				rd.fail(name, cellName(j+1, hr+1), "", strings.TrimSpace(cell), "与 %s 列的表头重复，无法确定用哪一列。请删除或改正其中一列", colName(prev+1))
				break
			}
			seen[c], at[j] = j, c
			break
		}
		if !matched && !isRemark(cell) {
			unknown = append(unknown, j)
		}
	}
	rd.checkOdd(name, hr+1, remarkCols(rows[hr]), func(col, _ int) bool { return at[col-1] != nil && at[col-1].kind == kDate })
	// Columns beyond the header row's last cell may hold data too.
	width := len(rows[hr])
	for i := hr + 1; i < len(rows); i++ {
		width = max(width, len(rows[i]))
	}
	for j := len(rows[hr]); j < width; j++ {
		unknown = append(unknown, j)
	}
	rd.unknownColumns(sh, name, rows, hr, unknown, seen)
	var present []*column
	missing := false
	for k := range sh.cols {
		c := &sh.cols[k]
		if _, ok := seen[c]; ok {
			present = append(present, c)
			continue
		}
		if c.required {
			rd.fail(name, cellName(1, hr+1), "", "", "第 %d 行表头中缺少必填列「%s」。请恢复这一列的表头后再导入", hr+1, c.header)
			missing = true
		} else if c.path != "name" {
			rd.imp.Notes = append(rd.imp.Notes, fmt.Sprintf("「%s」表没有「%s」列，这一项保持原值。", name, c.header))
		}
	}
	if missing {
		return 0
	}
	n := 0
	keys := map[string]int{} // key → row
	for i := hr + 1; i < len(rows); i++ {
		if !anyFilled(rows[i], at) {
			continue
		}
		rec := &record{sheet: sh, row: i + 1, cols: present, vals: map[string]any{}, cells: map[string]string{}, raw: map[string]string{}}
		for j, c := range at {
			if j < len(rows[i]) {
				if v := strings.TrimSpace(rows[i][j]); v != "" {
					rec.raw[c.path] = v
				}
			}
			rec.cells[c.path] = cellName(j+1, i+1)
		}
		if rec.raw[key.path] == exampleKey {
			continue
		}
		rec.keyAt = rec.cells[key.path]
		if !rd.rowValues(name, rec) {
			continue
		}
		k := rec.key
		if k == "" {
			what := rowWhat[sh.scope]
			rd.fail(name, rec.keyAt, key.short(), "", "未填写，这一行的数据无法对应到%s。请填写%s，或删除这一行", what, key.short())
			continue
		}
		if sh.scope == scopeRectify {
			k = rectifyKey(rec)
		}
		if prev, dup := keys[k]; dup {
			rd.fail(name, rec.keyAt, key.short(), rec.key, "与第 %d 行重复。同一%s在一张表中只能有一行，请合并或删除其中一行", prev, rowWhat[sh.scope])
			continue
		}
		keys[k] = rec.row
		if rec.filled() > 0 {
			n++ // a row holding only its key (a listed survey group…) is no data
		}
		rd.add(rec)
	}
	return n
}

// rowWhat is what a row of a sheet stands for, in messages.
var rowWhat = map[scope]string{scopeSchool: "学校", scopeSurvey: "调查对象", scopeFinance: "年度", scopeRectify: "整改事项（指标编号和学校）"}

// rectifyKey identifies a 整改台账 row: its code and school ("" for a
// county item).
func rectifyKey(rec *record) string {
	id, _ := rec.vals["school_id"].(string)
	return rec.key + "\x00" + id
}

// filled counts the values of a row besides its key and name.
func (rec *record) filled() int {
	n := 0
	for _, c := range rec.cols {
		if !rec.sheet.isKeyCol(c) && rec.raw[c.path] != "" {
			n++
		}
	}
	return n
}

// unknownColumns stops the import for a column holding data whose header
// the sheet does not have (a reworded or deleted header).
func (rd *reader) unknownColumns(sh *sheet, name string, rows [][]string, hr int, cols []int, seen map[*column]int) {
	var free []string // headers of the sheet not found: the likely meaning
	for k := range sh.cols {
		if _, ok := seen[&sh.cols[k]]; !ok {
			free = append(free, sh.cols[k].header)
		}
	}
	for _, j := range cols {
		data := ""
		for i := hr + 1; i < len(rows) && data == ""; i++ {
			if j < len(rows[i]) && strings.TrimSpace(rows[i][j]) != "" {
				data = cellName(j+1, i+1)
			}
		}
		if data == "" {
			continue
		}
		header := ""
		if j < len(rows[hr]) {
			header = strings.TrimSpace(rows[hr][j])
		}
		ref := cellName(j+1, hr+1)
		if header == "" {
			rd.fail(name, ref, "", "", "%s 列没有表头，但从 %s 起有数据，无法知道是哪一项。请填上表头（从新生成的填报表中复制），或把备注列的表头写成「备注」", colName(j+1), data)
			continue
		}
		msg := fmt.Sprintf("不是「%s」表的列名", sh.name)
		if g := guess(header, free); g != "" {
			msg += revertHint(header, g, "表头")
		} else {
			msg += "。请改回填报表中的表头；如果这是自己加的备注列，请把表头写成「备注」"
		}
		rd.fail(name, ref, "", header, "%s（这一列从 %s 起有数据，不能略过不读）", msg, data)
	}
}

// anyFilled reports whether a row has text in a column of the table (a
// sheet may reach row 1,048,576 because of one stray cell).
func anyFilled(row []string, at map[int]*column) bool {
	for j, v := range row {
		if at[j] != nil && strings.TrimSpace(v) != "" {
			return true
		}
	}
	return false
}

// rowValues parses every present cell of a row into rec, reporting each
// bad cell; it returns false when any cell is bad.
func (rd *reader) rowValues(name string, rec *record) bool {
	ok := true
	first := len(rd.errs)
	defer func() {
		if rec.sheet.scope == scopeSchool && rec.key != "" {
			for i := first; i < len(rd.errs); i++ {
				rd.errs[i].School = schoolLabel(rec.name, rec.key)
			}
		}
	}()
	for _, c := range rec.cols {
		s := rec.raw[c.path]
		isKey := c == &rec.sheet.cols[0]
		if isKey {
			rec.key = keyText(rec.sheet, s)
			if rec.sheet.scope == scopeSchool {
				if why := county.CheckID(rec.key, 0); rec.key != "" && why != "" {
					rd.fail(name, rec.cells[c.path], c.short(), s, "%s", withoutValue(s, why))
					ok, rec.key = false, ""
					return ok
				}
				rec.vals[c.path] = nilIfEmpty(rec.key)
				continue
			}
		}
		if c.path == "name" && (rec.sheet.scope == scopeSchool || rec.sheet.scope == scopeRectify) {
			rec.name, rec.nameAt = s, rec.cells[c.path]
			if s == ClearWord {
				rd.fail(name, rec.cells[c.path], c.short(), s, "学校名称不能清空。请填写学校名称，或留空（留空表示不修改）")
				ok = false
				continue
			}
		}
		if c.path == "parent_id" && s != "" && s != ClearWord {
			s = cleanID(s)
		}
		s = rd.dateText(name, rec.cells[c.path], s)
		v, reason := c.parse(s)
		if reason != "" {
			rd.fail(name, rec.cells[c.path], c.short(), s, "%s", reason)
			ok = false
			continue
		}
		if rec.sheet.scope == scopeRectify && c.path == "school_id" && isClear(v) {
			rd.fail(name, rec.cells[c.path], c.short(), s, "是这一行整改事项的学校，不能清空（县级事项留空即可）")
			ok = false
			continue
		}
		if isKey && isClear(v) {
			rd.fail(name, rec.cells[c.path], c.short(), s, "是这一行的%s，不能清空", c.short())
			ok = false
			continue
		}
		if isKey && rec.sheet.scope == scopeFinance && v != nil {
			if y := v.(int); y < 1990 || y > 2100 {
				rd.fail(name, rec.cells[c.path], c.short(), s, "应为 1990 到 2100 之间的年份，如 2023")
				ok = false
			}
		}
		rec.vals[c.path] = v
		if rec.sheet.isValueCol(c) && strings.TrimSpace(s) != NotApplicable { // 不适用 is neither
			if v == nil {
				rd.imp.empties++
			} else {
				rd.imp.values++
			}
		}
	}
	return ok
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// keyText is the key as text. A school id is folded (full-width digits,
// a leading apostrophe that LibreOffice keeps in a text cell, spaces), and
// an id typed as a number (shown by Excel in exponent form) is turned back
// into its digits.
func keyText(sh *sheet, s string) string {
	s = strings.TrimSpace(s)
	if sh.scope == scopeRectify {
		return county.CleanID(s) // Ｒ２ typed full-width is R2
	}
	if sh.scope != scopeSchool {
		return s
	}
	s = cleanID(s)
	if strings.ContainsAny(s, "eE") {
		if x, err := strconv.ParseFloat(s, 64); err == nil && x == math.Trunc(x) && x > 0 && x < 1e17 {
			return strconv.FormatFloat(x, 'f', 0, 64)
		}
	}
	return s
}

// add files a good row under its school, group or year.
func (rd *reader) add(rec *record) {
	switch rec.sheet.scope {
	case scopeSchool:
		s := rd.imp.byID[rec.key]
		if s == nil {
			s = &schoolRecord{id: rec.key}
			rd.imp.byID[rec.key] = s
			rd.imp.schools = append(rd.imp.schools, s)
		}
		if rec.sheet == &sheets[0] {
			s.basic = rec
		} else {
			s.parts = append(s.parts, rec)
		}
	case scopeSurvey:
		rd.imp.survey = append(rd.imp.survey, rec)
	case scopeFinance:
		rd.imp.finance = append(rd.imp.finance, rec)
	case scopeRectify:
		rd.imp.rectify = append(rd.imp.rectify, rec)
	}
}

// Known columns of a fact sheet besides 项目 and 填写值: read past.
var factReadOnly = []string{hdrCode, hdrHint}

// facts reads a sheet of county facts: one fact per row, found by the text
// of its 项目 cell, its value in the 填写值 column.
func (rd *reader) facts(sh *sheet, name string, rows [][]string) int {
	hr, itemCol, valueCol := -1, -1, -1
	for i := 0; i < len(rows) && i < 20 && hr < 0; i++ {
		for j, cell := range rows[i] {
			switch normalize(cell) {
			case hdrItem:
				itemCol = j
			case hdrValue:
				valueCol = j
			}
		}
		if itemCol >= 0 || valueCol >= 0 {
			hr = i
		}
	}
	switch {
	case len(rows) == 0 || hr < 0 && firstFilled(rows) == "":
		rd.imp.Notes = append(rd.imp.Notes, fmt.Sprintf("「%s」表是空的，其中的项目保持原值。", name))
		return 0
	case itemCol < 0:
		rd.fail(name, "", "", "", "缺少必填列「%s」（前 20 行中没有这个表头）。请恢复表头后再导入", hdrItem)
		return 0
	case valueCol < 0:
		rd.fail(name, "", "", "", "缺少必填列「%s」（前 20 行中没有这个表头）。请恢复表头后再导入", hdrValue)
		return 0
	}
	byItem := map[string]*column{}
	var items []string
	for k := range sh.cols {
		c := &sh.cols[k]
		byItem[normalize(c.header)] = c
		byItem[normalize(c.short())] = c
		if c.legacy != "" {
			byItem[normalize(c.legacy)] = c
		}
		items = append(items, c.header)
	}
	itemOf := func(item string) *column {
		if c := byItem[normalize(item)]; c != nil {
			return c
		}
		return byItem[normalize(withoutUnit(item))] // an earlier template's unit
	}
	rd.checkOdd(name, hr+1, remarkCols(rows[hr]), func(col, row int) bool {
		if col-1 != valueCol || row-1 >= len(rows) || itemCol >= len(rows[row-1]) {
			return false
		}
		c := itemOf(strings.TrimSpace(rows[row-1][itemCol]))
		return c != nil && c.kind == kDate
	})
	// Other columns holding data must be ours (编号, 填写说明) or remarks.
	for j, cell := range rows[hr] {
		if j == itemCol || j == valueCol || isRemark(cell) || containsNorm(factReadOnly, normalize(cell)) {
			continue
		}
		for i := hr + 1; i < len(rows); i++ {
			if j < len(rows[i]) && strings.TrimSpace(rows[i][j]) != "" {
				rd.fail(name, cellName(j+1, hr+1), "", strings.TrimSpace(cell), "不是「%s」表的列名（这一列从 %s 起有数据）。请把数值填在「%s」列；如果这是自己加的备注列，请把表头写成「备注」", sh.name, cellName(j+1, i+1), hdrValue)
				break
			}
		}
	}
	seen := map[*column]int{}
	n := 0
	for i := hr + 1; i < len(rows); i++ {
		cell := func(j int) string {
			if j < len(rows[i]) {
				return strings.TrimSpace(rows[i][j])
			}
			return ""
		}
		item, raw := cell(itemCol), cell(valueCol)
		ref := cellName(valueCol+1, i+1)
		if item == "" {
			if raw != "" {
				rd.fail(name, cellName(itemCol+1, i+1), hdrItem, "", "未填写，%s 的值「%s」无法对应到项目。请填写项目名称（从新生成的填报表中复制），或删除这个值", ref, raw)
			}
			continue
		}
		c := itemOf(item)
		if c == nil {
			if raw == "" {
				continue // a line of the clerk's own, holding no value
			}
			msg := fmt.Sprintf("不是「%s」表中的项目，%s 的值「%s」无法导入", sh.name, ref, raw)
			if g := guess(item, items); g != "" {
				msg += revertHint(item, g, "项目名称")
			} else {
				msg += "。请改回填报表中的项目名称"
			}
			rd.fail(name, cellName(itemCol+1, i+1), hdrItem, item, "%s", msg)
			continue
		}
		if prev, dup := seen[c]; dup {
			rd.fail(name, cellName(itemCol+1, i+1), hdrItem, item, "与第 %d 行重复。每个项目只能有一行，请删除其中一行", prev)
			continue
		}
		seen[c] = i + 1
		raw = rd.dateText(name, ref, raw)
		v, reason := c.parse(raw)
		if reason != "" {
			rd.fail(name, ref, c.short(), raw, "%s", reason)
			continue
		}
		rd.imp.facts = append(rd.imp.facts, &record{sheet: sh, row: i + 1, key: c.path, keyAt: ref, cols: []*column{c},
			vals: map[string]any{c.path: v}, cells: map[string]string{c.path: ref}, raw: map[string]string{c.path: raw}})
		if raw != "" {
			n++
			rd.imp.values++
		} else {
			rd.imp.empties++
		}
	}
	return n
}

// dateText turns the day number of a cell Excel keeps as a date (allowed
// in a date field only, see checkOdd) into the date it shows, 2025-03-08,
// for the catalogue's date parser; any other cell's text is returned as is.
func (rd *reader) dateText(sheetName, ref, raw string) string {
	if !rd.dateCells[sheetName+"\x00"+ref] {
		return raw
	}
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		// t="d": an ISO 8601 date and time as text
		d, _, _ := strings.Cut(raw, "T")
		return d
	}
	date1904 := false
	if p, err := rd.x.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		date1904 = *p.Date1904
	}
	t, err := excelize.ExcelDateToTime(math.Floor(serial), date1904)
	if err != nil || serial < 1 {
		return raw // not a day number: the parser names the value
	}
	return t.Format("2006-01-02")
}
