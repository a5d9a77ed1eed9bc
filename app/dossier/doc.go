package dossier

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"

	"junheng/assets/fonts"
)

// doc wraps one gofpdf document with the dossier's page furniture: A4
// pages in either orientation, the running header and the "第 X 页 共 Y 页"
// footer, the contents marks, and text helpers that break lines with Wrap.
//
// The dossier is rendered more than once: a pass learns the page count and
// the page of every heading, the next pass prints them (see Write).
type doc struct {
	pdf       *gofpdf.Fpdf
	header    string // running header, left
	headerR   string // running header, right
	landscape bool
	cont      string // title repeated on the pages a part continues on
	// keep is the height of what must follow the next paragraph on its
	// page (a seal): its last lines move to the next page with it.
	keep float64
	// from the previous pass (zero in the first)
	total   int
	prevToc []tocEntry
	// recorded in this pass
	toc      []tocEntry
	tocLinks []int
}

type tocEntry struct {
	Title string
	Level int
	Page  int
}

// Page geometry in mm.
const (
	// fontFamily (the bold sans of headings and table heads) and serifFamily
	// (the body face) are chosen so that gofpdf's font name "utf8"+family
	// has the length of a subset-tagged name, which output patches in (see
	// subsetNames).
	fontFamily  = "NotoSansSCsub"
	serifFamily = "NotoSerifSCsub"
	marginX     = 20.0 // portrait left and right
	marginXL    = 15.0 // landscape left and right
	bodyTop     = 24.0
	bodyGap     = 18.0 // from the body's bottom to the paper's edge
	textSize    = 10.5 // 五号
	smallSize   = 9.0  // 小五
	ptToMM      = 25.4 / 72
)

// meta is the document information dictionary: title, author, subject and
// keywords, each with single spaces.
type meta struct {
	Title, Author, Subject, Keywords string
}

func newDoc(header, headerR string, created time.Time, total int, prevToc []tocEntry, m meta) *doc {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(serifFamily, "", fonts.Serif)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", fonts.Bold)
	pdf.SetAutoPageBreak(false, 0)
	// Text starts exactly where it is placed: gofpdf's default 1 mm cell
	// margin pushed every full line past the right margin.
	pdf.SetCellMargin(0)
	pdf.SetCatalogSort(true) // same input, same bytes
	pdf.SetMargins(marginX, bodyTop, marginX)
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetCreator("均衡评估助手", true)
	pdf.SetTitle(oneSpace(m.Title), true)
	if m.Author != "" {
		pdf.SetAuthor(oneSpace(m.Author), true)
	}
	pdf.SetSubject(oneSpace(m.Subject), true)
	pdf.SetKeywords(oneSpace(m.Keywords), true)
	d := &doc{pdf: pdf, header: header, headerR: headerR, total: total, prevToc: prevToc}
	return d
}

// pageW and pageH are the paper's size in the current orientation.
func (d *doc) pageW() float64 {
	if d.landscape {
		return 297
	}
	return 210
}

func (d *doc) pageH() float64 {
	if d.landscape {
		return 210
	}
	return 297
}

func (d *doc) left() float64 {
	if d.landscape {
		return marginXL
	}
	return marginX
}

func (d *doc) right() float64  { return d.pageW() - d.left() }
func (d *doc) width() float64  { return d.right() - d.left() }
func (d *doc) bottom() float64 { return d.pageH() - bodyGap }
func (d *doc) y() float64      { return d.pdf.GetY() }
func (d *doc) setY(y float64)  { d.pdf.SetY(y) }
func (d *doc) room() float64   { return d.bottom() - d.y() }

// newPage starts a page; chrome draws the header and footer (not on the cover).
func (d *doc) newPage(landscape, chrome bool) {
	d.landscape = landscape
	orient := "P"
	if landscape {
		orient = "L"
	}
	d.pdf.AddPageFormat(orient, gofpdf.SizeType{Wd: 210, Ht: 297})
	d.pdf.SetLeftMargin(d.left())
	d.pdf.SetRightMargin(d.left())
	if chrome {
		d.drawChrome()
	}
	d.pdf.SetXY(d.left(), bodyTop)
	d.font(false, textSize)
}

