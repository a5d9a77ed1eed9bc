package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/assets/demo"
	"junheng/ui/uitest"
)

// As found: data refuses a merge source of another county with
// *OtherCountyError, and the GUI only showed the refusal — the clerk had
// no way to confirm. Now it asks, naming both counties; 取消 (and Enter,
// the safe default) changes nothing, 仍要合并 goes on to the merge.
func TestMergeFromAnotherCountyAsksFirst(t *testing.T) {
	dir := t.TempDir()
	ours, theirs := filepath.Join(dir, "教育局.db"), filepath.Join(dir, "乡镇.db")
	f := demo.File()
	writeDataFile(t, ours, f)
	other := county.Generate(4, 3)
	other.Year = f.Year
	if other.County.Name == f.County.Name {
		t.Fatal("the generated county must be another county")
	}
	writeDataFile(t, theirs, other)

	a := openDataFile(t, ours)
	before, _ := os.ReadFile(ours)
	schools := func() int {
		g, err := a.Session().Store.LoadYear(f.Year)
		if err != nil {
			t.Fatal(err)
		}
		return len(g.Schools)
	}
	n0 := schools()
	overlays := a.Win.Canvas().Overlays()

	ask := func() fyne.CanvasObject {
		t.Helper()
		if d := a.MergeFrom(theirs); d != nil {
			t.Fatal("another county's file went straight to the merge")
		}
		top := overlays.Top()
		if top == nil {
			t.Fatal("no question asked")
		}
		var text strings.Builder
		var order []string
		uitest.Walk(top, func(o fyne.CanvasObject) {
			switch w := o.(type) {
			case *widget.Label:
				text.WriteString(w.Text)
			case *widget.Button:
				order = append(order, w.Text)
			}
		})
		for _, want := range []string{"「乡镇.db」", other.County.Name, f.County.Name, "是否仍要合并"} {
			if !strings.Contains(text.String(), want) {
				t.Errorf("the question %q does not say %q", text.String(), want)
			}
		}
		if strings.Join(order, "|") != "取消|仍要合并" {
			t.Errorf("buttons %v, want 取消 left, 仍要合并 right", order)
		}
		if b := uitest.Button(top, "仍要合并"); b.Importance == widget.HighImportance {
			t.Error("仍要合并 is highlighted as the default")
		}
		return top
	}
	unchanged := func(how string) {
		t.Helper()
		if overlays.Top() != nil {
			t.Fatalf("after %s a dialog is still open", how)
		}
		if now, _ := os.ReadFile(ours); !bytes.Equal(now, before) || schools() != n0 {
			t.Fatalf("after %s the file changed", how)
		}
	}

	uitest.Tap(t, ask(), "取消")
	unchanged("取消")

	ask()
	a.Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	unchanged("Enter")

	uitest.Tap(t, ask(), "仍要合并")
	top := overlays.Top()
	if top == nil || uitest.Button(top, "合并") == nil {
		t.Fatal("仍要合并 did not go on to the merge")
	}
	uitest.Tap(t, top, "合并")
	waitFor(t, func() bool { return schools() == n0+len(other.Schools) })
}
