package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// FocusEntry is an entry that tells its form when it gains focus, so that
// the form scrolls the field into view (Tab moves to fields below the
// visible part of the page).
type FocusEntry struct {
	widget.Entry
	onFocus func()
}

func newFocusEntry(multi bool) *FocusEntry {
	e := &FocusEntry{}
	e.MultiLine = multi
	if multi {
		e.Wrapping = fyne.TextWrapWord
		// The box grows with its text: the page scrolls, not the box.
		e.Scroll = fyne.ScrollNone
	}
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab is false even for a text box of several lines: Tab moves on
// to the next field, as everywhere in the form, rather than typing a tab.
func (e *FocusEntry) AcceptsTab() bool { return false }

// FocusGained scrolls the field into view.
func (e *FocusEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus()
	}
}

// FocusSelect is a select that tells its form when it gains focus.
type FocusSelect struct {
	widget.Select
	onFocus func()
}

func newFocusSelect(options []string, changed func(string)) *FocusSelect {
	s := &FocusSelect{}
	s.Options = options
	s.OnChanged = changed
	s.ExtendBaseWidget(s)
	return s
}

// FocusGained scrolls the field into view.
func (s *FocusSelect) FocusGained() {
	s.Select.FocusGained()
	if s.onFocus != nil {
		s.onFocus()
	}
}

// wheelRelay lies over an input and hands the mouse wheel to the page's
// scroll. Without it the wheel over an entry goes to the entry's own
// (horizontal) scroller and is lost: with inputs filling most of a form,
// 400 notches moved the page ~50 px. Fyne gives the wheel to the last
// scrollable under the mouse, which is this relay; taps and hovers pass
// through it to the input below, as it handles neither.
type wheelRelay struct {
	widget.BaseWidget
	target func() fyne.Scrollable
}

func newWheelRelay(target func() fyne.Scrollable) *wheelRelay {
	r := &wheelRelay{target: target}
	r.ExtendBaseWidget(r)
	return r
}

// wheelStep multiplies a wheel notch (Fyne moves a scroll 25 px, about
// half a form row) to about three rows of a form.
const wheelStep = 5

func (r *wheelRelay) Scrolled(ev *fyne.ScrollEvent) {
	if t := r.target(); t != nil {
		e := *ev
		e.Scrolled = fyne.NewDelta(ev.Scrolled.DX*wheelStep, ev.Scrolled.DY*wheelStep)
		t.Scrolled(&e)
	}
}

func (r *wheelRelay) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}
