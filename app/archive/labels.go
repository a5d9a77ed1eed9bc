package archive

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"junheng/app/evidence"
)

// LabelInfo is what the 档案盒 labels say besides the files.
type LabelInfo struct {
	County string // 县（市、区）名, e.g. 某某县
	Unit   string // 全宗（单位）; "" = County + "教体局"
	Year   string // 年度: the school year, e.g. 2024-2025
}

func (l *LabelInfo) unit() string {
	if u := oneLine(l.Unit); u != "" {
		return u
	}
	return oneLine(l.County) + "教体局"
}

// yearRange matches a school year written with a dash, for 2024至2025.
var yearRange = regexp.MustCompile(`(\d{4})\s*[-—–~～]\s*(\d{4})`)

// year is the 年度 as printed: "2024—2025学年".
func (l *LabelInfo) year() string {
	y := yearRange.ReplaceAllString(oneLine(l.Year), "$1—$2")
	if y != "" && !strings.HasSuffix(y, "学年") && !strings.HasSuffix(y, "年") {
		y += "学年"
	}
	return y
}

// Label page geometry, mm.
const (
	labelLeft  = 25.0 // binding edge
	labelRight = 15.0
	labelTop   = 20.0
	labelFoot  = 15.0
)

// BoxLabels writes the labels of the boxes Boxes(files, spineCM) makes, on
// A4: first the spines (as many strips side by side on a page as fit, each
// framed at exactly the spine's width, to cut out and paste), then for
// each box its 封面, its 卷内目录 and its 备考表.
func BoxLabels(w io.Writer, info LabelInfo, files []evidence.Filed, spineCM int) error {
	boxes := Boxes(files, spineCM)
	if len(boxes) == 0 {
		return fmt.Errorf("没有佐证材料：档案盒标签未生成。")
	}
	s := newSheet(oneLine(info.County) + "迎检档案 档案盒标签")
	s.spines(&info, boxes)
	for i := range boxes {
		b := &boxes[i]
		total := 0
		for j := range boxes {
			if boxes[j].Volume == b.Volume {
				total++
			}
		}
		s.cover(&info, b, total)
		s.contents(&info, b)
		s.notes(&info, b)
		if err := s.pdf.Error(); err != nil {
			return fmt.Errorf("生成档案盒标签时在%s处出错，未写出。", b.Name())
		}
	}
	return s.output(w, "档案盒标签 PDF")
}

func (s *sheet) portrait() { s.pdf.AddPageFormat("P", gofpdf.SizeType{Wd: a4W, Ht: a4H}) }

// cover prints a box's 封面: the archive's title, then 卷名, 年度, 盒号
// and 起止件号 on ruled lines.
func (s *sheet) cover(info *LabelInfo, b *Box, total int) {
	s.portrait()
	width := a4W - labelLeft - labelRight
	s.font(true, 22)
	y := s.lines(labelLeft, 55, width, lineH(22), s.wrap(oneLine(info.County)+"义务教育优质均衡发展督导评估", width), "C")
	s.font(true, 36)
	s.lines(labelLeft, y+6, width, lineH(36), []string{"迎检档案"}, "C")
	fields := [][2]string{
		{"卷　　名", fmt.Sprintf("第%d卷　%s", b.Volume, b.VolumeName)},
		{"年　　度", info.year()},
		{"盒　　号", fmt.Sprintf("第 %d 盒（本卷共 %d 盒）", b.Number, total)},
		{"起止件号", strings.Replace(b.Range(), "—", " 至 ", 1)},
		{"件　　数", fmt.Sprintf("%d 件", len(b.Files))},
	}
	y = 150
	lx, lw := labelLeft+15, 32.0
	vx := lx + lw + 3
	vw := a4W - labelRight - 15 - vx
	for _, f := range fields {
		s.font(true, 15)
		s.text(lx, y, lw, 9, f[0]+"：", "L")
		s.font(false, 15)
		s.text(vx, y, vw, 9, s.fit(f[1], vw), "L")
		s.pdf.Line(vx, y+9, vx+vw, y+9)
		y += 16
	}
	s.font(true, 16)
	s.text(labelLeft, a4H-55, width, 9, s.fit(info.unit(), width), "C")
}

