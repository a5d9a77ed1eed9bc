package archive

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	pdfout "junheng/app/archive"
	"junheng/app/county"
	"junheng/app/evidence"
	"junheng/data/safefile"
	"junheng/data/xlsx"
)

// Names of the 档案目录 at the archive's root.
const (
	IndexXLSX = "档案目录.xlsx"
	IndexPDF  = "档案目录.pdf"
)

// Source is where the archive comes from: the data file (*data.Store).
type Source interface {
	Attachments(year string) ([]evidence.Attachment, error)
	AttachmentData(hash string) ([]byte, error)
	LoadYear(year string) (*county.File, error)
}

// Input is what a document put beside the 目录 is made from: the year's
// county file, its attachments as filed (in archive order, with their
// paths inside the zip) and the way to read an attachment's bytes.
type Input struct {
	Year  string
	File  *county.File
	Filed []evidence.Filed
	Paths []string // Paths[i] is where Filed[i] lies in the zip
	Data  func(hash string) ([]byte, error)
}

// Extra is a document written at the archive's root beside the 目录: the
// photo pages, the PDF documents stamped with their 件号, the 档案盒
// labels (app/archive).
type Extra struct {
	Name  string // file name at the root, e.g. 照片页.pdf
	Write func(w io.Writer) error
}

// Options adjust an export; the zero value exports attachments and 目录.
type Options struct {
	// Extras lists the documents to add at the root (nil: none). It is
	// called once, after the 目录 is made and before the zip is written;
	// each Extra's Write is called while the zip is being written, its
	// output spooled through a temporary file (never held in memory) and
	// stored uncompressed (PDFs of photos do not deflate).
	Extras func(in *Input) ([]Extra, error)
	// Progress is told after every file written: done of total (the 目录
	// and extras count as files). Nil: silent.
	Progress func(done, total int)
}

// Summary is what an export wrote.
type Summary struct {
	Path     string
	Files    int   // attachments written
	Bytes    int64 // their bytes, as stored in the data file
	ZipBytes int64 // the size of the zip
	Extras   []string
}

// EmptyError is the refusal of a year that has no attachment yet.
type EmptyError struct{ Year string }

func (e *EmptyError) Error() string {
	return fmt.Sprintf("%s 学年还没有任何佐证材料，未导出迎检档案。请先在「佐证材料」页为各项指标添加文件，再导出。", e.Year)
}

// Title is the 档案目录's title: 「XX县 2024-2025 学年 迎检档案目录」.
func Title(countyName, year string) string {
	name := strings.TrimSpace(countyName)
	if name == "" {
		name = "本县"
	}
	return fmt.Sprintf("%s %s 学年 迎检档案目录", name, year)
}

