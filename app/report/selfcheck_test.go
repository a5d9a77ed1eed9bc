package report_test

import (
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/proofread"
	"junheng/assets/demo"
)

// eval --text showed no 材料自查: the demo's narrative states a growth of
// 14.38 % that its own amounts contradict, and the report must say so with
// the sentence, the stated and the computed value.
func TestTextReportListsContradictions(t *testing.T) {
	f := demo.File()
	found := proofread.Check(f, eval.Run(f))
	if len(found) == 0 {
		t.Fatal("the demo's 14.38% claim is no longer a contradiction; the test needs another")
	}
	text := textOf(f, eval.DefaultOptions())
	i := strings.Index(text, "【材料自查】")
	if i < 0 {
		t.Fatalf("no 材料自查 section:\n%s", text)
	}
	section := text[i:]
	for _, c := range found {
		for _, want := range []string{c.Stated, c.Computed, c.Text, proofread.WhereName(c.Where)} {
			if !strings.Contains(section, want) {
				t.Errorf("材料自查 lacks %q of %+v:\n%s", want, c, section)
			}
		}
	}
	if strings.Contains(section, proofread.NoneFound) {
		t.Error("says none were found while listing some")
	}
}

// Without any contradicting text the section says none were found.
func TestTextReportSaysNoContradiction(t *testing.T) {
	f := demo.File()
	f.County.Narrative = county.Narrative{}
	text := textOf(f, eval.DefaultOptions())
	i := strings.Index(text, "【材料自查】")
	if i < 0 || !strings.Contains(text[i:], proofread.NoneFound) {
		t.Fatalf("no 材料自查 line saying none were found:\n%s", text[max(i, 0):])
	}
}
