package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"
)

// A cell is imported only when it is what it looks like. excelize gives the
// stored value of a cell, which hides three things a clerk cannot see:
// a date (stored as a day number: 2021-9-1 is 44440), a formula saved
// without its result (the value is empty), and an error result (#REF!).
// cellMeta finds them by reading the sheet XML once, cheaply: a sheet with
// no formula, no date style and no error skips the scan altogether.

// oddCell is a cell that must stop the import.
type oddCell struct {
	ref    string
	reason string
	// date marks a cell Excel keeps as a date: valid in a date field
	// (the reader converts its day number), refused anywhere else.
	date bool
}

// bookMeta knows, per sheet name, the cells that are not plain values.
type bookMeta struct {
	odd    map[string][]oddCell // sheet name → cells
	merges map[string][]string  // sheet name → merged ranges (A1:B2)
}

// readMeta scans the workbook package. It never fails the import itself:
// a part it cannot parse is left to excelize, which reads values anyway.
func readMeta(data []byte) *bookMeta {
	m := &bookMeta{odd: map[string][]oddCell{}, merges: map[string][]string{}}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return m
	}
	parts := map[string]*zip.File{}
	for _, f := range z.File {
		parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	dates := dateStyles(readPart(parts["xl/styles.xml"]))
	for name, target := range sheetParts(parts) {
		b := readPart(parts[target])
		if b == nil {
			continue
		}
		m.merges[name] = mergedRanges(b)
		if mayHoldOddCells(b, dates) {
			m.odd[name] = scanCells(b, dates)
		}
	}
	return m
}

func readPart(f *zip.File) []byte {
	if f == nil || f.UncompressedSize64 > maxFileSize {
		return nil
	}
	r, err := f.Open()
	if err != nil {
		return nil
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, maxFileSize))
	if err != nil {
		return nil
	}
	return b
}

// sheetParts maps sheet names to their XML part through workbook.xml and
// its relationships.
func sheetParts(parts map[string]*zip.File) map[string]string {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(readPart(parts["xl/workbook.xml"]), &wb) != nil ||
		xml.Unmarshal(readPart(parts["xl/_rels/workbook.xml.rels"]), &rels) != nil {
		return nil
	}
	target := map[string]string{}
	for _, r := range rels.Rel {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = t
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		if t, ok := target[s.ID]; ok {
			out[s.Name] = t
		}
	}
	return out
}

// dateStyles returns the cell style indexes (cellXfs) whose number format
// shows a date or a time.
func dateStyles(styles []byte) map[int]bool {
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmt int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if styles == nil || xml.Unmarshal(styles, &st) != nil {
		return nil
	}
	custom := map[int]string{}
	for _, f := range st.NumFmts {
		custom[f.ID] = f.Code
	}
	out := map[int]bool{}
	for i, xf := range st.Xfs {
		if code, ok := custom[xf.NumFmt]; ok {
			if isDateFormat(code) {
				out[i] = true
			}
		} else if builtinDate(xf.NumFmt) {
			out[i] = true
		}
	}
	return out
}

// builtinDate: the built-in number formats that are dates or times,
// including the East Asian ones (27–36, 50–58).
func builtinDate(id int) bool {
	return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58
}

// isDateFormat reports whether a custom format code shows a date or time:
// y, m, d, h, s (or 年月日时分秒) outside quoted text, brackets and escapes.
func isDateFormat(code string) bool {
	inQuote, inBracket, escape := false, false, false
	for _, r := range code {
		switch {
		case escape:
			escape = false
		case r == '\\':
			escape = true
		case r == '"':
			inQuote = !inQuote
		case inQuote:
		case r == '[':
			inBracket = true
		case r == ']':
			inBracket = false
		case inBracket:
		case strings.ContainsRune("yYmMdDhHsSeE年月日时分秒", r):
			if r == 'e' || r == 'E' {
				continue // 0.00E+00 is scientific, not a date
			}
			return true
		}
	}
	return false
}

// mayHoldOddCells is the fast path: most sheets hold no formula, no date
// style and no error value, which a byte search shows without parsing.
func mayHoldOddCells(b []byte, dates map[int]bool) bool {
	if bytes.Contains(b, []byte("<f")) || bytes.Contains(b, []byte(":f")) ||
		bytes.Contains(b, []byte(`t="d"`)) || bytes.Contains(b, []byte(`t="e"`)) {
		return true
	}
	for i := range dates {
		if bytes.Contains(b, []byte(` s="`+strconv.Itoa(i)+`"`)) {
			return true
		}
	}
	return false
}