// Export writes the 迎检档案 of year from src as a zip at out (see the
// package comment). Nothing is written unless every attachment was read:
// on any error the file at out is as it was.
func Export(src Source, year, out string, opt Options) (Summary, error) {
	sum := Summary{Path: out}
	f, err := src.LoadYear(year)
	if err != nil {
		return sum, fmt.Errorf("迎检档案未导出：%w", err)
	}
	atts, err := src.Attachments(year)
	if err != nil {
		return sum, fmt.Errorf("迎检档案未导出：读取 %s 学年的佐证材料列表失败：%w", year, err)
	}
	if len(atts) == 0 {
		return sum, &EmptyError{Year: year}
	}
	filed := evidence.Number(atts, evidence.SchoolRefs(f))
	paths := evidence.ArchivePaths(filed)
	rows := evidence.Index(filed, paths)
	stamp := latest(atts)
	title := Title(f.County.Name, year)

	var xb, pb bytes.Buffer
	if err := xlsx.WriteArchiveIndex(&xb, title, rows); err != nil {
		return sum, internal(IndexXLSX, err)
	}
	if err := pdfout.WriteIndex(&pb, pdfout.IndexDoc{Title: title, County: f.County.Name, Year: year, Date: stamp, Rows: rows}); err != nil {
		return sum, internal(IndexPDF, err)
	}
	var extras []Extra
	if opt.Extras != nil {
		in := &Input{Year: year, File: f, Filed: filed, Paths: paths, Data: src.AttachmentData}
		if extras, err = opt.Extras(in); err != nil {
			return sum, fmt.Errorf("迎检档案未导出：%w", err)
		}
	}
	if err := checkExtras(extras); err != nil {
		return sum, err
	}

	total := 2 + len(extras) + len(filed)
	done := 0
	tick := func() {
		done++
		if opt.Progress != nil {
			opt.Progress(done, total)
		}
	}
	// cause keeps our own sentence: safefile.Write would word any other
	// error as a failure to write the zip.
	var cause error
	werr := safefile.Write(out, func(w io.Writer) error {
		cw := &counter{w: w}
		z := newZipOut(zip.NewWriter(cw))
		for _, ix := range []struct {
			name string
			b    []byte
		}{{IndexXLSX, xb.Bytes()}, {IndexPDF, pb.Bytes()}} {
			if err := z.file(ix.name, ix.b, stamp); err != nil {
				return err
			}
			tick()
		}
		for _, x := range extras {
			if err := z.spooled(x.Name, stamp, x.Write); err != nil {
				var pe *producerError
				if errors.As(err, &pe) {
					cause = fmt.Errorf("迎检档案未导出：生成「%s」失败：%w", x.Name, pe.err)
					return cause
				}
				return err
			}
			tick()
		}
		for i := range filed {
			a := &filed[i]
			data, err := src.AttachmentData(a.Hash)
			if err != nil {
				cause = fmt.Errorf("迎检档案未导出：读取佐证材料 %s「%s」（%s）失败：%w", a.Code(), a.DisplayTitle(), where(a), err)
				return cause
			}
			t := a.AddedAt
			if t.IsZero() {
				t = stamp
			}
			if err := z.file(paths[i], data, t); err != nil {
				return err
			}
			sum.Bytes += int64(len(data))
			tick()
		}
		if err := z.zw.Close(); err != nil {
			return err
		}
		sum.ZipBytes = cw.n
		return nil
	})
	if werr != nil {
		if cause != nil {
			return Summary{Path: out}, cause
		}
		return Summary{Path: out}, fmt.Errorf("迎检档案未导出：%w", werr)
	}
	sum.Files = len(filed)
	for _, x := range extras {
		sum.Extras = append(sum.Extras, x.Name)
	}
	return sum, nil
}

// internal is the refusal when the 目录 itself cannot be laid out: a
// defect of the program, not of the clerk's files. The library's words are
// English, so the sentence does not quote them; the cause stays wrapped.
func internal(what string, err error) error {
	return &internalError{what: what, err: err}
}

type internalError struct {
	what string
	err  error
}

func (e *internalError) Error() string {
	return "迎检档案未导出：生成" + e.what + "时程序出错。请将数据文件和本提示告知技术支持。"
}
func (e *internalError) Unwrap() error { return e.err }

// where names what an attachment proves: 指标 G3，学校 第一小学.
func where(f *evidence.Filed) string {
	s := "指标 " + f.Item
	if f.School != "" {
		s += "，学校 " + f.SchoolName
	}
	return s
}

// checkExtras refuses an extra document that would not sit at the root
// under its own name.
func checkExtras(extras []Extra) error {
	seen := map[string]bool{strings.ToLower(IndexXLSX): true, strings.ToLower(IndexPDF): true}
	for _, x := range extras {
		if x.Name == "" || x.Name != filepath.Base(x.Name) || strings.ContainsAny(x.Name, `/\`) || x.Name != evidence.SafeName(x.Name, 120) {
			return fmt.Errorf("迎检档案未导出：附加文件名「%s」不能作为档案根目录下的文件名。", x.Name)
		}
		if seen[strings.ToLower(x.Name)] || x.Write == nil {
			return fmt.Errorf("迎检档案未导出：附加文件「%s」重复或没有内容。", x.Name)
		}
		seen[strings.ToLower(x.Name)] = true
	}
	return nil
}

// latest is the time of the last attachment added: the time of the 目录,
// so that the same attachments give the same archive.
func latest(atts []evidence.Attachment) time.Time {
	var t time.Time
	for _, a := range atts {
		if a.AddedAt.After(t) {
			t = a.AddedAt
		}
	}
	if t.IsZero() {
		t = time.Now()
	}
	return t
}

// counter counts the bytes written through it.
type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
