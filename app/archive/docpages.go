package archive

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
	realgofpdi "github.com/phpdave11/gofpdi"

	"junheng/app/evidence"
)

// Importing the pages of attached PDFs. github.com/phpdave11/gofpdi reads
// a PDF and turns its pages into form XObjects for gofpdf. It panics on
// anything it cannot read, and a hostile file can send it round a cycle
// (a page tree or /Prev chain that points back at itself). So every
// attachment is read in two steps:
//
//  1. readPDF does all of gofpdi's work for one file (pages, objects,
//     placement) away from the document, in a goroutine, under recover,
//     reading through a budget that ends it (with a panic, recovered) once
//     it has read far more than the file holds or run past importTimeout;
//     the caller stops waiting at importTimeout in any case;
//  2. only a file read completely is handed to gofpdf (placeDoc).
//
// A file that fails step 1 gets a placeholder page saying why.
//
// The gofpdf contrib wrapper (gofpdf/contrib/gofpdi) would feed gofpdf
// object by object as it reads, leaving a half-imported file inside the
// document after a panic; it is therefore not used.

// importTimeout is how long one PDF attachment may take to read. A scanned
// 50 MB file takes well under a second; a variable, so tests can shorten it.
var importTimeout = 20 * time.Second

// readFactor bounds the bytes gofpdi may read from a file: this many times
// its size, plus readSlack. Reading every object once reads the file about
// once (each object through a fresh 4 KB buffer); a cycle reads for ever.
const (
	readFactor = 64
	readSlack  = 4 << 20
	// maxObjID is the highest object number gofpdi copies: its writer
	// copies objects 0–9998 only and silently drops the rest, so a file
	// that needs more is refused rather than printed with pages missing.
	maxObjID = 9998
	// maxPages is the most pages one attached PDF may have to be printed:
	// far beyond any 文件 or 台账 (a 50 MB scan holds a few hundred).
	maxPages = 5000
)

var countRe = regexp.MustCompile(`/Count\s+(\d+)`)

// importer numbers the templates of all PDFs of one document, so that their
// names (/GOFPDITPLn) never collide, and keeps every source's stream alive:
// gofpdi names a source by the address of its stream, and a reused address
// would make it return another file's pages.
type importer struct {
	next int
	keep []*io.ReadSeeker
}

func newImporter() *importer { return &importer{} }

// docPlan is a PDF read completely, ready for gofpdf.
type docPlan struct {
	templates map[string]string
	objects   map[string][]byte
	positions map[string]map[int]string
	pages     []pagePlan
	odd       []int // pages (from 1) whose size differs from page 1's
}

// pagePlan is one imported page placed on an A4 page.
type pagePlan struct {
	landscape      bool
	tpl            string
	sx, sy, tx, ty float64
	frame          [4]float64 // x, y, w, h of the page on the paper, mm
}

// readPDF reads data with gofpdi; it never panics and returns within
// about importTimeout. The error is a Chinese reason.
func (im *importer) readPDF(data []byte) (*docPlan, error) {
	if err := sniffPDF(data); err != nil {
		return nil, err
	}
	br := &budgetReader{r: bytes.NewReader(data),
		left: int64(len(data))*readFactor + readSlack, deadline: time.Now().Add(importTimeout)}
	var rs io.ReadSeeker = br
	im.keep = append(im.keep, &rs)
	type result struct {
		plan *docPlan
		err  error
	}
	done := make(chan result, 1)
	offset := im.next
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: panicReason(r)}
			}
		}()
		p, err := plan(im.keep[len(im.keep)-1], offset)
		done <- result{p, err}
	}()
	timer := time.NewTimer(importTimeout + time.Second)
	defer timer.Stop()
	select {
	case r := <-done:
		br.r = nil // the stream's address stays taken, its bytes may go
		if r.err == nil {
			im.next += len(r.plan.pages)
		}
		return r.plan, r.err
	case <-timer.C:
		return nil, fmt.Errorf("读取超过 %d 秒仍未完成，文件结构可能有误", int(importTimeout.Seconds()))
	}
}

