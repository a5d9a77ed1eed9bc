package archive

import (
	"fmt"
	"unicode"
)

// The 盒脊 (spine) label: a strip exactly as wide as the box's spine and
// spineH high, framed so it can be cut out. Its fields run down the strip,
// each under a small horizontal label: 全宗（单位）, 年度, 卷号 and 类别 (the
// 一级指标), 盒号, 起止件号. The values are set vertically, one character
// a line, except that a run of digits and Latin letters (2024, 1-003)
// stays whole and upright on its line (纵中横), shrunk when wider than the
// strip.

const (
	spineH     = 250.0 // mm, the strip's height (a box is 310 mm; the label sits inside)
	spineGap   = 5.0   // mm between strips on a page
	spineLabel = 8.0   // pt, the field labels
	spineMax   = 16.0  // pt, the values at most
	spineMin   = 8.0   // pt, the values at least
	spinePad   = 2.0   // mm inside the strip, left and right
)

// spineField is one field of a spine: label and vertical tokens.
type spineField struct {
	label  string
	tokens []string
}

// vertical cuts s into the lines of vertical text: one per character, a
// Latin or digit run as one; spaces dropped.
func vertical(s string) []string {
	var out []string
	run := []rune{}
	flush := func() {
		if len(run) > 0 {
			out = append(out, string(run))
			run = run[:0]
		}
	}
	for _, r := range oneLine(s) {
		switch {
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '.' || r == '/'):
			run = append(run, r)
		case unicode.IsSpace(r) || r == '\u3000':
			flush()
		default:
			flush()
			out = append(out, string(r))
		}
	}
	flush()
	return out
}

func spineFields(info *LabelInfo, b *Box) []spineField {
	year := info.year()
	if m := yearRange.FindStringSubmatchIndex(oneLine(info.Year)); m != nil {
		y := oneLine(info.Year)
		year = y[m[2]:m[3]] + "至" + y[m[4]:m[5]] + y[m[1]:]
		if y[m[1]:] == "" {
			year += "学年"
		}
	}
	rng := []string{b.First()}
	if len(b.Files) > 1 {
		rng = append(rng, "至", b.Last())
	}
	return []spineField{
		{"全宗（单位）", vertical(info.unit())},
		{"年度", vertical(year)},
		{"卷号　类别", append(vertical(fmt.Sprintf("第%d卷", b.Volume)), vertical(b.VolumeName)...)},
		{"盒号", vertical(fmt.Sprintf("第%d盒", b.Number))},
		{"起止件号", rng},
	}
}

// spines prints the spine strips of boxes, as many to a page as fit.
func (s *sheet) spines(info *LabelInfo, boxes []Box) {
	w := float64(boxes[0].SpineCM) * 10
	per := max(1, int((a4W-2*labelRight+spineGap)/(w+spineGap)))
	left := (a4W - float64(per)*w - float64(per-1)*spineGap) / 2
	top := (a4H - spineH) / 2
	for i := range boxes {
		k := i % per
		if k == 0 {
			s.portrait()
			s.font(false, headerSize)
			s.text(left, top-8, a4W-2*left, lineH(headerSize),
				fmt.Sprintf("盒脊标签（%d 厘米档案盒）：沿框线剪下，贴于档案盒脊背", boxes[0].SpineCM), "L")
		}
		s.spine(info, &boxes[i], left+float64(k)*(w+spineGap), top, w)
	}
}

// spine prints one strip at x, top, w mm wide.
func (s *sheet) spine(info *LabelInfo, b *Box, x, top, w float64) {
	fields := spineFields(info, b)
	labelH := lineH(spineLabel) + 1.5
	inner := w - 2*spinePad
	// The largest size at which every field fits the strip's height.
	size := spineMax
	pitch := func(sz float64) float64 { return sz * ptToMM * 1.3 }
	need := func(sz float64) float64 {
		h := 0.0
		for _, f := range fields {
			h += labelH + float64(len(f.tokens))*pitch(sz) + 3
		}
		return h
	}
	for size > spineMin && need(size) > spineH {
		size -= 0.5
	}
	// Still too tall at the smallest size (a very long unit name): the
	// longest field loses characters at its end, visibly.
	for need(size) > spineH {
		long := 0
		for i := range fields {
			if len(fields[i].tokens) > len(fields[long].tokens) {
				long = i
			}
		}
		t := fields[long].tokens
		if len(t) < 2 {
			break
		}
		fields[long].tokens = append(t[:len(t)-2], "…")
	}
	extra := max(0, (spineH-need(size))/float64(len(fields)))
	s.pdf.SetLineWidth(0.5)
	s.pdf.Rect(x, top, w, spineH, "D")
	s.pdf.SetLineWidth(0.2)
	y := top
	for i, f := range fields {
		if i > 0 {
			s.pdf.Line(x, y, x+w, y)
		}
		s.font(false, spineLabel)
		s.text(x+spinePad, y+1, inner, lineH(spineLabel), s.fit(f.label, inner), "C")
		y += labelH + 1.5 + extra/2
		for _, t := range f.tokens {
			sz := size
			s.font(true, sz)
			for sz > 5 && s.measure(t) > inner {
				sz -= 0.5
				s.font(true, sz)
			}
			s.text(x+spinePad, y, inner, pitch(size), t, "C")
			y += pitch(size)
		}
		y += 1.5 + extra/2
	}
}
