package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
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
	// Notes say what the workbook leaves alone: sheets or columns not
	// found (those fields keep their saved values), rows ignored.
	Notes []string

	schools []*schoolRecord // in order of first appearance
	byID    map[string]*schoolRecord
	facts   []*record // one per county fact row (scopeFacts)
	survey  []*record
	finance []*record
	county  bool // a county sheet was found
}

// record is one data row of a sheet: the value of every column present.
type record struct {
	sheet *sheet
	row   int
	key   string
	keyAt string            // A1 reference of the key cell
	cols  []*column         // columns present in the sheet, in table order
	vals  map[string]any    // path → value (nil = empty cell)
	cells map[string]string // path → A1 reference
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
	imp  *Import
	errs Errors
}

func (r *reader) fail(sheetName, cell, field, value, format string, args ...any) {
	r.errs = append(r.errs, CellError{Sheet: sheetName, Cell: cell, Field: field, Value: value, Message: fmt.Sprintf(format, args...)})
}

// ReadWorkbook reads an .xlsx workbook (Excel or WPS) filled in from the
// template. Sheets are found by name and columns by header text, so column
// order may change and extra columns are ignored. Every cell is checked; a
// workbook with any problem returns Errors (every problem, by sheet and
// cell) and no Import.
func ReadWorkbook(r io.Reader, name string) (*Import, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("无法读取「%s」：%v", name, err)
	}
	if e := fileProblem(data, name); e != nil {
		return nil, Errors{*e}
	}
	x, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue: true, UnzipSizeLimit: 4 * maxFileSize, UnzipXMLSizeLimit: maxFileSize})
	if err != nil {
		return nil, Errors{{Message: fmt.Sprintf("「%s」无法作为 Excel 工作簿打开（%v）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。", name, err)}}
	}
	defer x.Close()
	rd := &reader{x: x, imp: &Import{Name: name, byID: map[string]*schoolRecord{}}}
	if err := rd.read(); err != nil {
		return nil, err
	}
	if len(rd.errs) > 0 {
		return nil, rd.errs
	}
	return rd.imp, nil
}

// fileProblem recognises what is not an .xlsx file before unzipping it.
func fileProblem(data []byte, name string) *CellError {
	switch {
	case len(data) > maxFileSize:
		return &CellError{Message: fmt.Sprintf("「%s」超过 %d MB，不像是填报表，未导入。", name, maxFileSize>>20)}
	case len(data) == 0:
		return &CellError{Message: fmt.Sprintf("「%s」是空文件。", name)}
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0")):
		return &CellError{Message: fmt.Sprintf("「%s」是旧版 .xls 格式或设置了打开密码。请在 Excel 或 WPS 中另存为不加密的 .xlsx 后再导入。", name)}
	case !bytes.HasPrefix(data, []byte("PK")):
		return &CellError{Message: fmt.Sprintf("「%s」不是 Excel 工作簿（.xlsx），未导入。", name)}
	}
	return nil
}

// read goes through every sheet of the table that the workbook has.
func (rd *reader) read() (err error) {
	defer func() {
		// excelize on hostile input must not take the program down.
		if p := recover(); p != nil {
			err = Errors{{Message: fmt.Sprintf("「%s」的内容无法读取（文件已损坏？）：%v", rd.imp.Name, p)}}
		}
	}()
	present := map[string]string{} // normalised name → actual sheet name
	for _, n := range rd.x.GetSheetList() {
		present[normalize(n)] = n
	}
	rd.readInfo(present[normalize(InfoSheet)])
	rows := 0
	for i := range sheets {
		sh := &sheets[i]
		actual, ok := present[normalize(sh.name)]
		if !ok {
			rd.imp.Notes = append(rd.imp.Notes, fmt.Sprintf("工作簿中没有「%s」表，其中的项目保持原值。", sh.name))
			continue
		}
		n, err := rd.sheet(sh, actual)
		if err != nil {
			return err
		}
		rows += n
		if sh.county {
			rd.imp.county = true
		}
	}
	if rows == 0 && len(rd.errs) == 0 {
		rd.fail("", "", "", "", "工作簿中没有可导入的数据：没有找到「学校基本信息」等工作表，或表中除示例行外没有填写任何一行。")
	}
	return nil
}

// readInfo takes the 学年 from the 说明 sheet.
func (rd *reader) readInfo(name string) {
	if name == "" {
		return
	}
	rows, err := rd.x.GetRows(name)
	if err != nil {
		return
	}
	for _, r := range rows {
		if len(r) >= 2 && strings.TrimSpace(r[0]) == "学年" {
			rd.imp.Year = strings.TrimSpace(r[1])
			return
		}
	}
}

var normalizer = strings.NewReplacer(" ", "", "\u3000", "", "\n", "", "\r", "", "\t", "", "\u00a0", "",
	"(", "（", ")", "）", ":", "：", ",", "，")

func normalize(s string) string { return normalizer.Replace(strings.TrimSpace(s)) }

// matches reports whether a header cell names column c: its full header or
// its name without the unit.
func matches(cell string, c *column) bool {
	n := normalize(cell)
	return n != "" && (n == normalize(c.header) || n == normalize(c.short()))
}

