package widgets

import (
	"junheng/ui/entry"
)

// The field constructors of the forms. What a field is (label, unit, hint,
// how a text is parsed and checked) lives in package entry, shared with the
// grid entry; here it only gets its widgets (see Form.Add).

// Label returns the Chinese label of a path without its unit.
func Label(path string) string { return entry.Label(path) }

// ParseInt reads a whole non-negative number; "" means 未填报 (nil).
func ParseInt(s string) (*int, string) { return entry.ParseInt("", s) }

// ParseFloat reads a non-negative number; "" means 未填报 (nil).
func ParseFloat(s string) (*float64, string) { return entry.ParseFloat("", s) }

// Yes, No and Unanswered are the answers of a yes/no field.
const (
	Yes        = entry.Yes
	No         = entry.No
	Unanswered = entry.Unanswered
)

func wrap[T any](f *entry.Field[T]) *Field[T] { return &Field[T]{Field: f} }

// Wrap gives a field of package entry its widgets on a form.
func Wrap[T any](f *entry.Field[T]) *Field[T] { return wrap(f) }

// Int is a whole-number field.
func Int[T any](path, unit, hint string, acc func(*T) **int) *Field[T] {
	return wrap(entry.Int(path, unit, hint, acc))
}

// Float is a decimal-number field.
func Float[T any](path, unit, hint string, acc func(*T) **float64) *Field[T] {
	return wrap(entry.Float(path, unit, hint, acc))
}

// Text is a free-text field; multi makes it a multi-line box (evidence).
func Text[T any](path, label, hint string, multi bool, acc func(*T) *string) *Field[T] {
	return wrap(entry.Text(path, label, hint, multi, acc))
}

// OptText is a text field stored as a pointer ("" = nil).
func OptText[T any](path, hint string, acc func(*T) **string) *Field[T] {
	return wrap(entry.OptText(path, hint, acc))
}

// Bool is a yes/no field; unanswered is 未填报 (nil).
func Bool[T any](path, label, hint string, acc func(*T) **bool) *Field[T] {
	return wrap(entry.Bool(path, label, hint, acc))
}

// Choice is a pick from a fixed list stored as a string ("" allowed).
func Choice[T any](path, hint string, options []string, acc func(*T) *string) *Field[T] {
	return wrap(entry.Choice(path, hint, options, acc))
}

// OptChoice is a pick from a fixed list stored as a pointer.
func OptChoice[T any](path, hint string, options []string, acc func(*T) **string) *Field[T] {
	return wrap(entry.OptChoice(path, hint, options, acc))
}

// FloatList is a list of areas typed as "98、96".
func FloatList[T any](path, unit, hint string, acc func(*T) *[]float64) *Field[T] {
	return wrap(entry.FloatList(path, unit, hint, acc))
}

// Custom is a field with its own load and store.
func Custom[T any](path, label, unit, hint string, load func(*T) string, store func(*T, string) string) *Field[T] {
	return wrap(entry.Custom(path, label, unit, hint, load, store))
}
