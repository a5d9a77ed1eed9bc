// Package widgets holds the GUI's reusable pieces: the labelled input form
// over a copy of a record, the coloured result cell and the bar chart.
package widgets

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	ftheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/ui/entry"
)

// msgWidth is the room kept right of every input for its message, so that
// a message appearing never moves the fields below (no layout jump).
const msgWidth = 300

// minMsgWidth is the least room a hint or message gets.
const minMsgWidth = 160

// Field is one input of a form over a value of type T: the field of
// package entry with its widgets. The widget holds the text as typed; the
// value is parsed only when the form is read (Fyne has no IME preedit, so
// nothing is bound keystroke by keystroke).
type Field[T any] struct {
	*entry.Field[T]

	Entry  *FocusEntry
	Select *FocusSelect
	Msg    *widget.Label

	base      string // the text loaded: a field is edited when it differs
	border    *canvas.Rectangle
	highlight *canvas.Rectangle
	label     *widget.Label
	hint      *widget.Label     // beside the input while it shows no message
	cell      fyne.CanvasObject // the label's cell of the grid
	col       fyne.CanvasObject
	shown     bool
}

// Text returns what the widget holds ("" for 未填报).
func (f *Field[T]) Text() string {
	if f.Select != nil {
		if f.Select.Selected == Unanswered {
			return ""
		}
		return f.Select.Selected
	}
	return strings.TrimSpace(f.Entry.Text)
}

// Edited reports whether the clerk changed the field since it was loaded.
func (f *Field[T]) Edited() bool { return f.Text() != f.base }

func (f *Field[T]) setText(s string) {
	if f.Select != nil {
		if s == "" || s == Unanswered {
			f.Select.ClearSelected()
		} else {
			f.Select.SetSelected(s)
		}
		return
	}
	f.Entry.SetText(s)
}

// SetMessage shows a validation message beside the field and a red border
// around its input ("" clears both).
func (f *Field[T]) SetMessage(m string) {
	if f.Msg.Text == m {
		return
	}
	f.Msg.SetText(m)
	if m == "" {
		f.Msg.Hide()
		f.border.Hide()
		if f.hint != nil {
			f.hint.Show()
		}
	} else {
		f.Msg.Show()
		f.border.Show()
		if f.hint != nil {
			f.hint.Hide() // the message takes its place
		}
	}
}

// Flagged reports whether the field shows a message with its red border.
func (f *Field[T]) Flagged() bool { return f.Msg.Text != "" && f.border.Visible() }

// Highlighted reports whether the field is marked as the one to fix.
func (f *Field[T]) Highlighted() bool { return f.highlight.Visible() }

// Visible reports whether the field is on the form for the loaded record.
func (f *Field[T]) Visible() bool { return f.shown }

func (f *Field[T]) focusable() fyne.Focusable {
	if f.Select != nil {
		return f.Select
	}
	return f.Entry
}

// Problem is a field the form refused, for the list under the title.
type Problem struct {
	Path, Label, Text, Msg string
}

func (p Problem) String() string {
	if p.Text == "" {
		return p.Label + "：" + p.Msg
	}
	return fmt.Sprintf("%s「%s」：%s", p.Label, p.Text, p.Msg)
}

// Conflict is a field the clerk changed whose stored value also changed
// after the form loaded it (a merge, a restore, another program's save).
type Conflict struct {
	Label, Loaded, Stored, Typed string
}

