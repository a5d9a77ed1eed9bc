package archive

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"junheng/app/evidence"
)

// boxSet is three 卷 of mixed attachments: many photos and PDFs in 卷 1,
// a few thick PDFs in 卷 2, and in 卷 3 one PDF thicker than a 3 cm box.
func boxSet() []evidence.Filed {
	st := pgStore{}
	var files []evidence.Filed
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 120; i++ {
		switch r.IntN(4) {
		case 0, 1:
			files = st.add(files, 1, evidence.KindPhoto, fmt.Sprintf("照片%d", i), []byte{byte(i)}, 0)
		case 2:
			files = st.add(files, 1, evidence.KindPDF, fmt.Sprintf("文件%d", i), []byte{byte(i)}, 1+r.IntN(40))
		default:
			files = st.add(files, 1, evidence.KindDocument, fmt.Sprintf("文档%d", i), []byte{byte(i)}, 0)
		}
	}
	files[7].Title = strings.Repeat("关于进一步加强义务教育学校音乐美术专用教室配备与使用管理的", 3) + "通知"
	for i := 0; i < 5; i++ {
		files = st.add(files, 2, evidence.KindPDF, fmt.Sprintf("台账%d", i), []byte{byte(i)}, 100)
	}
	files = st.add(files, 3, evidence.KindPDF, "全县教师花名册", []byte{1}, 300)
	for i := range files {
		files[i].VolumeName = map[int]string{1: "资源配置", 2: "政府保障程度", 3: "教育质量"}[files[i].Volume]
	}
	return files
}

func TestBoxes(t *testing.T) {
	files := boxSet()
	for _, cm := range SpineSizes {
		boxes := Boxes(files, cm)
		capacity := Capacity(cm)
		var seen []string
		number := map[int]int{}
		boxOf := map[string]int{}
		for bi, b := range boxes {
			number[b.Volume]++
			if b.Number != number[b.Volume] {
				t.Errorf("%d cm: %s has 盒号 %d, want %d (盒号 run per 卷)", cm, b.Name(), b.Number, number[b.Volume])
			}
			for _, f := range b.Files {
				if f.Volume != b.Volume {
					t.Errorf("%d cm: %s holds %s of another 卷", cm, b.Name(), f.Code())
				}
				seen = append(seen, f.Code())
				boxOf[f.Code()] = bi
			}
			sheets := 0.0
			for _, u := range units(b.Files) {
				if b.Files[u[0]].Kind == evidence.KindPhoto {
					sheets++ // one 照片页, one or two photos
					continue
				}
				sheets += fileSheets(&b.Files[u[0]])
			}
			if math.Abs(sheets-b.Sheets) > 1e-9 {
				t.Errorf("%d cm: %s counts %.1f sheets, its files make %.1f", cm, b.Name(), b.Sheets, sheets)
			}
			if b.Sheets > capacity && !(b.Over && len(units(b.Files)) == 1) {
				t.Errorf("%d cm: %s holds %.1f sheets, more than %.0f", cm, b.Name(), b.Sheets, capacity)
			}
			// A box is closed only when the next unit would not fit.
			if bi+1 < len(boxes) && boxes[bi+1].Volume == b.Volume {
				next := boxes[bi+1]
				u := units(next.Files)[0]
				need := fileSheets(&next.Files[u[0]])
				if next.Files[u[0]].Kind == evidence.KindPhoto {
					need = 1
				}
				if b.Sheets+need <= capacity {
					t.Errorf("%d cm: %s closed at %.1f sheets though %s (%.1f) fits", cm, b.Name(), b.Sheets, next.First(), need)
				}
			}
		}
		// Every 件 in exactly one box, in 件号 order: none split, none lost.
		var want []string
		for _, f := range sorted(files) {
			want = append(want, f.Code())
		}
		if strings.Join(seen, " ") != strings.Join(want, " ") {
			t.Fatalf("%d cm: the boxes hold %d 件 out of order or not all of %d", cm, len(seen), len(want))
		}
		// Two photos of one 照片页 are in one box.
		all := sorted(files)
		for _, u := range units(all) {
			if len(u) == 2 && boxOf[all[u[0]].Code()] != boxOf[all[u[1]].Code()] {
				t.Errorf("%d cm: %s and %s share a page but not a box", cm, all[u[0]].Code(), all[u[1]].Code())
			}
		}
		last := boxes[len(boxes)-1]
		if over := last.Sheets > capacity; over != last.Over || (cm == 3) != over {
			t.Errorf("%d cm: the 300-page file's box: Over=%v with %.0f sheets", cm, last.Over, last.Sheets)
		}
	}
	if n3, n5 := len(Boxes(files, 3)), len(Boxes(files, 5)); n3 <= n5 {
		t.Errorf("3 cm boxes %d, 5 cm boxes %d: thinner boxes must be more", n3, n5)
	}
}

