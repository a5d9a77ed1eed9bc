package dialogs

import (
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"junheng/app/format"
)

// wrappedRows are a wrapping label's lines at width w, as drawn.
func wrappedRows(text string, w float32) []string {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Resize(fyne.NewSize(w, 600))
	var rows []string
	for _, o := range test.WidgetRenderer(l).Objects() {
		if rt, ok := o.(*widget.RichText); ok {
			for _, x := range test.WidgetRenderer(rt).Objects() {
				if t, ok := x.(*canvas.Text); ok {
					rows = append(rows, t.Text)
				}
			}
		}
	}
	return rows
}

// Issue 23 §11: 「5000 人」 broke after the number. A count and its unit
// (format.Count) after a space stay whole on one line at every width a
// message wraps to: neither split from each other nor inside the number.
func TestCountsKeepTheirUnitWhenWrapped(t *testing.T) {
	test.NewTempApp(t)
	msg := "已粘贴 " + format.Count(1234, "个") + "单元格；另有 " + format.Count(12, "个") + "落在不适用的灰色单元格上，已跳过；未保存的修改 " +
		format.Count(5000, "项") + "，在校生 " + format.Count(5000, "人") + "，共 " + format.Count(1234567, "人")
	inCount := func(r rune) bool { return unicode.IsDigit(r) || r == ',' }
	for w := float32(120); w < 600; w += 3 {
		rows := wrappedRows(msg, w)
		if len(rows) < 2 && w < 300 {
			t.Fatalf("width %v does not wrap: %q", w, rows)
		}
		for i := 0; i+1 < len(rows); i++ {
			end := []rune(strings.TrimRightFunc(rows[i], unicode.IsSpace))
			next := []rune(strings.TrimLeftFunc(rows[i+1], unicode.IsSpace))
			if len(end) > 0 && len(next) > 0 && inCount(end[len(end)-1]) && (inCount(next[0]) || strings.ContainsRune("个项人", next[0])) {
				t.Fatalf("width %v breaks a count: %q", w, rows)
			}
		}
	}
	// The no-break space the issue proposed does not hold in Fyne: it
	// wraps at every unicode.IsSpace, U+00A0 included.
	broken := false
	for w := float32(120); w < 600 && !broken; w += 3 {
		rows := wrappedRows("已粘贴 1234\u00a0个单元格；另有 12\u00a0个落在不适用的灰色单元格上", w)
		for i := 0; i+1 < len(rows); i++ {
			if strings.HasPrefix(strings.TrimLeftFunc(rows[i+1], unicode.IsSpace), "个") {
				broken = true
			}
		}
	}
	if !broken {
		t.Log("Fyne keeps U+00A0 together now: format.Count may join with it again")
	}
}