// Form is an ordered list of fields in sections, laid out in the order of
// the paper form so that Tab follows it. It works on its own deep copy of
// the record: loading, showing or cancelling never touches the caller's.
type Form[T any] struct {
	Fields   []*Field[T]
	sections []section[T]
	loading  bool
	dirty    bool
	// OnDirty runs when the user first changes something after a load.
	OnDirty func()
	// Show decides which fields belong on the form for a record (the
	// stages of a school); nil shows every field. A field holding a value
	// other than 0 is always shown, so that nothing stored is hidden.
	Show func(f *entry.Field[T], v *T) bool
	// Scroll is the scroll container the form sits in: focusing a field
	// scrolls it into view, the wheel over an input scrolls it.
	Scroll *container.Scroll
	// Version is the session version of what was loaded (see session.Version).
	Version uint64
	// OnChoice runs when a pick-list field changes (the school type
	// decides which fields are shown).
	OnChoice func(path string)
	// OnEdit runs after every change the clerk makes to a field, once its
	// message was cleared if the value is now fine (a page's summary of
	// the problems left follows).
	OnEdit func()
	loaded T
}

type section[T any] struct {
	title  string
	label  *widget.Label
	fields []*Field[T]
}

// Section starts a new titled group of fields.
func (fm *Form[T]) Section(title string) { fm.sections = append(fm.sections, section[T]{title: title}) }

// Add appends fields to the current section.
func (fm *Form[T]) Add(fields ...*Field[T]) {
	if len(fm.sections) == 0 {
		fm.Section("")
	}
	last := &fm.sections[len(fm.sections)-1]
	for _, f := range fields {
		fm.build(f)
		last.fields = append(last.fields, f)
		fm.Fields = append(fm.Fields, f)
	}
}

func (fm *Form[T]) build(f *Field[T]) {
	field := f
	f.shown = true
	f.Msg = widget.NewLabel("")
	f.Msg.Importance = widget.DangerImportance
	f.Msg.Wrapping = fyne.TextWrapWord
	f.Msg.Hide()
	f.border = canvas.NewRectangle(color.Transparent)
	f.border.StrokeColor = color.NRGBA{R: 0xd3, G: 0x2f, B: 0x2f, A: 0xff}
	f.border.StrokeWidth = 2
	f.border.CornerRadius = 4
	f.border.Hide()
	f.highlight = canvas.NewRectangle(color.NRGBA{R: 0xff, G: 0xe0, B: 0x82, A: 0xb0})
	f.highlight.CornerRadius = 4
	f.highlight.Hide()
	focus := func() { fm.ScrollTo(field) }
	if f.Choices != nil {
		f.Select = newFocusSelect(f.Choices, func(string) {
			fm.changed()
			if !fm.loading && fm.OnChoice != nil {
				fm.OnChoice(field.Path)
			}
			fm.edited()
		})
		f.Select.PlaceHolder = Unanswered
		f.Select.onFocus = focus
		return
	}
	f.Entry = newFocusEntry(f.Multi)
	if f.Multi {
		f.Entry.SetMinRowsVisible(multiRows(f.Field))
	}
	f.Entry.PlaceHolder = Unanswered
	f.Entry.onFocus = focus
	f.Entry.OnChanged = func(string) {
		fm.changed()
		// An error clears as soon as the value is fixed.
		if field.Msg.Text != "" && (field.Check == nil || field.Check(field.Text()) == "") {
			field.SetMessage("")
		}
		fm.edited()
	}
	if f.Check != nil {
		// A number field flags a bad text when the clerk leaves it (the
		// value is still read only on save).
		f.Entry.Validator = func(s string) error {
			if m := field.Check(strings.TrimSpace(s)); m != "" {
				return fmt.Errorf("%s", m)
			}
			return nil
		}
		f.Entry.SetOnValidationChanged(func(err error) {
			if fm.loading {
				return
			}
			if err != nil {
				field.SetMessage(err.Error())
			} else {
				field.SetMessage("")
			}
		})
	}
}

// multiRows is how many lines a text box shows: six for the long texts
// of the application (申报表), two for an evidence note.
func multiRows[T any](f *entry.Field[T]) int {
	if f.Spec != nil && f.Spec.MaxLen >= county.NarrativeMaxLn {
		return 6
	}
	return 2
}