// sniffPDF refuses what is plainly not a readable PDF before gofpdi sees it.
func sniffPDF(data []byte) error {
	head := data[:min(len(data), 1024)]
	if !bytes.Contains(head, []byte("%PDF-")) {
		return errors.New("文件头不是 PDF 格式")
	}
	tail := data[max(0, len(data)-2048):]
	if !bytes.Contains(tail, []byte("%%EOF")) || !bytes.Contains(data[max(0, len(data)-64<<10):], []byte("startxref")) {
		return errors.New("文件不完整，可能下载或复制时被截断")
	}
	if bytes.Contains(data, []byte("/Encrypt")) {
		return errors.New("文件已加密或设有密码")
	}
	// gofpdi allocates a page table of /Count entries before reading a
	// page: a forged count would exhaust memory, which no recover catches.
	for _, m := range countRe.FindAllSubmatch(data, -1) {
		if n, err := strconv.Atoi(string(m[1])); err != nil || n > maxPages {
			return fmt.Errorf("文件声明的页数（%s）超过 %d 页，不予嵌入", m[1], maxPages)
		}
	}
	return nil
}

// plan does gofpdi's part for one file; it may panic (readPDF recovers).
func plan(rs *io.ReadSeeker, offset int) (*docPlan, error) {
	fi := realgofpdi.NewImporter()
	fi.SetSourceStream(rs)
	// Template names continue from the document's previous PDFs.
	fi.GetWriter().SetTplIdOffset(offset)
	n := fi.GetNumPages()
	if n <= 0 {
		return nil, errors.New("文件中没有页面")
	}
	ids := make([]int, n)
	for i := range ids {
		ids[i] = fi.ImportPage(i+1, "/MediaBox")
	}
	p := &docPlan{
		templates: fi.PutFormXobjectsUnordered(),
		objects:   fi.GetImportedObjectsUnordered(),
		positions: fi.GetImportedObjHashPos(),
	}
	if len(p.templates) != n {
		return nil, fmt.Errorf("只读出 %d 页，文件声明有 %d 页", len(p.templates), n)
	}
	for _, refs := range p.positions {
		for _, h := range refs {
			if _, ok := p.objects[h]; !ok {
				return nil, fmt.Errorf("文件引用了无法读出的对象（可能超过 %d 个对象或结构有误）", maxObjID+1)
			}
		}
	}
	// gofpdi gives every page the box of page 1 (its writer reads the
	// boxes of page 1 whatever the page): a page of another size is
	// printed in that box, cut or with white space, and said so.
	sizes := fi.GetPageSizes()
	first := sizes[1]["/MediaBox"]
	for i := 2; i <= n; i++ {
		b := sizes[i]["/MediaBox"]
		if math.Abs(b["w"]-first["w"]) > 1 || math.Abs(b["h"]-first["h"]) > 1 {
			p.odd = append(p.odd, i)
		}
	}
	for _, id := range ids {
		// gofpdi gives a template's size only through the scale it would
		// draw it at: 100 mm high gives 100/height, 100 mm wide 100/width.
		_, _, sy, _, _ := fi.UseTemplate(id, 0, 0, 0, 100)
		_, sx, _, _, _ := fi.UseTemplate(id, 0, 0, 100, 0)
		if !(sx > 0 && sy > 0) || sx > 1e6 || sy > 1e6 {
			return nil, errors.New("页面尺寸无效")
		}
		pg := place(100/sx*ptToMM, 100/sy*ptToMM)
		pg.tpl, pg.sx, pg.sy, pg.tx, pg.ty = fi.UseTemplate(id, pg.frame[0], pg.frame[1], pg.frame[2], pg.frame[3])
		p.pages = append(p.pages, pg)
	}
	return p, nil
}

// Page area for an imported page, mm from the paper's edges: the stamp's
// strip at the top, a binding edge at the left.
const (
	docLeft, docRight, docBottom = 15.0, 10.0, 10.0
	docTop                       = stampBottom + 2
)