// sheet reads one sheet and returns how many data rows it holds.
func (rd *reader) sheet(sh *sheet, name string) (int, error) {
	rows, err := rd.x.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		rd.fail(name, "", "", "", "无法读取：%v", err)
		return 0, nil
	}
	if sh.scope == scopeFacts {
		return rd.facts(sh, name, rows), nil
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
		if len(rows) == 0 {
			rd.imp.Notes = append(rd.imp.Notes, fmt.Sprintf("「%s」表是空的，其中的项目保持原值。", name))
			return 0, nil
		}
		rd.fail(name, "", "", "", "缺少必填列「%s」（前 20 行中没有这个表头），无法导入这张表", key.header)
		return 0, nil
	}
	at := map[int]*column{}   // sheet column index → table column
	seen := map[*column]int{} // table column → sheet column index
	for j, cell := range rows[hr] {
		for k := range sh.cols {
			c := &sh.cols[k]
			if !matches(cell, c) {
				continue
			}
			if prev, dup := seen[c]; dup {
				rd.fail(name, cellName(j+1, hr+1), "", strings.TrimSpace(cell), "与 %s 列的表头重复，无法确定用哪一列", colName(prev+1))
				break
			}
			seen[c], at[j] = j, c
			break
		}
	}
	var present []*column
	missing := false
	for k := range sh.cols {
		c := &sh.cols[k]
		if _, ok := seen[c]; ok {
			present = append(present, c)
			continue
		}
		if c.required {
			rd.fail(name, "", "", "", "第 %d 行表头中缺少必填列「%s」", hr+1, c.header)
			missing = true
		} else if c.path != "name" {
			rd.imp.Notes = append(rd.imp.Notes, fmt.Sprintf("「%s」表没有「%s」列，这一项保持原值。", name, c.header))
		}
	}
	if missing {
		return 0, nil
	}
	n := 0
	keys := map[string]int{} // key → row
	for i := hr + 1; i < len(rows); i++ {
		if !anyFilled(rows[i], at) {
			continue
		}
		rec := &record{sheet: sh, row: i + 1, cols: present, vals: map[string]any{}, cells: map[string]string{}}
		raw := map[*column]string{}
		for j, c := range at {
			if j < len(rows[i]) {
				if v := strings.TrimSpace(rows[i][j]); v != "" {
					raw[c] = v
				}
			}
			rec.cells[c.path] = cellName(j+1, i+1)
		}
		if raw[key] == exampleKey {
			continue
		}
		rec.keyAt = rec.cells[key.path]
		if !rd.rowValues(name, rec, raw) {
			continue
		}
		k := rec.key
		if k == "" {
			rd.fail(name, rec.keyAt, key.short(), "", "未填写，这一行无法对应到%s", map[scope]string{scopeSchool: "学校", scopeSurvey: "调查对象", scopeFinance: "年度"}[sh.scope])
			continue
		}
		if prev, dup := keys[k]; dup {
			rd.fail(name, rec.keyAt, key.short(), k, "与第 %d 行重复", prev)
			continue
		}
		keys[k] = rec.row
		if len(raw) > 1 {
			n++ // a row holding only its key (a listed survey group…) is no data
		}
		rd.add(rec)
	}
	return n, nil
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
func (rd *reader) rowValues(name string, rec *record, raw map[*column]string) bool {
	ok := true
	for _, c := range rec.cols {
		s := raw[c]
		if c == &rec.sheet.cols[0] {
			rec.key = keyText(rec.sheet, s)
			if rec.sheet.scope == scopeSchool {
				rec.vals[c.path] = nilIfEmpty(rec.key)
				continue
			}
		}
		v, reason := c.parse(s)
		if reason != "" {
			rd.fail(name, rec.cells[c.path], c.short(), s, "%s", reason)
			ok = false
			continue
		}
		if c == &rec.sheet.cols[0] && rec.sheet.scope == scopeFinance && v != nil {
			if y := v.(int); y < 1990 || y > 2100 {
				rd.fail(name, rec.cells[c.path], c.short(), s, "应为 1990 到 2100 之间的年份")
				ok = false
			}
		}
		rec.vals[c.path] = v
	}
	return ok
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// keyText is the key as text; a school id typed as a number (and shown by
// Excel in exponent form) is turned back into its digits.
func keyText(sh *sheet, s string) string {
	s = strings.TrimSpace(s)
	if sh.scope == scopeSchool && strings.ContainsAny(s, "eE") {
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
	}
}

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
	case len(rows) == 0:
		rd.imp.Notes = append(rd.imp.Notes, fmt.Sprintf("「%s」表是空的，其中的项目保持原值。", name))
		return 0
	case itemCol < 0:
		rd.fail(name, "", "", "", "缺少必填列「%s」", hdrItem)
		return 0
	case valueCol < 0:
		rd.fail(name, "", "", "", "缺少必填列「%s」", hdrValue)
		return 0
	}
	byItem := map[string]*column{}
	for k := range sh.cols {
		c := &sh.cols[k]
		byItem[normalize(c.header)] = c
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
		if item == "" {
			if raw != "" {
				rd.fail(name, cellName(itemCol+1, i+1), hdrItem, "", "未填写，%s 的值「%s」无法对应到项目", cellName(valueCol+1, i+1), raw)
			}
			continue
		}
		c := byItem[normalize(item)]
		if c == nil {
			rd.imp.Notes = append(rd.imp.Notes, fmt.Sprintf("「%s」表第 %d 行「%s」不是可导入的项目，已忽略。", name, i+1, item))
			continue
		}
		ref := cellName(valueCol+1, i+1)
		if prev, dup := seen[c]; dup {
			rd.fail(name, cellName(itemCol+1, i+1), hdrItem, item, "与第 %d 行重复", prev)
			continue
		}
		seen[c] = i + 1
		v, reason := c.parse(raw)
		if reason != "" {
			rd.fail(name, ref, c.short(), raw, "%s", reason)
			continue
		}
		rd.imp.facts = append(rd.imp.facts, &record{sheet: sh, row: i + 1, key: c.path, keyAt: ref, cols: []*column{c},
			vals: map[string]any{c.path: v}, cells: map[string]string{c.path: ref}})
		if raw != "" {
			n++
		}
	}
	return n
}