func (fm *Form[T]) changed() {
	if fm.loading || fm.dirty {
		return
	}
	fm.dirty = true
	if fm.OnDirty != nil {
		fm.OnDirty()
	}
}

func (fm *Form[T]) edited() {
	if !fm.loading && fm.OnEdit != nil {
		fm.OnEdit()
	}
}

// Dirty reports whether a field differs from what was loaded.
func (fm *Form[T]) Dirty() bool {
	for _, f := range fm.Fields {
		if f.Edited() {
			return true
		}
	}
	return false
}

// Load shows a deep copy of v in the fields and clears messages; v itself
// is never written (reading a field may create a block in the copy only).
func (fm *Form[T]) Load(v *T) {
	fm.loaded = entry.Clone(*v)
	fm.loading = true
	for _, f := range fm.Fields {
		f.base = f.Load(&fm.loaded)
		f.setText(f.base)
		f.SetMessage("")
		f.highlight.Hide()
	}
	fm.loading = false
	fm.dirty = false
	fm.Refilter()
}

// Loaded returns a deep copy of the record as loaded (Read applies the
// changed fields onto it when there is no newer stored record to use).
func (fm *Form[T]) Loaded() T { return entry.Clone(fm.loaded) }

// Rebase takes a newer stored record under the form: fields the clerk did
// not change show the new value, changed ones keep what was typed (and
// their old base, so that Conflicts can ask before overwriting).
func (fm *Form[T]) Rebase(v *T) {
	fm.loaded = entry.Clone(*v)
	fm.loading = true
	for _, f := range fm.Fields {
		if f.Edited() {
			continue
		}
		f.base = f.Load(&fm.loaded)
		f.setText(f.base)
	}
	fm.loading = false
	fm.Refilter()
}

// Conflicts lists the changed fields whose stored value in v is no longer
// the one the clerk saw when typing.
func (fm *Form[T]) Conflicts(v *T) []Conflict {
	now := entry.Clone(*v)
	var out []Conflict
	for _, f := range fm.Fields {
		if !f.Edited() {
			continue
		}
		if s := f.Load(&now); s != f.base {
			out = append(out, Conflict{Label: f.Label, Loaded: f.base, Stored: s, Typed: f.Text()})
		}
	}
	return out
}

// Refilter shows the fields that belong on the form for the record as
// loaded and typed (a changed school type changes the stages shown).
func (fm *Form[T]) Refilter() {
	cur := entry.Clone(fm.loaded)
	if fm.Show != nil {
		for _, f := range fm.Fields { // what is typed decides (the type)
			if f.Choices != nil && f.Edited() {
				f.Store(&cur, f.Text())
			}
		}
	}
	for _, s := range fm.sections {
		any := false
		for _, f := range s.fields {
			show := fm.Show == nil || fm.Show(f.Field, &cur) || holds(f.Text()) || holds(f.base)
			f.shown = show
			if f.label != nil {
				if show {
					f.cell.Show()
					f.col.Show()
				} else {
					f.cell.Hide()
					f.col.Hide()
				}
			}
			any = any || show
		}
		if s.label != nil {
			if any {
				s.label.Show()
			} else {
				s.label.Hide()
			}
		}
	}
}

// holds reports whether a text is a value worth showing even on a field
// the record does not need (a 0 for a stage the school lacks is not).
func holds(text string) bool { return text != "" && text != "0" }

// Read parses the fields the clerk changed into v (the record as stored
// now) and shows a message beside each field that does not parse; fields
// not changed are left as they are in v. It reports whether all parsed.
func (fm *Form[T]) Read(v *T) bool {
	ok := true
	for _, f := range fm.Fields {
		if !f.Edited() {
			continue
		}
		m := f.Store(v, f.Text())
		f.SetMessage(m)
		if m != "" {
			ok = false
		}
	}
	return ok
}

