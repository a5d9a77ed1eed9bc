package widgets

import (
	"strconv"
	"strings"

	"junheng/app/county"
)

// Label returns the Chinese label of a path without its parenthesised unit
// (the unit is shown after the input).
func Label(path string) string {
	l := county.FieldLabel(path)
	if i := strings.Index(l, "（"); i > 0 && strings.HasSuffix(l, "）") {
		l = l[:i]
	}
	if l == "" {
		l = path
	}
	return l
}

// cleanNumber drops thousands separators and blanks people type.
func cleanNumber(s string) string {
	r := strings.NewReplacer(",", "", "，", "", " ", "", "\u00a0", "")
	return r.Replace(s)
}

// ParseInt reads a whole non-negative number; "" means 未填报 (nil).
func ParseInt(s string) (*int, string) {
	s = cleanNumber(s)
	if s == "" {
		return nil, ""
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		if _, ferr := strconv.ParseFloat(s, 64); ferr == nil {
			return nil, "请填写整数"
		}
		return nil, "请填写数字"
	}
	if n < 0 {
		return nil, "不能为负数"
	}
	return &n, ""
}

// ParseFloat reads a non-negative number; "" means 未填报 (nil).
func ParseFloat(s string) (*float64, string) {
	s = cleanNumber(s)
	if s == "" {
		return nil, ""
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || x != x || x > 1e15 || x < -1e15 {
		return nil, "请填写数字"
	}
	if x < 0 {
		return nil, "不能为负数"
	}
	return &x, ""
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

func intCheck(s string) string   { _, m := ParseInt(s); return m }
func floatCheck(s string) string { _, m := ParseFloat(s); return m }

// Int is a whole-number field.
func Int[T any](path, unit, hint string, acc func(*T) **int) *Field[T] {
	return &Field[T]{Path: path, Label: Label(path), Unit: unit, Hint: hint, check: intCheck,
		load: func(v *T) string { return showInt(*acc(v)) },
		store: func(v *T, s string) string {
			n, msg := ParseInt(s)
			if msg == "" {
				*acc(v) = n
			}
			return msg
		}}
}

// Float is a decimal-number field.
func Float[T any](path, unit, hint string, acc func(*T) **float64) *Field[T] {
	return &Field[T]{Path: path, Label: Label(path), Unit: unit, Hint: hint, check: floatCheck,
		load: func(v *T) string { return showFloat(*acc(v)) },
		store: func(v *T, s string) string {
			x, msg := ParseFloat(s)
			if msg == "" {
				*acc(v) = x
			}
			return msg
		}}
}

// Text is a free-text field; multi makes it a multi-line box (evidence).
func Text[T any](path, label, hint string, multi bool, acc func(*T) *string) *Field[T] {
	if label == "" {
		label = Label(path)
	}
	return &Field[T]{Path: path, Label: label, Hint: hint, multi: multi,
		load:  func(v *T) string { return *acc(v) },
		store: func(v *T, s string) string { *acc(v) = s; return "" }}
}

// OptText is a text field stored as a pointer ("" = nil).
func OptText[T any](path, hint string, acc func(*T) **string) *Field[T] {
	return &Field[T]{Path: path, Label: Label(path), Hint: hint,
		load: func(v *T) string {
			if p := *acc(v); p != nil {
				return *p
			}
			return ""
		},
		store: func(v *T, s string) string {
			if s == "" {
				*acc(v) = nil
			} else {
				*acc(v) = &s
			}
			return ""
		}}
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
	if label == "" {
		label = Label(path)
	}
	return &Field[T]{Path: path, Label: label, Hint: hint, choices: []string{Yes, No, Unanswered},
		load: func(v *T) string {
			switch p := *acc(v); {
			case p == nil:
				return ""
			case *p:
				return Yes
			}
			return No
		},
		store: func(v *T, s string) string {
			switch s {
			case Yes:
				*acc(v) = county.B(true)
			case No:
				*acc(v) = county.B(false)
			default:
				*acc(v) = nil
			}
			return ""
		}}
}

// Choice is a pick from a fixed list stored as a string ("" allowed).
func Choice[T any](path, hint string, options []string, acc func(*T) *string) *Field[T] {
	return &Field[T]{Path: path, Label: Label(path), Hint: hint, choices: options,
		load:  func(v *T) string { return *acc(v) },
		store: func(v *T, s string) string { *acc(v) = s; return "" }}
}

// OptChoice is a pick from a fixed list stored as a pointer.
func OptChoice[T any](path, hint string, options []string, acc func(*T) **string) *Field[T] {
	f := OptText(path, hint, acc)
	f.choices = append(append([]string{}, options...), Unanswered)
	text := f.store
	f.store = func(v *T, s string) string {
		if s == Unanswered {
			s = ""
		}
		return text(v, s)
	}
	return f
}

// FloatList is a list of areas typed as "98、96".
func FloatList[T any](path, unit, hint string, acc func(*T) *[]float64) *Field[T] {
	return &Field[T]{Path: path, Label: Label(path), Unit: unit, Hint: hint,
		load: func(v *T) string {
			parts := make([]string, len(*acc(v)))
			for i, x := range *acc(v) {
				parts[i] = strconv.FormatFloat(x, 'f', -1, 64)
			}
			return strings.Join(parts, "、")
		},
		store: func(v *T, s string) string {
			fields := strings.FieldsFunc(s, func(r rune) bool {
				return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' || r == ' '
			})
			out := []float64{}
			for _, p := range fields {
				x, msg := ParseFloat(p)
				if msg != "" {
					return "「" + p + "」：" + msg + "（多间教室用顿号分隔）"
				}
				out = append(out, *x)
			}
			*acc(v) = out
			return ""
		}}
}

// Custom is a field with its own load and store.
func Custom[T any](path, label, unit, hint string, load func(*T) string, store func(*T, string) string) *Field[T] {
	return &Field[T]{Path: path, Label: label, Unit: unit, Hint: hint, load: load, store: store}
}
