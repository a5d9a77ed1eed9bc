package entry

import "strings"

// ParseBlock cuts text copied from Excel or WPS into rows of cells: cells
// separated by tabs, rows by CRLF (or LF, or CR), the last line break
// dropped. A cell holding a tab, a line break or a quote comes quoted
// ("a""b") the way spreadsheets put it on the clipboard.
func ParseBlock(text string) [][]string {
	var rows [][]string
	var row []string
	var cell strings.Builder
	quoted, atStart := false, true
	endCell := func() {
		row = append(row, cell.String())
		cell.Reset()
		atStart = true
	}
	endRow := func() {
		endCell()
		rows = append(rows, row)
		row = nil
	}
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if quoted {
			if r == '"' {
				if i+1 < len(rs) && rs[i+1] == '"' {
					cell.WriteRune('"')
					i++
				} else {
					quoted = false
				}
				continue
			}
			cell.WriteRune(r)
			continue
		}
		switch {
		case r == '"' && atStart:
			quoted, atStart = true, false
		case r == '\t':
			endCell()
		case r == '\r' || r == '\n':
			if r == '\r' && i+1 < len(rs) && rs[i+1] == '\n' {
				i++
			}
			endRow()
		default:
			cell.WriteRune(r)
			atStart = false
		}
	}
	if cell.Len() > 0 || len(row) > 0 || quoted {
		endRow()
	}
	return rows
}
