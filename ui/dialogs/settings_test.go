package dialogs

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"junheng/app/eval"
	"junheng/ui/session"
)

// The dialog shows every rule switch of the command line with the value
// of the settings, and hands back exactly what is on screen: each
// combination of the switches round-trips, 特殊教育学校 included, and a
// threshold of 0 stays 0 (it once became the default 50).
func TestSettingsDialogRoundTripsTheRules(t *testing.T) {
	w := saveWindow(t)
	for mask := 0; mask < 1<<(len(eval.Switches)-1); mask++ {
		for _, threshold := range []int{0, 1, 50, 120} {
			want := eval.Options{}
			bit := 0
			for _, sw := range eval.Switches {
				if sw.Int != nil {
					*sw.Int(&want) = threshold
					continue
				}
				*sw.Bool(&want) = mask&(1<<bit) != 0
				bit++
			}
			cur := session.Settings{User: "张老师", Office: "义马市教育体育局", BackupsKept: 10, Scale: 1, Rules: want}
			var got *session.Settings
			d := Settings(cur, w, func(s session.Settings) { got = &s })
			if len(d.Checks)+len(d.Numbers) != len(eval.Switches) {
				t.Fatalf("the dialog has %d rule controls for %d switches", len(d.Checks)+len(d.Numbers), len(eval.Switches))
			}
			test.Tap(d.Save)
			if got == nil {
				t.Fatalf("%+v: not saved: %s", want, d.Msg.Text)
			}
			if got.Rules != want {
				t.Fatalf("dialog turned %+v into %+v", want, got.Rules)
			}
		}
	}
}

// What the clerk ticks and types is what the settings get.
func TestSettingsDialogTakesTheClerksChoice(t *testing.T) {
	w := saveWindow(t)
	var got *session.Settings
	d := Settings(session.Settings{User: "张老师", Office: "义马市教育体育局", BackupsKept: 10, Scale: 1, Rules: eval.DefaultOptions()}, w, func(s session.Settings) { got = &s })
	d.Checks["include-special"].SetChecked(true)
	d.Numbers["tp-threshold"].SetText("０") // a full-width zero, as an IME types it
	d.User.SetText("李老师")
	test.Tap(d.Save)
	if got == nil {
		t.Fatalf("not saved: %s", d.Msg.Text)
	}
	if !got.Rules.IncludeSpecial || got.Rules.TeachingPointThreshold != 0 || got.User != "李老师" {
		t.Fatalf("settings %+v", *got)
	}
	d = Settings(*got, w, func(s session.Settings) { t.Fatal("a negative threshold was saved") })
	d.Numbers["tp-threshold"].SetText("-5")
	test.Tap(d.Save)
	if d.Msg.Text == "" {
		t.Fatal("a negative threshold was refused without a word")
	}
}
