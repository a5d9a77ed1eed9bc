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
	d, err := settle(f, r, opts)
	if err != nil {
		return err
	}
	return output(d, w)
}

// settle renders until the page numbers stop moving. Pass 1 learns the page
// count and the page of every heading; the next pass prints them. The
// contents can change length once its entries are known, so repeat until
// nothing moves (two or three passes).
func settle(f *county.File, r *eval.Result, opts Options) (*doc, error) {
	total, toc := 0, []tocEntry(nil)
	for pass := 0; pass < 4; pass++ {
		d, err := render(f, r, opts, total, toc)
		if err != nil {
			return nil, err
		}
		if d.pdf.PageCount() == total && slices.Equal(d.toc, toc) {
			return d, nil
		}
		total, toc = d.pdf.PageCount(), d.toc
	}
	return nil, errors.New("dossier: page numbers did not settle")
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
		{"/utf8" + strings.ToLower(serifFamily), "/JUNHES+NotoSerifSC"},
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
	fa := applicationFacts(f, &opts)
	name := clean(f.County.Name, false)
	m := meta{
		Title:    name + Title,
		Author:   firstNonEmpty(fa.Office, fa.Applicant),
		Subject:  name + " " + f.Year + "学年县域义务教育优质均衡发展督导评估申报材料",
		Keywords: "义务教育 优质均衡 督导评估 申报材料 " + name,
	}
	d := newDoc(name+Title, f.Year+"学年", fa.Date, total, toc, m)
	if err := d.pdf.Error(); err != nil {
		return nil, fmt.Errorf("dossier: font: %w", err)
	}
	c := &ctx{d: d, f: f, r: r, opts: &opts, fa: fa}
	steps := []struct {
		sec Section
		fn  func()
	}{
		{Cover, c.cover}, {Contents, c.contents}, {Request, c.request}, {Report, c.report},
		{Profile, c.profile}, {Resource, c.resource}, {Charts, c.charts}, {CV, c.cvPart},
		{Gov, c.gov}, {Finance, c.finance}, {Survey, c.survey}, {Quality, c.quality}, {Veto, c.veto},
		{Todo, c.todo}, {List, c.schoolList}, {Evidence, c.evidence}, {SchoolSet, c.schools},
	}
	for _, s := range steps {
		if opts.has(s.sec) {
			d.cont = ""
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

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

// ctx is what every section reads.
type ctx struct {
	d       *doc
	f       *county.File
	r       *eval.Result
	opts    *Options
	fa      facts
	chapter int // level-0 headings printed so far
}

var chineseNumerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"}

// partTitles are the titles of the parts as bound: the tables of the
// application form carry their official numbers 表Ⅰ–表Ⅵ; 教育质量 and
// 一票否决 follow them as 表Ⅶ and 表Ⅷ, so every table is numbered in
// binding order.
var partTitles = map[Section]string{
	Request: "申请报告", Report: "自评报告",
	Profile: "表Ⅰ 县域义务教育基本情况", Resource: "表Ⅱ 义务教育学校资源配置情况", Charts: "资源配置指标图",
	CV: "表Ⅲ 校际差异系数", Gov: "表Ⅳ 政府保障程度", Quality: "表Ⅶ 教育质量",
	Finance: "表Ⅴ 义务教育经费情况", Survey: "表Ⅵ 社会认可度", Veto: "表Ⅷ 一票否决",
	Todo: "评估结论与整改清单", List: "学校名单", Evidence: "佐证材料目录", SchoolSet: "一校一表",
}

// chapterTitle is a part's title as printed in its heading and the
// contents; the pages the part continues on repeat it.
func (c *ctx) chapterTitle(sec Section) string {
	c.chapter++
	c.d.cont = partTitles[sec]
	return partTitles[sec]
}
