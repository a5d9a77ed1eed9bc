package xlsx

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Every sheet the program writes prints as a clerk expects: landscape A4,
// all columns on one page width (as many pages down as the rows need), the
// header rows repeated on every page; the instructions on a single page.
// A school sheet too wide for that at 8 points prints in column groups
// (see columnGroups).

const paperA4 = 9

// printSetup sets the page of a sheet. titleRows is the number of rows
// repeated at the top of every page (0: none); onePage fits the whole
// sheet on one page.
func (b *book) printSetup(name string, titleRows int, onePage bool) error {
	orient, size, wide, tall := "landscape", paperA4, 1, 0
	if onePage {
		tall = 1
	}
	if err := b.x.SetPageLayout(name, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	fit := true
	if err := b.x.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	margin := 0.5
	if err := b.x.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin}); err != nil {
		return err
	}
	if titleRows == 0 {
		return nil
	}
	return b.repeatRows(name, 1, titleRows, 0)
}

// quoted is a sheet name as a reference writes it.
func quoted(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// repeatRows prints rows from–to at the top of every page and, when keys
// > 0, the first keys columns at the left of every page (the 标识码 and
// 学校名称 of a sheet printed in column groups).
func (b *book) repeatRows(name string, from, to, keys int) error {
	ref := quoted(name) + "!$" + strconv.Itoa(from) + ":$" + strconv.Itoa(to)
	if keys > 0 {
		ref = quoted(name) + "!$A:$" + colName(keys) + "," + ref
	}
	// One name per sheet: what was set before is replaced.
	_ = b.x.DeleteDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name})
	return b.x.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name, RefersTo: ref})
}

// minPrintScale is the smallest scale a table prints at, in percent: its
// 11-point text stays at least 8 points (8.8). A sheet whose columns would
// need a smaller scale to fit one page width prints in column groups.
const minPrintScale = 80

// pageWidth is the printable width of landscape A4 within the margins, in
// points.
const pageWidth = 842 - 2*36

// columnPoints is the printed width of a column of width w (Excel's units,
// characters of the default 11-point font) at 100 %.
func columnPoints(w float64) float64 { return math.Trunc(w*7+5) * 0.75 }

// columnGroups lets a sheet too wide for one page at minPrintScale print
// in groups of columns, each page repeating the first keys columns (标识码,
// 学校名称) and the header rows: manual column breaks at the groups, the
// scale fixed at minPrintScale rather than fitted to one page width. A
// sheet that fits keeps printing one page wide. It reports the number of
// groups.
func (b *book) columnGroups(name string, keys, ncols, titleRows int) (int, error) {
	widths := make([]float64, ncols)
	total := 0.0
	for i := range widths {
		w, err := b.x.GetColWidth(name, colName(i+1))
		if err != nil {
			return 0, err
		}
		widths[i] = columnPoints(w)
		total += widths[i]
	}
	budget := float64(pageWidth) * 100 / minPrintScale
	if total <= budget {
		return 1, nil
	}
	key := 0.0
	for _, w := range widths[:keys] {
		key += w
	}
	groups, used := 1, key
	for c := keys; c < ncols; c++ {
		if used+widths[c] > budget && used > key {
			if err := b.x.InsertPageBreak(name, cellName(c+1, 1)); err != nil {
				return 0, err
			}
			groups++
			used = key
		}
		used += widths[c]
	}
	scale, fit := uint(minPrintScale), false
	if err := b.x.SetPageLayout(name, &excelize.PageLayoutOptions{AdjustTo: &scale}); err != nil {
		return 0, err
	}
	if err := b.x.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return 0, err
	}
	return groups, b.repeatRows(name, 1, titleRows, keys)
}

// displayWidth is the width of text in Excel's column units: a Chinese
// character takes two, a Latin one one.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		if r > 0x2e80 || unicode.Is(unicode.Han, r) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// headerLines breaks a header before its unit (「小学在校生数\n（人）」), so
// that a wrapped header never leaves a lone 「）」 on the last line.
func headerLines(h string) string {
	if !strings.HasSuffix(h, "）") {
		return h
	}
	i := strings.LastIndex(h, "（")
	if i <= 0 {
		return h
	}
	return h[:i] + "\n" + h[i:]
}

// headerWidth is a column width that shows its header in at most three
// lines of a 48-point header row (the name in two, the unit in one).
func headerWidth(h string) float64 {
	name, unit := h, ""
	if lines := strings.SplitN(headerLines(h), "\n", 2); len(lines) == 2 {
		name, unit = lines[0], lines[1]
	}
	// A short name on one line; a longer one in two even halves (a CJK
	// line breaks anywhere, so halves need a little slack).
	nameW := displayWidth(name) + 2
	if nameW > 18 {
		nameW = (displayWidth(name)+1)/2 + 4
	}
	unitW := displayWidth(unit) + 2
	if utf8.RuneCountInString(unit) > 12 {
		unitW = (displayWidth(unit)+1)/2 + 4
	}
	return float64(min(max(nameW, unitW, 10), 40))
}

// lineHeight is the height in points of one line of 11-point text.
const lineHeight = 15

// fitText makes a row tall enough for a wrapped text in a column of the
// given width: neither Excel nor LibreOffice grows a row for text a
// program wrote, and the lines would print over each other or be cut.
func (b *book) fitText(name string, row int, width float64, text string) {
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		lines += max(1, (displayWidth(para)+int(width)-3)/max(1, int(width)-2))
	}
	if lines <= 1 {
		return
	}
	h := float64(lines*lineHeight + 3)
	if cur, err := b.x.GetRowHeight(name, row); err == nil && cur >= h {
		return
	}
	b.x.SetRowHeight(name, row, min(h, 409)) // 409 points is the most a row can be
}
