package archive

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"junheng/app/dossier"
	"junheng/assets/fonts"
)

// The archive's PDFs (photo pages, labels) share the dossier's faces:
// Noto Serif SC for text, the bold Noto Sans SC for headings, both from
// junheng/assets/fonts (embedded once for the whole program), and the
// dossier's line breaker, since gofpdf's MultiCell drops a character at
// every automatic break in Chinese text.

const (
	serifFamily = "NotoSerifSC"
	sansFamily  = "NotoSansSC"
	a4W, a4H    = 210.0, 297.0
	ptToMM      = 25.4 / 72
)

// sheet is one gofpdf document with the archive's fonts and text helpers.
type sheet struct {
	pdf *gofpdf.Fpdf
}

// newSheet starts an A4 document titled title. Automatic page breaks are
// off: every page is laid out by hand, so nothing lands outside it.
func newSheet(title string) *sheet {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(serifFamily, "", fonts.Serif)
	pdf.AddUTF8FontFromBytes(sansFamily, "B", fonts.Bold)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(0)
	pdf.SetCatalogSort(true)
	pdf.SetCreator("均衡评估助手", true)
	pdf.SetTitle(oneLine(title), true)
	now := time.Now()
	pdf.SetCreationDate(now)
	pdf.SetModificationDate(now)
	return &sheet{pdf: pdf}
}

// font selects the bold sans (headings) or the serif (text) at size pt.
func (s *sheet) font(bold bool, size float64) {
	if bold {
		s.pdf.SetFont(sansFamily, "B", size)
		return
	}
	s.pdf.SetFont(serifFamily, "", size)
}

func (s *sheet) measure(t string) float64 { return s.pdf.GetStringWidth(t) }

// lineH is the line height of a font size in mm.
func lineH(size float64) float64 { return size * ptToMM * 1.5 }

// wrap breaks text into lines of at most w mm in the current font.
func (s *sheet) wrap(text string, w float64) []string {
	return dossier.Wrap(text, w, s.measure)
}

// fit is text on one line of at most w mm, cut visibly with "…".
func (s *sheet) fit(text string, w float64) string {
	text = oneLine(text)
	if s.measure(text) <= w {
		return text
	}
	// Widths add up glyph by glyph (gofpdf does not kern), so each
	// character is measured once.
	var b strings.Builder
	limit, used := w-s.measure("…"), 0.0
	for _, r := range text {
		cw := s.measure(string(r))
		if used+cw > limit {
			break
		}
		used += cw
		b.WriteRune(r)
	}
	return b.String() + "…"
}

// text draws one line at (x, y) (y is the top of the line) in a box of
// width w, aligned "L", "C" or "R".
func (s *sheet) text(x, y, w, h float64, t, align string) {
	s.pdf.SetXY(x, y)
	s.pdf.CellFormat(w, h, t, "", 0, align, false, 0, "")
}

// lines draws wrapped lines from y down and returns the y below them.
func (s *sheet) lines(x, y, w, h float64, ls []string, align string) float64 {
	for _, l := range ls {
		s.text(x, y, w, h, l, align)
		y += h
	}
	return y
}

// oneLine is s with every run of white space (newlines included) made one
// space, and nothing unprintable: control and format characters are
// dropped by the line breaker.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.Join(dossier.Wrap(s, 1e9, func(string) float64 { return 0 }), " ")), " ")
}

// output writes the finished document to w, with what went wrong said in
// Chinese (gofpdf's own words are English and are not shown).
func (s *sheet) output(w io.Writer, what string) (err error) {
	defer func() {
		// gofpdf patches imported objects' references in place while
		// writing; a defect there must not take the program down.
		if r := recover(); r != nil {
			err = fmt.Errorf("生成%s时出错，未写出。", what)
		}
	}()
	if err := s.pdf.Error(); err != nil {
		return fmt.Errorf("生成%s时出错，未写出。", what)
	}
	if err := s.pdf.Output(w); err != nil {
		return &writeError{what: what, err: err}
	}
	return nil
}

// writeError is a failed write of a finished document: said in Chinese,
// the cause (an OS error, in English) kept for errors.Is only, so that the
// caller can still tell a full disk.
type writeError struct {
	what string
	err  error
}

func (e *writeError) Error() string { return "写出" + e.what + "失败。" }
func (e *writeError) Unwrap() error { return e.err }
