package dossier

import (
	"errors"
	"io"
	"time"
)

// Listing is a document that is one titled table, printed with the
// dossier's page furniture: the 档案目录 of the 迎检档案 (app/archive) and
// any other list that must look like the dossier — same fonts (the
// embedded Noto Serif SC body, bold sans head), the same line breaking
// (Wrap: gofpdf's own breaks drop characters), the header row repeated on
// every page the table crosses under 「标题（续表）」, and 第 X 页 共 Y 页.
type Listing struct {
	Title       string // first page, centred; its continuation pages repeat it
	Header      string // running header, left; "" = Title
	HeaderRight string // running header, right
	Intro       string // a paragraph under the title; "" = none
	Landscape   bool
	Size        float64 // body font size in pt; 0 = 小五 (9 pt)
	Columns     []ListColumn
	Rows        [][]string // one cell per column
	Empty       string     // printed instead of the table when there are no rows
	// Date is the PDF's creation date (the same list prints the same
	// bytes); Author, Subject and Keywords fill its information.
	Date                      time.Time
	Author, Subject, Keywords string
}

// ListColumn is one column of a Listing.
type ListColumn struct {
	Title string
	Width float64 // relative to the other columns
	Align string  // "L", "C" or "R"
}

// WriteListing prints l as a PDF to w.
func WriteListing(w io.Writer, l Listing) error {
	if len(l.Columns) == 0 {
		return errors.New("dossier: listing without columns")
	}
	total := 0
	for pass := 0; pass < 4; pass++ {
		d := renderListing(&l, total)
		if err := d.pdf.Error(); err != nil {
			return errors.Join(errors.New("dossier: listing"), err)
		}
		if d.pdf.PageCount() == total {
			return output(d, w)
		}
		total = d.pdf.PageCount()
	}
	return errors.New("dossier: listing page count did not settle")
}

func renderListing(l *Listing, total int) *doc {
	header := l.Header
	if header == "" {
		header = l.Title
	}
	d := newDoc(header, l.HeaderRight, l.Date, total, nil,
		meta{Title: l.Title, Author: l.Author, Subject: firstNonEmpty(l.Subject, l.Title), Keywords: l.Keywords})
	d.newPage(l.Landscape, true)
	d.cont = l.Title
	d.heading(l.Title, 0, 30)
	if l.Intro != "" {
		d.paragraph(l.Intro, textSize, false)
		d.gap(2)
	}
	size := l.Size
	if size <= 0 {
		size = smallSize
	}
	t := &table{size: size}
	titles := make([]string, len(l.Columns))
	for i, c := range l.Columns {
		t.cols = append(t.cols, col{W: c.Width, Align: c.Align})
		titles[i] = c.Title
	}
	t.head = [][]cell{headRow(titles...)}
	if len(l.Rows) == 0 {
		d.paragraph(firstNonEmpty(l.Empty, "（无）"), textSize, false)
		return d
	}
	rows := make([][]cell, len(l.Rows))
	for i, r := range l.Rows {
		rows[i] = make([]cell, len(r))
		for j, s := range r {
			rows[i][j] = cell{Text: s}
		}
	}
	t.draw(d, rows)
	return d
}
