package dossier

import (
	"slices"
	"testing"

	"junheng/assets/demo"
)

func TestParseSections(t *testing.T) {
	got, err := ParseSections("封面，resource, 整改清单")
	if err != nil || !slices.Equal(got, []Section{Cover, Resource, Todo}) {
		t.Errorf("got %v, %v", got, err)
	}
	if got, err := ParseSections("all"); err != nil || !slices.Equal(got, AllSections) {
		t.Errorf("all: got %v, %v", got, err)
	}
	for _, bad := range []string{"", "封底", "cover,xyz"} {
		if _, err := ParseSections(bad); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
	for _, s := range AllSections {
		if SectionNames[s] == "" {
			t.Errorf("section %s has no Chinese name", s)
		}
	}
}

func TestSectionsPrintOnlyWhatIsAsked(t *testing.T) {
	dd := build(t, demo.File(), Options{Sections: []Section{Survey}, Date: fixedDate})
	if len(dd.pages) != 1 || len(dd.pagesWith("社会认可度", "调查对象")) != 1 {
		t.Errorf("the survey alone should be one page, got %d", len(dd.pages))
	}
	if len(dd.pagesWith("资源配置")) != 0 || len(dd.pagesWith("目录")) != 0 {
		t.Error("sections that were not asked for are printed")
	}
}
