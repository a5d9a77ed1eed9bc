package xlsx

import (
	"errors"
	"strings"
	"testing"

	"junheng/app/county"
)

// Issue 21 §7, as found: a county workbook whose 县级基本情况 holds another
// county's name or code applied as an ordinary change (import-json and
// merge demand --other-county for this), and a schools' workbook whose
// 说明 names another county was never compared. Both are refused, naming
// both counties, until the clerk consents; then they apply.
func TestWorkbookOfAnotherCountyNeedsConsent(t *testing.T) {
	s, before := demoStore(t)
	rename := openBook(t, fullBookOf(t, before))
	setCell(t, rename, "县级基本情况", hdrItem, "县（市、区）名称", hdrValue, "渑池县")
	schools := []county.School{*clone(&before.Schools[0])}
	books := 12345
	schools[0].Books = &books
	other := &county.File{Format: county.Format, Year: before.Year, County: county.Profile{Name: "渑池县"}, Schools: schools}
	for _, c := range []struct {
		name string
		book []byte
	}{{"渑池县学校.xlsx", templateOf(t, other, "")}, {"改名.xlsx", saveBook(t, rename)}} {
		name, book := c.name, c.book
		saved := loadYear(t, s, before.Year)
		imp, err := ReadWorkbook(strings.NewReader(string(book)), name)
		if err != nil {
			t.Fatal(err)
		}
		p, err := PlanFor(s, imp, before.Year)
		if err != nil {
			t.Fatal(err)
		}
		p.AddNewSchools = true
		err = Apply(s, p)
		var oc *ErrOtherCounty
		if !errors.As(err, &oc) || !strings.Contains(err.Error(), "渑池县") || !strings.Contains(err.Error(), before.County.Name) || !strings.Contains(err.Error(), "--other-county") {
			t.Errorf("%s: %v", name, err)
		}
		sameValues(t, name+" refused", loadYear(t, s, before.Year), saved)
		p.AcceptOtherCounty = true
		if err := Apply(s, p); err != nil {
			t.Errorf("%s with consent: %v", name, err)
		}
	}
	if got := loadYear(t, s, before.Year); got.County.Name != "渑池县" {
		t.Errorf("the consented rename was not applied: %q", got.County.Name)
	}
}
