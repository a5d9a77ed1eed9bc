package archive

// The 件号 stamp: a box in the top-right corner of a page, inside the
// top margin (stampTop to stampTop+stampH), with the 件号 in bold and,
// for the pages of an attached document, "第 n/m 页" under it. It is where
// an archivist's 档号章 goes, so a page that falls out of its box finds its
// way back.

const (
	stampTop   = 5.0  // mm from the paper's top edge
	stampRight = 10.0 // mm from the paper's right edge
	stampCode  = 11.0 // pt, the 件号
	stampSub   = 7.5  // pt, the page line
	stampPad   = 2.0  // mm inside the box, left and right
	// stampBottom is the lowest point a stamp reaches: the page's content
	// starts below it.
	stampBottom = stampTop + 12.5
)

// stamp draws the box with code (and sub, when not empty) at the top right
// of the current page and returns the box's left edge.
func (s *sheet) stamp(code, sub string) float64 {
	pw, _ := s.pdf.GetPageSize()
	s.font(true, stampCode)
	w := s.measure(code)
	if sub != "" {
		s.font(false, stampSub)
		w = max(w, s.measure(sub))
	}
	w += 2 * stampPad
	x := pw - stampRight - w
	h := lineH(stampCode)
	if sub != "" {
		h += lineH(stampSub)
	}
	s.pdf.SetLineWidth(0.4)
	s.pdf.Rect(x, stampTop, w, h+1, "D")
	s.font(true, stampCode)
	s.text(x, stampTop+0.5, w, lineH(stampCode), code, "C")
	if sub != "" {
		s.font(false, stampSub)
		s.text(x, stampTop+0.5+lineH(stampCode), w, lineH(stampSub), sub, "C")
	}
	s.pdf.SetLineWidth(0.2)
	return x
}
