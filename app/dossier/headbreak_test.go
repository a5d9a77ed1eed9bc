package dossier

import (
	"strings"
	"testing"

	"junheng/app/standard"
)

// The resource tables' headers broke inside words ("生均教学仪器设/备值",
// "骨干教/师数"). Every word of every indicator's name must stand whole on
// one printed line of the header, and the break mark must never print.
func TestResourceHeadersBreakBetweenWords(t *testing.T) {
	dd := newDemo(t)
	tables := dd.pagesWith("85% 基本值", "达标项数")
	if len(tables) == 0 {
		t.Fatal("no resource table found")
	}
	for _, i := range tables {
		var lines []string
		for _, l := range strings.Split(dd.pages[i], "\n") {
			lines = append(lines, squeeze(l))
		}
		for _, code := range standard.ResourceCodes {
			for _, w := range national.Item(code).NameWords() {
				whole := false
				for _, l := range lines {
					whole = whole || strings.Contains(l, w)
				}
				if !whole {
					t.Errorf("page %d: header of %s breaks inside %q", i+1, code, w)
				}
			}
		}
		if strings.Contains(dd.pages[i], wordBreak) {
			t.Errorf("page %d prints the break mark", i+1)
		}
	}
}