func (d *doc) drawChrome() {
	p := d.pdf
	d.font(false, smallSize)
	p.SetTextColor(0, 0, 0)
	p.SetXY(d.left(), 10)
	d.cellf(d.width()/2+20, 6, d.header, "", 0, "LM", false, 0)
	p.SetXY(d.right()-60, 10)
	d.cellf(60, 6, d.headerR, "", 0, "RM", false, 0)
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.4)
	p.Line(d.left(), 17, d.right(), 17)
	p.SetLineWidth(0.15)
	p.Line(d.left(), 17.8, d.right(), 17.8)
	total := "？"
	if d.total > 0 {
		total = fmt.Sprint(d.total)
	}
	p.SetXY(d.left(), d.pageH()-12)
	d.cellf(d.width(), 6, fmt.Sprintf("第 %d 页 共 %s 页", p.PageNo(), total), "", 0, "CM", false, 0)
}

// oneSpace trims s and folds every run of spaces into one.
func oneSpace(s string) string { return strings.Join(strings.Fields(clean(s, false)), " ") }

// font sets the font: bold selects the bold sans of headings, otherwise the
// serif body face.
func (d *doc) font(bold bool, size float64) {
	if bold {
		d.pdf.SetFont(fontFamily, "B", size)
		return
	}
	d.pdf.SetFont(serifFamily, "", size)
}

// cellf is CellFormat with the text made printable (no control or bidi
// characters reach the PDF).
func (d *doc) cellf(w, h float64, s, border string, ln int, align string, fill bool, link int) {
	d.pdf.CellFormat(w, h, clean(s, false), border, ln, align, fill, link, "")
}

// lineH is the line height of a font size.
func lineH(size float64) float64 { return size * ptToMM * 1.55 }

// measure is the width of s in the current font.
func (d *doc) measure(s string) float64 { return d.pdf.GetStringWidth(s) }

// ensure starts a new page of the same orientation when less than h is
// left; the new page repeats the running title (cont) of what continues.
func (d *doc) ensure(h float64) {
	if d.room() < h {
		d.continuePage()
	}
}

// contWord is the one word a continued part's title takes.
const contWord = "（续表）"

// continuePage starts a page that continues the current part: it prints
// cont with contWord first when one is set ("表Ⅱ 义务教育学校资源配置情况（续表）",
// "3. 义马市第一小学（续表）").
func (d *doc) continuePage() {
	d.newPage(d.landscape, true)
	if d.cont != "" {
		d.font(true, 10.5)
		d.pdf.SetX(d.left())
		d.cellf(d.width(), lineH(10.5), d.fit(clean(d.cont, false)+contWord, d.width()), "", 1, "LM", false, 0)
		d.setY(d.y() + 1)
		d.font(false, textSize)
	}
}

// mark records a heading for the contents and the PDF outline, and makes
// the matching contents line link here.
func (d *doc) mark(title string, level int) {
	i := len(d.toc)
	title = shortTitle(title)
	d.toc = append(d.toc, tocEntry{Title: title, Level: level, Page: d.pdf.PageNo()})
	if i < len(d.tocLinks) {
		d.pdf.SetLink(d.tocLinks[i], d.y(), d.pdf.PageNo())
	}
	d.pdf.Bookmark(title, level, d.y())
}

// heading prints a section (level 0) or sub-section (level 1) title, keeping
// at least keep mm of the body with it on the page.
func (d *doc) heading(title string, level int, keep float64) {
	size := 15.0
	if level > 0 {
		size = 12.0
	}
	d.ensure(lineH(size) + 4 + keep)
	if d.y() > bodyTop+0.1 {
		d.setY(d.y() + 3)
	}
	d.mark(title, level)
	d.font(true, size)
	align := "CM"
	if level > 0 {
		align = "LM"
	}
	lines := Wrap(clean(title, false), d.width(), d.measure)
	if len(lines) > 3 { // a title is at most three lines; the full name is in its table
		lines = append(lines[:2], d.fit(strings.Join(lines[2:], ""), d.width()))
	}
	for _, l := range lines {
		d.pdf.SetX(d.left())
		d.cellf(d.width(), lineH(size), l, "", 1, align, false, 0)
	}
	d.setY(d.y() + 2)
	d.font(false, textSize)
}

// fit shortens s to one line of width w in the current font, ending in
// "…" when cut; linear in len(s).
func (d *doc) fit(s string, w float64) string {
	if d.measure(s) <= w {
		return s
	}
	head, _ := fitPrefix(s, w-d.measure("…"), d.measure)
	return head + "…"
}