// place fits a page of w×h mm onto A4 in the page's own orientation, below
// the stamp, never enlarged, centred across.
func place(w, h float64) pagePlan {
	pg := pagePlan{landscape: w > h}
	pw, ph := a4W, a4H
	if pg.landscape {
		pw, ph = a4H, a4W
	}
	aw, ah := pw-docLeft-docRight, ph-docTop-docBottom
	scale := min(1, aw/w, ah/h)
	fw, fh := w*scale, h*scale
	pg.frame = [4]float64{docLeft + (aw-fw)/2, docTop, fw, fh}
	return pg
}

// documentPages prints every page of a PDF attachment, stamped with its
// 件号 and 第 n/m 页, or a placeholder page saying why it cannot.
func (s *sheet) documentPages(title string, f *evidence.Filed, data Source, im *importer, out *Printed) {
	b, err := data(f.Hash)
	var p *docPlan
	if err == nil {
		p, err = im.readPDF(b)
	} else {
		err = fmt.Errorf("读取失败：%v", err)
	}
	if err != nil {
		msg := fmt.Sprintf("件号 %s《%s》为 PDF 文件，无法嵌入（%v），请查阅电子文件 %s。", f.Code(), f.DisplayTitle(), err, f.Path())
		out.Problems = append(out.Problems, msg)
		s.pdf.AddPageFormat("P", gofpdf.SizeType{Wd: a4W, Ht: a4H})
		s.runningTitle(title, s.stamp(f.Code(), "无法嵌入"))
		s.placeholder(photoLeft, photoTop, a4W-photoLeft-photoRight, 90, msg)
		return
	}
	s.pdf.ImportTemplates(p.templates)
	s.pdf.ImportObjects(p.objects)
	s.pdf.ImportObjPos(p.positions)
	for i, pg := range p.pages {
		orient := "P"
		if pg.landscape {
			orient = "L"
		}
		s.pdf.AddPageFormat(orient, gofpdf.SizeType{Wd: a4W, Ht: a4H})
		s.pdf.UseImportedTemplate(pg.tpl, pg.sx, pg.sy, pg.tx, pg.ty)
		// A hairline shows where the original page ends.
		s.pdf.SetDrawColor(160, 160, 160)
		s.pdf.SetLineWidth(0.1)
		s.pdf.Rect(pg.frame[0], pg.frame[1], pg.frame[2], pg.frame[3], "D")
		s.pdf.SetDrawColor(0, 0, 0)
		left := s.stamp(f.Code(), fmt.Sprintf("第 %d/%d 页", i+1, len(p.pages)))
		s.font(false, headerSize)
		w := left - docLeft - 5
		s.text(docLeft, stampTop+1, w, lineH(headerSize), s.fit(title+"　"+f.DisplayTitle(), w), "L")
	}
	if len(p.odd) > 0 {
		var ns []string
		for _, n := range p.odd {
			ns = append(ns, strconv.Itoa(n))
		}
		out.Problems = append(out.Problems, fmt.Sprintf("件号 %s《%s》第 %s 页的页面大小与第 1 页不同，已按第 1 页的大小嵌入，超出部分可能被裁去，请核对电子文件 %s。",
			f.Code(), f.DisplayTitle(), strings.Join(ns, "、"), f.Path()))
	}
	out.Docs++
}

// budgetReader is a ReadSeeker that panics once its reader has read left
// bytes or passed deadline: inside gofpdi, a panic is the only way out of
// a loop that never returns.
type budgetReader struct {
	r        *bytes.Reader
	left     int64
	deadline time.Time
}

// errBudget is what a stopped read panics with.
var errBudget = errors.New("budget")

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.left <= 0 || time.Now().After(b.deadline) {
		panic(errBudget)
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *budgetReader) Seek(off int64, whence int) (int64, error) {
	if time.Now().After(b.deadline) {
		panic(errBudget)
	}
	return b.r.Seek(off, whence)
}

// panicReason turns what gofpdi panicked with into a Chinese reason.
func panicReason(r any) error {
	if r == errBudget {
		return errors.New("文件结构有误，读取无法结束（可能有循环引用）")
	}
	return errors.New("文件结构无法识别") // the library's own words are English: never shown
}
