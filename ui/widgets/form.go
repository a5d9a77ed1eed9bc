// Package widgets holds the GUI's reusable pieces: the labelled input form
// that reads its values on save, the coloured result cell and the bar chart.
package widgets

import (
	"errors"
	"image/color"

	"fyne.io/fyne/v2/canvas"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	ftheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
)

// Field is one input of a form over a value of type T. Its widget holds the
// text as typed; the value is parsed only when the form is read (Fyne has no
// IME preedit, so nothing is bound keystroke by keystroke).
type Field[T any] struct {
	Path  string // field path as in county.Problem.Field
	Label string
	Unit  string
	Hint  string

	load    func(*T) string
	store   func(*T, string) string // returns a message, "" when fine
	check   func(string) string     // numbers: the message for a bad text, checked as typed
	choices []string                // a Select instead of an Entry
	multi   bool                    // multi-line entry (evidence)

	Entry  *widget.Entry
	Select *widget.Select
	Msg    *widget.Label
}

// Text returns what the widget holds.
func (f *Field[T]) Text() string {
	if f.Select != nil {
		return f.Select.Selected
	}
	return f.Entry.Text
}

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

// SetMessage shows a validation message beside the field ("" clears it).
func (f *Field[T]) SetMessage(m string) {
	f.Msg.SetText(m)
	if m == "" {
		f.Msg.Hide()
	} else {
		f.Msg.Show()
	}
}

// Form is an ordered list of fields in sections, laid out in the order of
// the paper form so that Tab follows it.
type Form[T any] struct {
	Fields   []*Field[T]
	sections []section[T]
	dirty    bool
	loading  bool
	// OnDirty runs when the user first changes something after a load.
	OnDirty func()
}

type section[T any] struct {
	title  string
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
		f.Msg = widget.NewLabel("")
		f.Msg.Importance = widget.DangerImportance
		f.Msg.Wrapping = fyne.TextWrapWord
		f.Msg.Hide()
		if f.choices != nil {
			f.Select = widget.NewSelect(f.choices, func(string) { fm.changed() })
			f.Select.PlaceHolder = "未填报"
		} else {
			if f.multi {
				f.Entry = widget.NewMultiLineEntry()
				f.Entry.SetMinRowsVisible(2)
				f.Entry.Wrapping = fyne.TextWrapWord
			} else {
				f.Entry = widget.NewEntry()
			}
			f.Entry.PlaceHolder = "未填报"
			f.Entry.OnChanged = func(string) { fm.changed() }
			if f.check != nil {
				// A number field flags a bad text at once (the value is
				// still read only on save).
				field := f
				f.Entry.Validator = func(s string) error {
					if m := field.check(strings.TrimSpace(s)); m != "" {
						return errors.New(m)
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
		last.fields = append(last.fields, f)
		fm.Fields = append(fm.Fields, f)
	}
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

// Dirty reports whether the user changed something since the last load.
func (fm *Form[T]) Dirty() bool { return fm.dirty }

// Load shows v in the fields and clears messages and the dirty flag.
func (fm *Form[T]) Load(v *T) {
	fm.loading = true
	for _, f := range fm.Fields {
		f.setText(f.load(v))
		f.SetMessage("")
	}
	fm.loading = false
	fm.dirty = false
}

// Read parses every field into v and shows a message beside each field that
// does not parse; it reports whether all parsed.
func (fm *Form[T]) Read(v *T) bool {
	ok := true
	for _, f := range fm.Fields {
		m := f.store(v, strings.TrimSpace(f.Text()))
		f.SetMessage(m)
		if m != "" {
			ok = false
		}
	}
	return ok
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
		if f, ok := byPath[path]; ok {
			msg := p.Message
			if f.Msg.Text != "" {
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

// Object lays the form out: per section a title and a two-column grid of
// label and input (with unit, hint and message under the input).
func (fm *Form[T]) Object() fyne.CanvasObject {
	box := container.NewVBox()
	for _, s := range fm.sections {
		if s.title != "" {
			t := widget.NewLabelWithStyle(s.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			box.Add(t)
		}
		grid := container.New(layout.NewFormLayout())
		for _, f := range s.fields {
			label := widget.NewLabel(f.Label)
			label.Alignment = fyne.TextAlignTrailing
			var input fyne.CanvasObject = f.Entry
			if f.Select != nil {
				input = f.Select
			}
			// A fixed-width unit column keeps the inputs of a section aligned.
			strut := canvas.NewRectangle(color.Transparent)
			strut.SetMinSize(fyne.NewSize(52, 1))
			unit := container.NewStack(strut, widget.NewLabel(f.Unit))
			row := container.NewBorder(nil, nil, nil, unit, input)
			col := container.NewVBox(row)
			if f.Hint != "" {
				h := widget.NewLabel(f.Hint)
				h.Importance = widget.LowImportance
				h.Wrapping = fyne.TextWrapWord
				h.SizeName = ftheme.SizeNameCaptionText
				col.Add(h)
			}
			col.Add(f.Msg)
			grid.Add(label)
			grid.Add(col)
		}
		box.Add(grid)
	}
	return box
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
