package entry

import (
	"strconv"
	"strings"

	"junheng/app/county"
)

// Field is one input over a value of type T: how the stored value reads as
// text and how a typed text is parsed back into it. Load never changes v
// (it reads through nil blocks); Store parses text and, when it is valid,
// writes it into v, returning "" or the Chinese reason it was refused.
type Field[T any] struct {
	Path  string // field path as in county.Problem.Field, list indexes removed
	Label string
	Unit  string
	Hint  string
	// Stage is "primary", "junior" or "senior" when the field belongs to
	// one stage of a school ("" = every school).
	Stage   string
	Choices []string // a pick from a list instead of a text
	Multi   bool     // a multi-line text (evidence)

	// Spec is the field's catalogue entry (nil for a path it does not list).
	Spec *county.FieldSpec

	Load  func(v *T) string
	Store func(v *T, text string) string
	// Check is the reason a text would be refused, without storing it
	// (number fields flag a bad text as soon as the clerk leaves them).
	Check func(text string) string
}

// Label returns the Chinese label of a path without its parenthesised unit
// (the unit is shown after the input).
func Label(path string) string {
	if l := county.FieldLabel(path); l != "" {
		return l
	}
	return path
}

// newField takes label, unit, hint and stage from the field catalogue; the
// arguments are used only for paths the catalogue does not list.
func newField[T any](path, label, unit, hint string) *Field[T] {
	f := &Field[T]{Path: path, Label: label, Unit: unit, Hint: hint}
	if sp, ok := county.Spec(path); ok {
		f.Spec = &sp
		f.Label, f.Unit, f.Stage = sp.Label, sp.Unit, sp.Stage
		if sp.Hint != "" {
			f.Hint = sp.Hint
		}
	}
	if f.Label == "" {
		f.Label = Label(path)
	}
	return f
}

