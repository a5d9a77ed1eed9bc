package entry

import (
	"math"

	"junheng/app/county"
)

// The parsing of what the clerk types is the catalogue's (county.Spec,
// county.ParseNumber): half- or full-width digits, thousands separators,
// blanks around; never units or dates; every bound with its message. The
// helpers here only give it the shape the forms store (pointers, nil for
// 未填报).

// fallback is the check of a number field the catalogue does not list:
// not negative, finite, far below 2^53.
var fallback = county.FieldSpec{Label: "数值", Kind: county.KindFloat, Max: 1e12}

func specOf(path string, kind county.FieldKind) county.FieldSpec {
	if s, ok := county.Spec(path); ok && s.IsNumber() {
		return s
	}
	s := fallback
	s.Kind = kind
	if kind == county.KindInt {
		s.Max = 1e9
	}
	return s
}

// ParseFloat reads a number for the field at path; "" means 未填报 (nil).
func ParseFloat(path, s string) (*float64, string) {
	v, empty, why := specOf(path, county.KindFloat).ParseText(s)
	if empty || why != "" {
		return nil, why
	}
	var x float64
	switch n := v.(type) {
	case float64:
		x = n
	case int:
		x = float64(n)
	}
	if x == 0 {
		x = 0 // never -0
	}
	return &x, ""
}

// ParseInt reads a whole number for the field at path; "" means 未填报.
func ParseInt(path, s string) (*int, string) {
	v, empty, why := specOf(path, county.KindInt).ParseText(s)
	if empty || why != "" {
		return nil, why
	}
	switch n := v.(type) {
	case int:
		return &n, ""
	case float64: // a decimal field used as a count: keep it whole
		if n != math.Trunc(n) {
			return nil, "应为整数"
		}
		i := int(n)
		return &i, ""
	}
	return nil, "请填写数字"
}

// parseList reads room areas for the field at path ("无" = none).
func parseList(path, s string) ([]float64, bool, string) {
	sp, ok := county.Spec(path)
	if !ok || sp.Kind != county.KindList {
		sp = county.FieldSpec{Label: "面积", Kind: county.KindList, Min: 1, Max: 1e4, MaxLen: 1000}
	}
	v, empty, why := sp.ParseText(s)
	if empty || why != "" {
		return nil, empty, why
	}
	return v.([]float64), false, ""
}