// Problems lists the fields that show a message, in form order.
func (fm *Form[T]) Problems() []Problem {
	var out []Problem
	for _, f := range fm.Fields {
		if f.Msg.Text != "" {
			out = append(out, Problem{Path: f.Path, Label: f.Label, Text: f.Text(), Msg: f.Msg.Text})
		}
	}
	return out
}

// FocusFirstProblem focuses the first field showing a message.
func (fm *Form[T]) FocusFirstProblem() {
	for _, f := range fm.Fields {
		if f.Msg.Text != "" {
			fm.Focus(f.Path, false)
			return
		}
	}
}

// ShowProblems puts each problem's message beside its field; problems of
// fields not on the form are returned for the caller to show elsewhere.
func (fm *Form[T]) ShowProblems(ps []county.Problem) (rest []county.Problem) {
	byPath := map[string]*Field[T]{}
	for _, f := range fm.Fields {
		byPath[f.Path] = f
	}
	for _, p := range ps {
		path := p.Field
		if i := strings.Index(path, "["); i >= 0 { // music_rooms[1] → music_rooms
			path = path[:i]
		}
		if f, ok := byPath[path]; ok && f.shown {
			msg := p.Message
			if f.Msg.Text != "" && !strings.Contains(f.Msg.Text, msg) {
				msg = f.Msg.Text + "；" + msg
			}
			f.SetMessage(msg)
		} else {
			rest = append(rest, p)
		}
	}
	return rest
}

// Field returns the field with a path, or nil.
func (fm *Form[T]) Field(path string) *Field[T] {
	for _, f := range fm.Fields {
		if f.Path == path {
			return f
		}
	}
	return nil
}

// Focus puts the keyboard focus on a field, scrolls to it and, when mark
// is set, highlights it for a few seconds (整改清单 → the field to fix).
// It reports whether the field is on the form. A form not on screen yet
// (the window opening on this field) is focused once it is laid out.
func (fm *Form[T]) Focus(path string, mark bool) bool {
	f := fm.Field(path)
	if f == nil || !f.shown {
		return false
	}
	if mark {
		for _, o := range fm.Fields {
			o.highlight.Hide()
		}
		f.highlight.Show()
	}
	fm.focusWhenShown(f, mark, 30)
	return true
}

func (fm *Form[T]) focusWhenShown(f *Field[T], mark bool, tries int) {
	c := fyne.CurrentApp().Driver().CanvasForObject(f.focusable().(fyne.CanvasObject))
	if (c == nil || fm.Scroll == nil || fm.Scroll.Size().Height <= 0) && tries > 0 {
		time.AfterFunc(100*time.Millisecond, func() { fyne.Do(func() { fm.focusWhenShown(f, mark, tries-1) }) })
		return
	}
	if c != nil {
		c.Focus(f.focusable())
	}
	fm.ScrollTo(f)
	if mark {
		time.AfterFunc(4*time.Second, func() { fyne.Do(f.highlight.Hide) })
	}
}

