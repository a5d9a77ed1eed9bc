package archive

import (
	"fmt"
	"io"
	"sync"

	pdfout "junheng/app/archive"
	"junheng/app/evidence"
)

// PrintPartFiles is at most how many printed files (photos, PDF documents)
// one 照片及文件页 PDF holds: gofpdf keeps a whole document in memory, so
// a year of 500 photos is printed as parts of this many, each named by
// its 件号 range, each box's files never spread over two boxes' parts.
const PrintPartFiles = 50

// Printouts makes the documents to print beside the 目录: the 档案盒
// labels for boxes of spineCM, and the 照片及文件页 (photos two to a page,
// PDF documents' pages, each stamped with its 件号) in parts of at most
// PrintPartFiles files. Set it as Options.Extras. What could not be
// embedded (a damaged photo, an encrypted PDF) is printed as a
// placeholder page and its sentence added to problems.
func Printouts(spineCM int, problems *Problems) func(in *Input) ([]Extra, error) {
	return func(in *Input) ([]Extra, error) {
		if spineCM <= 0 {
			spineCM = 4
		}
		info := pdfout.LabelInfo{County: in.File.County.Name, Year: in.Year}
		extras := []Extra{{
			Name:  fmt.Sprintf("档案盒标签（%d厘米盒脊）.pdf", spineCM),
			Write: func(w io.Writer) error { return pdfout.BoxLabels(w, info, in.Filed, spineCM) },
		}}
		title := Title(in.File.County.Name, in.Year)
		for _, part := range printParts(pdfout.Boxes(in.Filed, spineCM)) {
			name := "照片及文件页 " + part[0].Code()
			if len(part) > 1 {
				name += "至" + part[len(part)-1].Code()
			}
			extras = append(extras, Extra{Name: name + ".pdf", Write: func(w io.Writer) error {
				printed, err := pdfout.PhotoPages(w, title, part, in.Data)
				if printed != nil && problems != nil {
					problems.add(printed.Problems...)
				}
				return err
			}})
		}
		return extras, nil
	}
}

// printParts cuts each box's printable files (photos and PDFs) into runs
// of at most PrintPartFiles.
func printParts(boxes []pdfout.Box) [][]evidence.Filed {
	var out [][]evidence.Filed
	for _, b := range boxes {
		var cur []evidence.Filed
		for _, f := range b.Files {
			if f.Kind != evidence.KindPhoto && f.Kind != evidence.KindPDF {
				continue
			}
			cur = append(cur, f)
			if len(cur) == PrintPartFiles {
				out = append(out, cur)
				cur = nil
			}
		}
		if len(cur) > 0 {
			out = append(out, cur)
		}
	}
	return out
}

// Problems collects the sentences of what the printouts could not embed.
type Problems struct {
	mu   sync.Mutex
	List []string
}

func (p *Problems) add(s ...string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.List = append(p.List, s...)
}