// notes prints a box's 备考表: the 盒内文件情况说明 with what the box holds,
// and the lines for 立卷人, 检查人 and 立卷时间 to sign.
func (s *sheet) notes(info *LabelInfo, b *Box) {
	s.portrait()
	width := a4W - labelLeft - labelRight
	s.font(true, 22)
	s.text(labelLeft, labelTop+5, width, lineH(22), "备　考　表", "C")
	s.font(false, 10.5)
	s.text(labelLeft, labelTop+22, width, lineH(10.5),
		s.fit(fmt.Sprintf("%s　%s　起止件号 %s", info.year(), b.Name(), b.Range()), width), "L")
	top, bottom := labelTop+30, a4H-labelFoot-10
	s.pdf.SetLineWidth(0.5)
	s.pdf.Rect(labelLeft, top, width, bottom-top, "D")
	s.pdf.SetLineWidth(0.2)
	s.font(true, 14)
	s.text(labelLeft+6, top+6, width-12, lineH(14), "本盒情况说明", "L")
	s.font(false, 12)
	y := s.lines(labelLeft+6, top+16, width-12, lineH(12), s.wrap(contentNote(b), width-12), "L")
	_ = y
	for i, l := range []string{"立卷人：", "检查人：", "立卷时间：　　　　年　　月　　日"} {
		ly := bottom - 52 + float64(i)*16
		x := labelLeft + width/2
		s.font(false, 13)
		s.text(x, ly, width/2-8, 8, l, "L")
		if i < 2 {
			lw := s.measure(l)
			s.pdf.Line(x+lw, ly+7.5, labelLeft+width-10, ly+7.5)
		}
	}
}

// contentNote says what a box holds, in counts of 件 and of 页/张.
func contentNote(b *Box) string {
	kinds := map[evidence.Kind]int{}
	pdfPages, unknown := 0, 0
	for i := range b.Files {
		f := &b.Files[i]
		kinds[f.Kind]++
		if f.Kind == evidence.KindPDF {
			if f.Pages > 0 {
				pdfPages += f.Pages
			} else {
				unknown++
			}
		}
	}
	var parts []string
	if n := kinds[evidence.KindPhoto]; n > 0 {
		parts = append(parts, fmt.Sprintf("照片 %d 张", n))
	}
	if n := kinds[evidence.KindPDF]; n > 0 {
		p := fmt.Sprintf("PDF 文件 %d 件共 %d 页", n, pdfPages)
		if unknown > 0 {
			p += fmt.Sprintf("（另有 %d 件页数未知）", unknown)
		}
		parts = append(parts, p)
	}
	for _, k := range []evidence.Kind{evidence.KindDocument, evidence.KindSheet, evidence.KindOther} {
		if n := kinds[k]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 件", evidence.KindNames[k], n))
		}
	}
	note := fmt.Sprintf("本盒共 %d 件（%s），约 %s 张（按照片每页两张、PDF 每页一张、其他文件每件一张估计；%d 厘米档案盒约可装 %d 张）。",
		len(b.Files), strings.Join(parts, "，"), trimFloat(b.Sheets), b.SpineCM, int(Capacity(b.SpineCM)))
	if b.Over {
		note += fmt.Sprintf("\n注意：本盒的材料超过 %d 厘米档案盒的容量，但一件材料不能拆分，请换用更厚的档案盒或将该件分册装订并在此注明。", b.SpineCM)
	}
	return note
}

func trimFloat(f float64) string {
	if f == float64(int(f)) {
		return fmt.Sprintf("%d", int(f))
	}
	return fmt.Sprintf("%.1f", f)
}