// scanCells walks the <c> elements of a sheet's XML by hand (a full XML
// decode of a 1,000-school sheet costs more than the whole import).
func scanCells(b []byte, dates map[int]bool) []oddCell {
	var out []oddCell
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return out
		}
		i += j + 1
		name, rest := tagName(b[i:])
		if localName(name) != "c" {
			continue
		}
		end := bytes.IndexByte(rest, '>')
		if end < 0 {
			return out
		}
		attrs := rest[:end]
		selfClosed := end > 0 && attrs[end-1] == '/'
		i = len(b) - len(rest) + end + 1
		var body []byte
		if !selfClosed {
			close := bytes.Index(b[i:], []byte("</"+name+">"))
			if close < 0 {
				return out
			}
			body = b[i : i+close]
			i += close
		}
		ref, typ, style := attr(attrs, "r"), attr(attrs, "t"), attr(attrs, "s")
		hasFormula, hasValue := childIn(body, "f"), valueIn(body)
		s, _ := strconv.Atoi(style)
		switch {
		case ref == "":
		case hasFormula && !hasValue:
			out = append(out, oddCell{ref, "是公式，但文件中没有保存公式的计算结果（程序读不到它显示的值）。请在 Excel 或 WPS 中打开后保存一次，或把公式改成直接填写的数值", false})
		case typ == "e":
			out = append(out, oddCell{ref, "的公式结果是错误值（如 #REF!、#DIV/0!）。请改正公式，或直接填写数值", false})
		case typ == "d" || hasValue && (typ == "" || typ == "n") && dates[s]:
			out = append(out, oddCell{ref, "是日期格式（Excel 把日期存为天数，如 2021-9-1 存为 44440），不能作为数值导入。请把单元格格式改为「常规」或「数值」后重新填写数字", true})
		}
	}
}

// tagName reads an element name at the start of b and returns the rest.
func tagName(b []byte) (string, []byte) {
	k := 0
	for k < len(b) && b[k] != ' ' && b[k] != '>' && b[k] != '/' && b[k] != '\t' && b[k] != '\n' && b[k] != '\r' {
		k++
	}
	return string(b[:k]), b[k:]
}

func localName(n string) string {
	if i := strings.IndexByte(n, ':'); i >= 0 {
		return n[i+1:]
	}
	return n
}

// attr returns the value of a (prefix-less) attribute in a tag's text.
func attr(tag []byte, name string) string {
	key := []byte(" " + name + `="`)
	k := bytes.Index(tag, key)
	if k < 0 {
		return ""
	}
	start := k + len(key)
	end := bytes.IndexByte(tag[start:], '"')
	if end < 0 {
		return ""
	}
	return string(tag[start : start+end])
}

// childIn reports whether body holds a child element of that local name.
func childIn(body []byte, local string) bool {
	for i := 0; ; {
		j := bytes.IndexByte(body[i:], '<')
		if j < 0 {
			return false
		}
		i += j + 1
		n, _ := tagName(body[i:])
		if localName(n) == local {
			return true
		}
	}
}

// valueIn reports whether a cell body holds a non-empty <v> or an inline
// string <is>.
func valueIn(body []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(body[i:], '<')
		if j < 0 {
			return false
		}
		i += j + 1
		n, rest := tagName(body[i:])
		switch localName(n) {
		case "is":
			return true
		case "v":
			end := bytes.IndexByte(rest, '>')
			if end < 0 || (end > 0 && rest[end-1] == '/') {
				continue
			}
			content := rest[end+1:]
			if k := bytes.IndexByte(content, '<'); k > 0 {
				return true
			}
		}
	}
}

// mergedRanges lists the <mergeCell ref="…"/> of a sheet (excelize's
// GetMergeCells parses the whole sheet again, which costs more than the
// import itself).
func mergedRanges(b []byte) []string {
	var out []string
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte("mergeCell "))
		if j < 0 {
			return out
		}
		i += j + len("mergeCell ")
		end := bytes.IndexByte(b[i:], '>')
		if end < 0 {
			return out
		}
		if ref := attr(append([]byte(" "), b[i:i+end]...), "ref"); ref != "" {
			out = append(out, ref)
		}
		i += end
	}
}
