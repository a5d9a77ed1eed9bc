package dossier

import (
	"strings"
	"unicode/utf8"

	"junheng/app/format"
)

// A table is drawn row by row: every cell's text is wrapped to its column,
// the row is as tall as its tallest cell, a row that does not fit on the
// page moves whole to the next page, and the header rows are repeated at
// the top of every page the table crosses. Only a row taller than a whole
// page is continued across pages (with the header repeated).

type col struct {
	W     float64 // relative width
	Align string  // "L", "C" or "R" for body cells
}

type cell struct {
	Text  string
	Align string // overrides the column's
	Shade bool   // grey background (failures, header)
	Bold  bool
}

type table struct {
	cols []col
	head [][]cell
	size float64 // font size of the body; the header uses the same
	// tail is the height of what must follow the table on its last page
	// (the signature block): the last rows go to a new page with it rather
	// than leave it alone there.
	tail float64
}

const (
	padX = 1.2
	padY = 0.9
)

func txt(s string) cell    { return cell{Text: s} }
func num(s string) cell    { return cell{Text: s, Align: "R"} }
func center(s string) cell { return cell{Text: s, Align: "C"} }
func headRow(titles ...string) []cell {
	out := make([]cell, len(titles))
	for i, t := range titles {
		out[i] = cell{Text: t, Align: "C", Shade: true, Bold: true}
	}
	return out
}

// widths scales the relative column widths to the page.
func (t *table) widths(d *doc) []float64 {
	sum := 0.0
	for _, c := range t.cols {
		sum += c.W
	}
	out := make([]float64, len(t.cols))
	for i, c := range t.cols {
		out[i] = c.W / sum * d.width()
	}
	return out
}

// laidRow is a row with each cell's lines.
type laidRow struct {
	cells []cell
	lines [][]string
	sizes []float64 // font size of each cell (a header word that does not fit is set smaller)
	n     int       // most lines of any cell
	// starts are, per cell, the lines that begin an entry (a paragraph of
	// the cell's text): a tall row breaks across pages only where every
	// cell is at such a line or done.
	starts []map[int]bool
}

func (t *table) layout(d *doc, ws []float64, r []cell, head bool) laidRow {
	lr := laidRow{cells: r, lines: make([][]string, len(r)), sizes: make([]float64, len(r)), starts: make([]map[int]bool, len(r))}
	for i, c := range r {
		if i >= len(ws) {
			break
		}
		lr.sizes[i] = t.size
		d.font(c.Bold, t.size)
		text := capCell(strings.TrimSpace(c.Text))
		if head {
			lr.lines[i], lr.sizes[i] = d.headLines(text, ws[i]-2*padX, t.size, c.Bold)
		} else {
			lr.starts[i] = map[int]bool{}
			for _, para := range strings.Split(text, "\n") {
				lr.starts[i][len(lr.lines[i])] = true
				lr.lines[i] = append(lr.lines[i], Wrap(para, ws[i]-2*padX, d.measure)...)
			}
		}
		lr.n = max(lr.n, len(lr.lines[i]))
	}
	return lr
}

// wordBreak in a header's text marks where a line may break between two
// words ("生均" + wordBreak + "教学"…); it is never printed. Without marks a
// long phrase wraps between any two characters, which split 设/备值.
const wordBreak = "\u200b"

// headText joins words with wordBreak.
func headText(words ...string) string { return strings.Join(words, wordBreak) }

// headLines breaks a header cell between words: at wordBreak marks, at
// spaces, before "（" and after "）、/". A short word (a term of up to six characters: "代码",
// "评估结论") is never cut — the cell's font is set smaller (down to 6 pt)
// until it fits; only a long phrase ("每百名学生拥有…") wraps between its
// characters like body text.
func (d *doc) headLines(text string, w, size float64, bold bool) ([]string, float64) {
	var words []string
	for _, part := range strings.Split(text, wordBreak) {
		words = append(words, headWords(clean(part, true))...)
	}
	s := size
	for ; s > 6; s -= 0.5 {
		d.font(bold, s)
		fits := true
		for _, wd := range words {
			if utf8.RuneCountInString(strings.TrimSpace(wd)) <= 6 && d.measure(strings.TrimSpace(wd)) > w {
				fits = false
				break
			}
		}
		if fits {
			break
		}
	}
	d.font(bold, s)
	var lines []string
	line := ""
	for _, wd := range words {
		switch {
		case wd == "\n":
			lines = append(lines, line)
			line = ""
		case line == "" || d.measure(line+wd) <= w:
			line += wd
		default:
			lines = append(lines, strings.TrimSpace(line))
			line = strings.TrimLeft(wd, " ")
		}
	}
	lines = append(lines, strings.TrimSpace(line))
	var out []string
	for _, l := range lines {
		if d.measure(l) > w { // a long phrase
			out = append(out, Wrap(l, w, d.measure)...)
		} else {
			out = append(out, l)
		}
	}
	return out, s
}

