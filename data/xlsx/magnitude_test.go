package xlsx

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// Issue 21 §7, as found: 767,000 元 typed as 76.7 (万元) into 核拨公用经费（元）
// passed, and a header whose unit was changed to 万元 was refused saying
// only to change the header back. A value 1,000 times off the one it
// replaces stops the import naming the likely mix-up until the clerk
// accepts it; the header refusal says to convert the numbers too.
func TestUnitMixUpsStopTheImport(t *testing.T) {
	s, before := demoStore(t)
	sc := before.Schools[0]
	if sc.PublicFundsAllocated == nil || *sc.PublicFundsAllocated < 10000 {
		t.Fatalf("the demo's first school has no funds to mistype: %v", sc.PublicFundsAllocated)
	}
	wan := *sc.PublicFundsAllocated / 10000
	x := openBook(t, fullBookOf(t, before))
	ref := setCell(t, x, "经费与招生", hdrID, sc.ID, "核拨公用经费（元）", wan)
	_, err := importInto(s, saveBook(t, x), "万元.xlsx", before.Year)
	var me *ErrMagnitude
	if !errors.As(err, &me) || !strings.Contains(err.Error(), ref) || !strings.Contains(err.Error(), "万元当成了元") || !strings.Contains(err.Error(), "--accept-magnitude") {
		t.Errorf("76.7 for 767,000 元: %v", err)
	}
	sameValues(t, "after the refused import", loadYear(t, s, before.Year), before)

	imp, err := ReadWorkbook(bytes.NewReader(saveBook(t, x)), "万元.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	p, err := PlanFor(s, imp, before.Year)
	if err != nil {
		t.Fatal(err)
	}
	p.AcceptMagnitude = true
	if err := Apply(s, p); err != nil {
		t.Errorf("accepted: %v", err)
	}

	x = openBook(t, fullBookOf(t, before))
	col := headerIndex(t, x, "经费与招生", "核拨公用经费（元）")
	x.SetCellValue("经费与招生", cellAt(col, 1), "核拨公用经费（万元）")
	if _, err := ReadWorkbook(bytes.NewReader(saveBook(t, x)), "改单位.xlsx"); err == nil || !strings.Contains(err.Error(), "换算") {
		t.Errorf("header with 万元: %v", err)
	}
}