// shortName is a school's name where it is part of a sentence or a title:
// at most 100 characters (the longest name the catalogue allows); a longer
// one is cut visibly. The 学校名单 and the tables print names whole up to
// their cell limit.
func shortName(s string) string {
	s = clean(s, false)
	if len(s) <= 100 || utf8.RuneCountInString(s) <= 100 {
		return s
	}
	return string([]rune(s)[:99]) + "…"
}

// shortTitle is a title as the outline and the contents hold it: at most
// 60 characters.
func shortTitle(s string) string {
	s = clean(s, false)
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	return string([]rune(s)[:59]) + "…"
}

// paragraph prints wrapped text at the current font size, breaking pages
// between lines; indent puts two characters before each paragraph's first line.
// textHeight is the height paragraph(text, size, false) takes.
func (d *doc) textHeight(text string, size float64) float64 {
	d.font(false, size)
	n := 0
	for _, para := range splitParas(prose(text)) {
		n += len(Wrap(para, d.width(), d.measure))
	}
	d.font(false, textSize)
	return float64(n) * lineH(size)
}

func (d *doc) paragraph(text string, size float64, indent bool) {
	d.para(text, size, indent, false)
}

func (d *doc) para(text string, size float64, indent, bold bool) {
	d.font(bold, size)
	h := lineH(size)
	ind := 0.0
	if indent {
		ind = 2 * size * ptToMM // two characters: 2 em
	}
	// Wrap per paragraph to know which lines are first and last lines: every
	// line but a paragraph's last is justified to both margins.
	keep := d.keep
	d.keep = 0
	paras := splitParas(prose(text))
	for pi, para := range paras {
		lines := WrapIndent(para, d.width()-ind, d.width(), d.measure)
		for i, l := range lines {
			// The last two lines of the text go with what must follow it.
			if keep > 0 && pi == len(paras)-1 && i == max(0, len(lines)-2) && d.room() < float64(len(lines)-i)*h+keep && d.y() > bodyTop+0.1 {
				d.continuePage()
				d.font(bold, size)
			}
			if d.room() < h {
				d.continuePage()
				d.font(bold, size) // a new page resets the font; the lines were measured in this one
			}
			x := d.left()
			if i == 0 {
				x += ind
			}
			d.pdf.SetX(x)
			if i < len(lines)-1 {
				d.justified(l, d.right()-x, h)
				continue
			}
			d.cellf(d.right()-x, h, l, "", 1, "LM", false, 0)
		}
	}
}

// justified draws one line stretched to width w by character spacing (Tc
// applies to every glyph of the CID font), so that both edges align.
func (d *doc) justified(l string, w, h float64) {
	n := utf8.RuneCountInString(l)
	slack := w - d.measure(l)
	if n < 2 || slack <= 0 || slack > w/4 {
		d.cellf(w, h, l, "", 1, "LM", false, 0)
		return
	}
	d.pdf.RawWriteStr(fmt.Sprintf("%.4f Tc\n", slack/float64(n-1)/ptToMM))
	d.cellf(w, h, l, "", 1, "LM", false, 0)
	d.pdf.RawWriteStr("0 Tc\n")
}

// splitParas cuts text into its non-empty paragraphs.
//
// A space after a Chinese full stop ("城市。 义马市是…") is a paragraph
// break lost when the text was pasted from a document (the seeds read so):
// it starts a new paragraph.
func splitParas(text string) []string {
	var out []string
	text = lostBreaks.ReplaceAllString(strings.ReplaceAll(text, "\r\n", "\n"), "$1\n")
	for _, p := range strings.Split(text, "\n") {
		if strings.TrimSpace(p) != "" {
			out = append(out, strings.TrimSpace(p))
		}
	}
	return out
}

var lostBreaks = regexp.MustCompile(`([。！？])[ \t\x{3000}]+`)

// gap moves down by h when the page has room for it.
func (d *doc) gap(h float64) {
	if d.room() > h {
		d.setY(d.y() + h)
	}
}

// fitLines shrinks the font from size towards min until text fits on one
// line of width w; if it still does not fit, it wraps at min. It leaves the
// font set to the returned size.
func (d *doc) fitLines(text string, w, size, min float64, bold bool) ([]string, float64) {
	for s := size; s >= min; s -= 0.5 {
		d.font(bold, s)
		if d.measure(text) <= w {
			return []string{text}, s
		}
	}
	d.font(bold, min)
	return Wrap(clean(text, false), w, d.measure), min
}
