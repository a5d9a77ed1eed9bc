// Package dossier prints the application dossier (申报材料) of a county as
// a PDF: cover, contents, the application form, resource allocation tables
// and charts, the county items, the funding table, the to-do list and
// optionally one sheet per school. Every number is printed from the
// evaluation result through junheng/app/format, so it equals what the
// program shows. It needs no cgo, no GUI and no database.
package dossier

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"junheng/app/county"
	"junheng/app/eval"
)

// Title is the document's title as printed on the cover and in the header.
const Title = "县域义务教育优质均衡发展督导评估申报材料"

// Write prints the dossier of county file f with its evaluation r to w.
func Write(w io.Writer, f *county.File, r *eval.Result, opts Options) error {
	if f == nil || r == nil {
		return errors.New("dossier: county file and result are required")
	}
	opts.Date = opts.date() // one date for every pass
	// Pass 1 learns the page count and the page of every heading; the next
	// pass prints them. The contents can change length once its entries are
	// known, so repeat until nothing moves (two or three passes).
	var d *doc
	total, toc := 0, []tocEntry(nil)
	for pass := 0; pass < 4; pass++ {
		var err error
		d, err = render(f, r, opts, total, toc)
		if err != nil {
			return err
		}
		if d.pdf.PageCount() == total && slices.Equal(d.toc, toc) {
			return output(d, w)
		}
		total, toc = d.pdf.PageCount(), d.toc
	}
	return errors.New("dossier: page numbers did not settle")
}

func output(d *doc, w io.Writer) error {
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("dossier: %w", err)
	}
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return fmt.Errorf("dossier: %w", err)
	}
	if _, err := w.Write(subsetNames(buf.Bytes())); err != nil {
		return fmt.Errorf("dossier: %w", err)
	}
	return nil
}

// subsetNames gives the embedded fonts the subset tag the PDF standard asks
// of subset fonts (§9.6.4: six capitals and "+"): gofpdf embeds only the
// glyphs used but names the fonts "utf8"+family. The replacements have the
// same length, so the cross-reference offsets stay valid.
func subsetNames(pdf []byte) []byte {
	for _, r := range [][2]string{
		{"/utf8" + strings.ToLower(fontFamily) + "B", "/JUNHEB+NotoSansSCB"},
		{"/utf8" + strings.ToLower(fontFamily), "/JUNHEN+NotoSansSC"},
	} {
		if len(r[0]) != len(r[1]) {
			panic("dossier: subset font name must keep its length")
		}
		pdf = bytes.ReplaceAll(pdf, []byte(r[0]), []byte(r[1]))
	}
	return pdf
}

// render lays out the whole document once.
func render(f *county.File, r *eval.Result, opts Options, total int, toc []tocEntry) (*doc, error) {
	header := f.County.Name + "  " + Title
	d := newDoc(header, f.Year+"学年", opts.date(), total, toc)
	if err := d.pdf.Error(); err != nil {
		return nil, fmt.Errorf("dossier: font: %w", err)
	}
	c := &ctx{d: d, f: f, r: r, opts: &opts}
	if opts.has(Cover) {
		c.cover()
	}
	if opts.has(Contents) {
		c.contents()
	}
	steps := []struct {
		sec Section
		fn  func()
	}{
		{Profile, c.profile}, {Resource, c.resource}, {Charts, c.charts},
		{Gov, c.gov}, {Quality, c.quality}, {Survey, c.survey}, {Veto, c.veto},
		{Finance, c.finance}, {Todo, c.todo}, {SchoolSet, c.schools},
	}
	for _, s := range steps {
		if opts.has(s.sec) {
			s.fn()
		}
	}
	if d.pdf.PageCount() == 0 {
		return nil, errors.New("dossier: no section selected")
	}
	if err := d.pdf.Error(); err != nil {
		return nil, fmt.Errorf("dossier: %w", err)
	}
	return d, nil
}

// ctx is what every section reads.
type ctx struct {
	d       *doc
	f       *county.File
	r       *eval.Result
	opts    *Options
	chapter int // level-0 headings printed so far
}

var chineseNumerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"}

// chapterTitle numbers a level-0 heading: "三、政府保障程度".
func (c *ctx) chapterTitle(name string) string {
	c.chapter++
	return chineseNumerals[min(c.chapter, len(chineseNumerals))-1] + "、" + name
}