// pgRects are the rectangles (x, y, w, h in mm, y from the top) drawn on
// each page of a gofpdf PDF, read from its compressed content streams.
func pgRects(t *testing.T, pdf []byte) [][][4]float64 {
	t.Helper()
	streams := regexp.MustCompile(`(?s)/Length (\d+)>>\nstream\n`)
	re := regexp.MustCompile(`([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) re`)
	var out [][][4]float64
	for _, m := range streams.FindAllSubmatchIndex(pdf, -1) {
		n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
		zr, err := zlib.NewReader(bytes.NewReader(pdf[m[1] : m[1]+n]))
		if err != nil {
			continue // not a compressed content stream (fonts, images)
		}
		b, err := io.ReadAll(zr)
		if err != nil || !bytes.Contains(b, []byte(" re")) {
			continue
		}
		var rs [][4]float64
		for _, r := range re.FindAllSubmatch(b, -1) {
			var v [4]float64
			for i := range v {
				v[i], _ = strconv.ParseFloat(string(r[i+1]), 64)
				v[i] *= 25.4 / 72
			}
			// PDF y grows upwards and gofpdf draws h negative from the top.
			rs = append(rs, [4]float64{v[0], a4H - v[1], v[2], -v[3]})
		}
		out = append(out, rs)
	}
	return out
}

func TestBoxLabels(t *testing.T) {
	files := boxSet()
	info := LabelInfo{County: "某某县", Year: "2024-2025"}
	for _, cm := range SpineSizes {
		t.Run(fmt.Sprintf("%dcm", cm), func(t *testing.T) {
			var buf bytes.Buffer
			if err := BoxLabels(&buf, info, files, cm); err != nil {
				t.Fatal(err)
			}
			boxes := Boxes(files, cm)
			// The spines: one framed strip per box, exactly cm wide and
			// spineH high (within 1 mm, the brief's tolerance).
			strips := 0
			var stripX [][2]float64
			for _, page := range pgRects(t, buf.Bytes()) {
				for _, r := range page {
					if math.Abs(r[3]-spineH) < 1 {
						strips++
						if math.Abs(r[2]-float64(cm)*10) > 1 {
							t.Errorf("spine strip %.1f mm wide, want %d mm", r[2], cm*10)
						}
						stripX = append(stripX, [2]float64{r[0], r[0] + r[2]})
					}
				}
			}
			if strips != len(boxes) {
				t.Fatalf("%d spine strips for %d boxes", strips, len(boxes))
			}
			path := pgWrite(t, buf.Bytes())
			per := int((a4W - 2*labelRight + spineGap) / (float64(cm)*10 + spineGap))
			spinePages := (len(boxes) + per - 1) / per
			// Nothing outside the margins, and every word of a strip
			// inside its strip.
			pgInside(t, path, func(pgWord) bool { return true }, 14.5, 14.5, 14.5, 14.5)
			for _, w := range pgWords(t, path) {
				if w.page > spinePages || w.y0 < (a4H-spineH)/2 {
					continue
				}
				in := false
				for _, x := range stripX {
					in = in || (w.x0 >= x[0]+0.5 && w.x1 <= x[1]-0.5)
				}
				if !in {
					t.Errorf("page %d: %q at x %.1f–%.1f is not inside a spine strip", w.page, w.text, w.x0, w.x1)
				}
			}
			all := squeeze(pgRun(t, "pdftotext", "-enc", "UTF-8", path, "-"))
			for _, want := range []string{"某某县义务教育优质均衡发展督导评估", "迎检档案", "卷内目录", "备考表", "立卷人", "检查人", "立卷时间",
				"第1卷资源配置", "2024—2025学年", squeeze(files[7].Title)} {
				if !strings.Contains(all, want) {
					t.Errorf("the labels lack %q", want)
				}
			}
			for _, b := range boxes {
				if !strings.Contains(all, fmt.Sprintf("本盒共%d件", len(b.Files))) {
					t.Errorf("no 备考表 counts %d 件 for %s", len(b.Files), b.Name())
				}
				for _, f := range b.Files {
					if !strings.Contains(all, f.Code()) || !strings.Contains(all, squeeze(f.DisplayTitle())+"（第一小学）") {
						t.Errorf("卷内目录 lacks the row of %s", f.Code())
						break
					}
				}
			}
			// The 卷内目录 repeats its head on every page it runs on: the
			// seven column names side by side on one line.
			words := pgWords(t, path)
			cont := 0
			for p := spinePages + 1; p <= pgPages(t, path); p++ {
				text := pgPageText(t, path, p)
				if !strings.Contains(text, "卷内目录") {
					continue
				}
				if strings.Contains(text, "卷内目录（续）") {
					cont++
				}
				row := map[string]float64{}
				for _, w := range words {
					if w.page == p {
						if _, ok := row[w.text]; !ok {
							row[w.text] = w.y0
						}
					}
				}
				for _, c := range contentsCols {
					if y, ok := row[c.head]; !ok || math.Abs(y-row["件号"]) > 0.5 {
						t.Errorf("page %d of the 卷内目录: no column head %q in the head row", p, c.head)
					}
				}
			}
			if cont == 0 {
				t.Error("no 卷内目录 ran onto a second page: the test set is too small to show the repeated head")
			}
			if cm == 3 && !strings.Contains(all, "超过3厘米档案盒的容量") {
				t.Error("the overfull 3 cm box is not said so in its 备考表")
			}
			pgRender(t, path, pgPages(t, path))
		})
	}
}

func TestVertical(t *testing.T) {
	got := strings.Join(vertical("第12盒 1-003至 资源配置"), "|")
	if got != "第|12|盒|1-003|至|资|源|配|置" {
		t.Fatalf("vertical = %s", got)
	}
}
