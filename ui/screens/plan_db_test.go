package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"junheng/app/plan"
	"junheng/assets/demo"
	"junheng/ui/session"
)

// The settings and the 整改台账 rows of 达标规划 reach the data file like
// any county fact: stored, read back, and in the audit trail with the user.
func TestPlanSettingsAndLedgerIntoTheDatabase(t *testing.T) {
	d := newOnDB(t, "义马市.db", demo.Bare(), session.Settings{User: "张老师", Office: "督导室"}) // no ledger yet
	p := newPlan(d.env)
	d.win.SetContent(p.Object())
	p.Update()
	test.Type(p.set.cost[plan.KeyGround], "260")
	test.Tap(p.set.on[plan.KeyTransfer])
	if !p.Save() {
		t.Fatalf("save refused: %s", p.msg.Text)
	}
	p.generateNow(t)
	if p.res.pl == nil || len(p.res.pl.Actions) == 0 {
		t.Fatal("no plan with actions on the demo")
	}
	p.res.tabs.SelectIndex(1)
	p.res.tick(0, true)
	tapButton(t, p.Object(), "加入整改台账（1项）")
	if !strings.HasPrefix(p.res.ledger.msg.Text, "已加入整改台账 1项") {
		t.Fatalf("ledger: %s", p.res.ledger.msg.Text)
	}

	f, err := d.st.LoadYear(d.s.Year)
	if err != nil {
		t.Fatal(err)
	}
	pl := f.County.Planning
	if pl == nil || pl.Costs[plan.KeyGround] != 260 || len(pl.Off) != 1 || pl.Off[0] != plan.KeyTransfer {
		t.Fatalf("stored planning block %+v", pl)
	}
	if len(f.County.Rectification) != 1 || f.County.Rectification[0].Measure != p.res.pl.Actions[0].Describe(p.res.names) {
		t.Fatalf("stored 整改台账 %+v", f.County.Rectification)
	}
	hist, err := d.st.History(d.s.Year, "", "")
	if err != nil {
		t.Fatal(err)
	}
	var planning, ledger bool
	for _, c := range hist {
		planning = planning || strings.Contains(c.Field, "planning") && c.User == "张老师"
		ledger = ledger || strings.Contains(c.Field, "rectification") && c.User == "张老师"
	}
	if !planning || !ledger {
		t.Errorf("audit trail lacks the planning block (%v) or the 整改台账 row (%v): %+v", planning, ledger, hist)
	}
}