func showInt(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func showFloat(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

// Int is a whole-number field read through get (nil-safe) and written
// through set (which may allocate the block the number lives in).
func IntVia[T any](path, unit, hint string, get func(*T) *int, set func(*T) **int) *Field[T] {
	f := newField[T](path, "", unit, hint)
	f.Check = func(s string) string { _, m := ParseInt(path, s); return m }
	f.Load = func(v *T) string { return showInt(get(v)) }
	f.Store = func(v *T, s string) string {
		n, msg := ParseInt(path, s)
		if msg == "" {
			*set(v) = n
		}
		return msg
	}
	return f
}

// Int is a whole-number field of a value that is always there.
func Int[T any](path, unit, hint string, acc func(*T) **int) *Field[T] {
	return IntVia(path, unit, hint, func(v *T) *int { return *acc(v) }, acc)
}

// Float is a decimal-number field.
func Float[T any](path, unit, hint string, acc func(*T) **float64) *Field[T] {
	f := newField[T](path, "", unit, hint)
	f.Check = func(s string) string { _, m := ParseFloat(path, s); return m }
	f.Load = func(v *T) string { return showFloat(*acc(v)) }
	f.Store = func(v *T, s string) string {
		x, msg := ParseFloat(path, s)
		if msg == "" {
			*acc(v) = x
		}
		return msg
	}
	return f
}

// parseText checks a text with the catalogue's rules of its kind (an id is
// folded, a name has no control characters and at most 100 characters).
func parseText(sp *county.FieldSpec, s string) (string, string) {
	if sp == nil {
		return s, ""
	}
	switch sp.Kind {
	case county.KindText, county.KindName, county.KindID, county.KindDate:
	default:
		return s, ""
	}
	v, empty, why := sp.ParseText(s)
	if empty || why != "" {
		return "", why
	}
	return v.(string), ""
}

// Text is a free-text field; multi makes it a multi-line box (evidence).
func Text[T any](path, label, hint string, multi bool, acc func(*T) *string) *Field[T] {
	f := newField[T](path, label, "", hint)
	f.Multi = multi
	f.Check = func(s string) string { _, m := parseText(f.Spec, s); return m }
	f.Load = func(v *T) string { return *acc(v) }
	f.Store = func(v *T, s string) string {
		t, m := parseText(f.Spec, s)
		if m == "" {
			*acc(v) = t
		}
		return m
	}
	return f
}

// OptText is a text field stored as a pointer ("" = nil).
func OptText[T any](path, hint string, acc func(*T) **string) *Field[T] {
	f := newField[T](path, "", "", hint)
	f.Load = func(v *T) string {
		if p := *acc(v); p != nil {
			return *p
		}
		return ""
	}
	f.Check = func(s string) string { _, m := parseText(f.Spec, s); return m }
	f.Store = func(v *T, s string) string {
		t, m := parseText(f.Spec, s)
		switch {
		case m != "":
			return m
		case t == "":
			*acc(v) = nil
		default:
			*acc(v) = &t
		}
		return ""
	}
	return f
}

// Yes and No are the answers of a yes/no field; Unanswered takes an
// answer back (未填报).
const (
	Yes        = "是"
	No         = "否"
	Unanswered = "未填报"
)

// Bool is a yes/no field; unanswered is 未填报 (nil).
func Bool[T any](path, label, hint string, acc func(*T) **bool) *Field[T] {
	f := newField[T](path, label, "", hint)
	f.Choices = []string{Yes, No, Unanswered}
	f.Check = func(s string) string {
		switch s {
		case "", Yes, No, Unanswered:
			return ""
		}
		return "请填写「是」或「否」"
	}
	f.Load = func(v *T) string {
		switch p := *acc(v); {
		case p == nil:
			return ""
		case *p:
			return Yes
		}
		return No
	}
	f.Store = func(v *T, s string) string {
		if m := f.Check(s); m != "" {
			return m
		}
		switch s {
		case Yes:
			*acc(v) = county.B(true)
		case No:
			*acc(v) = county.B(false)
		default:
			*acc(v) = nil
		}
		return ""
	}
	return f
}

func oneOf(options []string, s string) string {
	if s == "" {
		return ""
	}
	for _, o := range options {
		if o == s {
			return ""
		}
	}
	return "请从「" + strings.Join(options, "、") + "」中选择"
}

// Choice is a pick from a fixed list stored as a string ("" allowed).
func Choice[T any](path, hint string, options []string, acc func(*T) *string) *Field[T] {
	f := newField[T](path, "", "", hint)
	f.Choices = options
	f.Check = func(s string) string { return oneOf(options, s) }
	f.Load = func(v *T) string { return *acc(v) }
	f.Store = func(v *T, s string) string {
		if m := oneOf(options, s); m != "" {
			return m
		}
		*acc(v) = s
		return ""
	}
	return f
}

// OptChoice is a pick from a fixed list stored as a pointer.
func OptChoice[T any](path, hint string, options []string, acc func(*T) **string) *Field[T] {
	f := OptText(path, hint, acc)
	f.Choices = append(append([]string{}, options...), Unanswered)
	text := f.Store
	f.Check = func(s string) string {
		if s == Unanswered {
			return ""
		}
		return oneOf(options, s)
	}
	f.Store = func(v *T, s string) string {
		if s == Unanswered {
			s = ""
		}
		if m := oneOf(options, s); m != "" {
			return m
		}
		return text(v, s)
	}
	return f
}

// FloatList is a list of areas typed as "98、96" (「无」: none).
func FloatList[T any](path, unit, hint string, acc func(*T) *[]float64) *Field[T] {
	f := newField[T](path, "", unit, hint)
	f.Check = func(s string) string { _, _, m := parseList(path, s); return m }
	f.Load = func(v *T) string {
		list := *acc(v)
		if list == nil {
			return ""
		}
		if len(list) == 0 {
			return "无"
		}
		parts := make([]string, len(list))
		for i, x := range list {
			parts[i] = strconv.FormatFloat(x, 'f', -1, 64)
		}
		return strings.Join(parts, "、")
	}
	f.Store = func(v *T, s string) string {
		out, empty, msg := parseList(path, s)
		switch {
		case msg != "":
			return msg
		case empty:
			*acc(v) = nil
		default:
			*acc(v) = out
		}
		return ""
	}
	return f
}

// Custom is a field with its own load and store.
func Custom[T any](path, label, unit, hint string, load func(*T) string, store func(*T, string) string) *Field[T] {
	f := newField[T](path, label, unit, hint)
	f.Load, f.Store = load, store
	return f
}