// ScrollTo moves the form's scroll so that a field's row is in view.
func (fm *Form[T]) ScrollTo(f *Field[T]) {
	if fm.Scroll == nil || f.label == nil || fm.Scroll.Content == nil || fm.Scroll.Size().Height <= 0 {
		return // not laid out yet
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(f.label).Y - d.AbsolutePositionForObject(fm.Scroll.Content).Y
	h := fyne.Max(f.label.Size().Height, f.col.Size().Height)
	view := fm.Scroll.Size().Height
	off := fm.Scroll.Offset
	pad := float32(24)
	switch {
	case top < off.Y:
		off.Y = fyne.Max(0, top-pad)
	case top+h > off.Y+view:
		off.Y = top + h - view + pad
	default:
		return
	}
	fm.Scroll.ScrollToOffset(off)
}

func (fm *Form[T]) wheelTarget() fyne.Scrollable {
	if fm.Scroll == nil {
		return nil
	}
	return fm.Scroll
}

// Object lays the form out: per section a title and a two-column grid of
// label and input, the label column as wide in every section (the inputs
// of the whole form start at one place); the unit follows the input, the
// hint (or, in its place, the message, with a red border round the input)
// sits in room kept beside it, so that a row is one input high and a
// message never moves the rows below. The mouse wheel anywhere over the
// form scrolls it by about three rows a notch.
func (fm *Form[T]) Object() fyne.CanvasObject {
	labelW := float32(0)
	for _, f := range fm.Fields {
		labelW = max(labelW, fyne.MeasureText(f.Label, ftheme.TextSize(), fyne.TextStyle{}).Width+2*ftheme.InnerPadding())
	}
	box := container.NewVBox()
	for i := range fm.sections {
		s := &fm.sections[i]
		if s.title != "" {
			s.label = widget.NewLabelWithStyle(s.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			box.Add(s.label)
		}
		grid := container.New(layout.NewFormLayout())
		for _, f := range s.fields {
			f.label = widget.NewLabel(f.Label)
			f.label.Alignment = fyne.TextAlignTrailing
			lstrut := canvas.NewRectangle(color.Transparent)
			lstrut.SetMinSize(fyne.NewSize(labelW, 1))
			input := f.focusable().(fyne.CanvasObject)
			framed := container.NewStack(f.highlight, input, f.border, newWheelRelay(fm.wheelTarget))
			// A fixed-width unit column keeps the inputs of a section
			// aligned.
			strut := canvas.NewRectangle(color.Transparent)
			strut.SetMinSize(fyne.NewSize(52, 1))
			unit := container.NewStack(strut, widget.NewLabel(f.Unit))
			row := container.NewBorder(nil, nil, nil, unit, framed)
			side := container.NewStack(f.Msg)
			if f.Hint != "" {
				f.hint = widget.NewLabel(f.Hint)
				f.hint.Importance = widget.LowImportance
				f.hint.Wrapping = fyne.TextWrapWord
				f.hint.SizeName = ftheme.SizeNameCaptionText
				if f.Msg.Visible() {
					f.hint.Hide()
				}
				side.Objects = []fyne.CanvasObject{f.hint, f.Msg}
			}
			col := container.New(beside{}, row, side)
			f.col = col
			f.cell = container.NewStack(lstrut, f.label)
			grid.Add(f.cell)
			grid.Add(col)
		}
		box.Add(grid)
	}
	fm.Refilter()
	return container.NewStack(box, newWheelRelay(fm.wheelTarget))
}

// beside lays out a field's column: the input (with its unit) and, in
// room kept to its right, the hint or the message. They count for the
// width only: a long one wraps within the room and may run past the row,
// but the rows below never move.
type beside struct{}

func (beside) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return objs[0].MinSize().AddWidthHeight(minMsgWidth+ftheme.Padding(), 0)
}

// sideWidth is the room of the hint or message in a column of width w:
// msgWidth where there is room, less (down to minMsgWidth) on a narrow
// window or at 125 %, so that the input keeps half or more.
func sideWidth(w float32) float32 {
	return fyne.Max(minMsgWidth, fyne.Min(msgWidth, w*0.45))
}

func (beside) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	side := sideWidth(size.Width)
	w := size.Width - side - ftheme.Padding()
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(w, size.Height))
	objs[1].Move(fyne.NewPos(w+ftheme.Padding(), 0))
	objs[1].Resize(fyne.NewSize(side, fyne.Max(size.Height, objs[1].MinSize().Height)))
}

// Message is a red line of text that takes no room while empty.
type Message struct{ *widget.Label }

// NewMessage returns an empty, hidden message.
func NewMessage() Message {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return Message{l}
}

// SetText shows the message, or hides it when empty.
func (m Message) SetText(s string) {
	m.Label.SetText(s)
	if s == "" {
		m.Hide()
	} else {
		m.Show()
	}
}