// headWords cuts a header into the pieces a line may break between.
func headWords(text string) []string {
	var out []string
	cur := []rune{}
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range text {
		switch {
		case r == '\n':
			flush()
			out = append(out, "\n")
		case r == ' ' || r == '（' || r == '(':
			flush()
			cur = append(cur, r)
		case r == '）' || r == ')' || r == '、' || r == '/':
			cur = append(cur, r)
			flush()
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return out
}

func (t *table) rowH(n int) float64 { return float64(n)*lineH(t.size) + 2*padY }

// draw prints the table at the current position.
func (t *table) draw(d *doc, rows [][]cell) {
	ws := t.widths(d)
	var head []laidRow
	headH := 0.0
	for _, h := range t.head {
		lr := t.layout(d, ws, h, true)
		head = append(head, lr)
		headH += t.rowH(lr.n)
	}
	drawHead := func() {
		for _, h := range head {
			t.drawRow(d, ws, h, 0, h.n, t.rowH(h.n))
		}
	}
	// A table continued on a new page says so above its repeated header.
	continued := func() {
		d.continuePage()
		if d.cont == "" {
			d.font(false, smallSize)
			d.pdf.SetX(d.left())
			d.cellf(d.width(), lineH(smallSize), contWord, "", 1, "LM", false, 0)
		}
		drawHead()
	}
	laid := make([]laidRow, len(rows))
	total := headH
	for i, r := range rows {
		laid[i] = t.layout(d, ws, r, false)
		total += t.rowH(laid[i].n)
	}
	// A small table (up to a third of a page) is kept whole on one page.
	if body := d.bottom() - bodyTop; total <= body/3 && d.room() < total && d.y() > bodyTop+0.1 {
		d.continuePage()
	}
	first := true
	for i, lr := range laid {
		h := t.rowH(lr.n)
		need := h
		if first {
			need += headH
		}
		// Never leave the last row alone on a page: if the next row will
		// not fit and it is the last, take this one along with it.
		if i == len(laid)-2 && len(laid) > 3 && d.room() >= need && d.room() < need+t.rowH(laid[i+1].n)+t.tail {
			need = d.room() + 1
		}
		// The last row carries what follows the table with it.
		if i == len(laid)-1 && t.tail > 0 && headH+h+t.tail < (d.bottom()-bodyTop)/2 {
			need += t.tail
		}
		tall := h > (d.bottom()-bodyTop)/3 && d.room() >= need-h+t.rowH(4)
		if d.room() < need && d.y() > bodyTop+0.1 && !tall {
			if first {
				d.continuePage()
				drawHead()
			} else {
				continued()
			}
		} else if first {
			drawHead()
		}
		first = false
		if d.room() >= h {
			t.drawRow(d, ws, lr, 0, lr.n, h)
			continue
		}
		// A tall row (a third of a page or more) is not pushed whole to the
		// next page: it continues there, broken between two entries of its
		// cells, its first cell (the item's code) repeated.
		for from := 0; from < lr.n; {
			fit := int((d.room() - 2*padY) / lineH(t.size))
			to := lr.entryBreak(from, min(lr.n, from+fit))
			if to <= from {
				continued()
				fit = max(1, int((d.room()-2*padY)/lineH(t.size)))
				if to = lr.entryBreak(from, min(lr.n, from+fit)); to <= from {
					to = min(lr.n, from+fit) // one entry taller than a page
				}
			}
			t.drawRow(d, ws, lr, from, to, t.rowH(to-from))
			from = to
			if from < lr.n {
				continued()
			}
		}
	}
	if first { // no rows: the header alone
		d.ensure(headH)
		drawHead()
	}
	d.setY(d.y() + 2)
}

// entryBreak is the last line in (from, limit] where the row may break:
// every cell there begins an entry or has no more lines; limit itself
// when the row ends there; from when there is none.
func (lr laidRow) entryBreak(from, limit int) int {
	if limit >= lr.n {
		return lr.n
	}
	for to := limit; to > from; to-- {
		ok := true
		for i, lines := range lr.lines {
			if to < len(lines) && (i >= len(lr.starts) || !lr.starts[i][to]) {
				ok = false
				break
			}
		}
		if ok {
			return to
		}
	}
	return from
}

// drawRow draws lines [from, to) of every cell of a row, h tall; on a
// continued part (from > 0) the first cell, the row's key, is repeated.
func (t *table) drawRow(d *doc, ws []float64, lr laidRow, from, to int, h float64) {
	p := d.pdf
	x, y := d.left(), d.y()
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.2)
	for i, w := range ws {
		var c cell
		if i < len(lr.cells) {
			c = lr.cells[i]
		}
		style := "D"
		if c.Shade {
			p.SetFillColor(225, 225, 225)
			style = "FD"
		}
		p.Rect(x, y, w, h, style)
		align := c.Align
		if align == "" {
			align = t.cols[i].Align
		}
		if align == "" {
			align = "L"
		}
		var lines []string
		if i < len(lr.lines) {
			lines = lr.lines[i]
		}
		lo, hi := min(from, len(lines)), min(to, len(lines))
		if i == 0 && from > 0 && from >= len(lines) {
			lo, hi = 0, min(to-from, len(lines))
		}
		part := lines[lo:hi]
		size := t.size
		if i < len(lr.sizes) && lr.sizes[i] > 0 {
			size = lr.sizes[i]
		}
		d.font(c.Bold, size)
		lh := lineH(t.size)
		ty := y + (h-float64(len(part))*lh)/2 // centred vertically
		for _, l := range part {
			p.SetXY(x+padX, ty)
			d.cellf(w-2*padX, lh, l, "", 0, align+"M", false, 0)
			ty += lh
		}
		x += w
	}
	d.font(false, t.size)
	p.SetXY(d.left(), y+h)
}

// maxCellRunes bounds what one table cell prints: a cell is a name, a
// figure or a short note; a longer text (a 100,000-character "name") is
// cut with a visible note instead of filling dozens of pages.
const maxCellRunes = 5000

func capCell(s string) string {
	if len(s) <= maxCellRunes || utf8.RuneCountInString(s) <= maxCellRunes {
		return s
	}
	n := utf8.RuneCountInString(s)
	return string([]rune(s)[:maxCellRunes]) + "…（共 " + format.Int(n) + " 字，此处仅印前 " + format.Int(maxCellRunes) + " 字）"
}
