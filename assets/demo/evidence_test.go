package demo

import (
	"path/filepath"
	"testing"

	"junheng/app/evidence"
	"junheng/data"
)

// The demo's 40 attachments go into a data file of the demo county: each
// item and school they name exists, no two are the same bytes for the
// same item, and they answer part of the checklists (the 首页 still shows
// gaps, as a county in preparation has).
func TestDemoEvidenceAttaches(t *testing.T) {
	f := File()
	adds, err := Evidence(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(adds) != 40 {
		t.Fatalf("%d demo attachments, want 40", len(adds))
	}
	s, err := data.Create(filepath.Join(t.TempDir(), "demo.db"), data.Settings{Office: "义马市教体局", User: "演示"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.ImportFile(f, "演示数据"); err != nil {
		t.Fatal(err)
	}
	lists, _ := s.Checklists(f.Year)
	var refs []evidence.SchoolRef
	for _, sc := range f.Schools {
		refs = append(refs, evidence.SchoolRef{ID: sc.ID, Name: sc.Name})
	}
	before := len(evidence.Missing(lists, nil, refs))
	if err := s.SaveEvidence(f.Year, evidence.Edit{Add: adds}); err != nil {
		t.Fatal(err)
	}
	as, err := s.Attachments(f.Year)
	if err != nil || len(as) != 40 {
		t.Fatalf("%d attachments stored, %v", len(as), err)
	}
	after := len(evidence.Missing(lists, as, refs))
	if after == 0 || after >= before {
		t.Errorf("gaps before %d, after %d: the demo should answer some and leave some", before, after)
	}
	photos := 0
	for _, a := range as {
		if a.Kind == evidence.KindPhoto {
			photos++
		}
	}
	t.Logf("%d photos, %d gaps left", photos, after)
}
