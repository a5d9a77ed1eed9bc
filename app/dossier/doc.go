package dossier

import (
	"fmt"
	"strings"
	"time"

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
	// fontFamily is chosen so that gofpdf's font name "utf8"+family has the
	// length of a subset-tagged name, which output patches in (see subsetNames).
	fontFamily = "NotoSansSCsub"
	marginX    = 20.0 // portrait left and right
	marginXL   = 15.0 // landscape left and right
	bodyTop    = 24.0
	bodyGap    = 18.0 // from the body's bottom to the paper's edge
	textSize   = 10.5 // 五号
	smallSize  = 9.0  // 小五
	ptToMM     = 25.4 / 72
)

func newDoc(header, headerR string, created time.Time, total int, prevToc []tocEntry) *doc {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(fontFamily, "", fonts.Regular)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", fonts.Bold)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCatalogSort(true) // same input, same bytes
	pdf.SetMargins(marginX, bodyTop, marginX)
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetCreator("均衡评估助手", true)
	pdf.SetTitle(header, true)
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
	p.CellFormat(d.width()/2+20, 6, d.header, "", 0, "LM", false, 0, "")
	p.SetXY(d.right()-60, 10)
	p.CellFormat(60, 6, d.headerR, "", 0, "RM", false, 0, "")
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
	p.CellFormat(d.width(), 6, fmt.Sprintf("第 %d 页 共 %s 页", p.PageNo(), total), "", 0, "CM", false, 0, "")
}

// font sets the font; bold selects the bold face.
func (d *doc) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	d.pdf.SetFont(fontFamily, style, size)
}

// lineH is the line height of a font size.
func lineH(size float64) float64 { return size * ptToMM * 1.55 }

// measure is the width of s in the current font.
func (d *doc) measure(s string) float64 { return d.pdf.GetStringWidth(s) }

// ensure starts a new page of the same orientation when less than h is left.
func (d *doc) ensure(h float64) {
	if d.room() < h {
		d.newPage(d.landscape, true)
	}
}

// mark records a heading for the contents and the PDF outline, and makes
// the matching contents line link here.
func (d *doc) mark(title string, level int) {
	i := len(d.toc)
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
	d.pdf.SetX(d.left())
	d.pdf.CellFormat(d.width(), lineH(size), title, "", 1, align, false, 0, "")
	d.setY(d.y() + 2)
	d.font(false, textSize)
}

// paragraph prints wrapped text at the current font size, breaking pages
// between lines; indent puts two characters before each paragraph's first line.
func (d *doc) paragraph(text string, size float64, indent bool) {
	d.para(text, size, indent, false)
}

func (d *doc) para(text string, size float64, indent, bold bool) {
	d.font(bold, size)
	h := lineH(size)
	ind := 0.0
	if indent {
		ind = d.measure("中中")
	}
	// Wrap per paragraph to know which lines are first lines.
	for _, para := range splitParas(text) {
		lines := WrapIndent(para, d.width()-ind, d.width(), d.measure)
		for i, l := range lines {
			d.ensure(h)
			x := d.left()
			if i == 0 {
				x += ind
			}
			d.pdf.SetX(x)
			d.pdf.CellFormat(d.right()-x, h, l, "", 1, "LM", false, 0, "")
		}
	}
}

// splitParas cuts text into its non-empty paragraphs.
func splitParas(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(p) != "" {
			out = append(out, strings.TrimSpace(p))
		}
	}
	return out
}

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
	return Wrap(text, w, d.measure), min
}
