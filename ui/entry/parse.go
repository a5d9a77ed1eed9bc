package entry

import (
	"math"
	"strconv"
	"strings"
)

// foldNumber is a stand-in for county.ParseNumber until the catalogue lands.
func foldNumber(s string) (float64, string) {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
		case r == '．':
			b.WriteRune('.')
		case r == '－':
			b.WriteRune('-')
		case r == ',' || r == '，' || r == ' ' || r == '\u00a0' || r == '\u3000':
		default:
			b.WriteRune(r)
		}
	}
	x, err := strconv.ParseFloat(b.String(), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) || strings.ContainsAny(b.String(), "eEnNiIxX") {
		return 0, "请填写数字"
	}
	return x, ""
}

// ParseFloat reads a non-negative number for the field at path; "" means
// 未填报 (nil).
func ParseFloat(path, s string) (*float64, string) {
	if strings.TrimSpace(s) == "" {
		return nil, ""
	}
	x, msg := foldNumber(s)
	if msg != "" {
		return nil, msg
	}
	if x < 0 {
		return nil, "不能为负数"
	}
	if x == 0 {
		x = 0 // never -0
	}
	return &x, ""
}

// ParseInt reads a whole non-negative number; "" means 未填报 (nil).
func ParseInt(path, s string) (*int, string) {
	x, msg := ParseFloat(path, s)
	if x == nil || msg != "" {
		return nil, msg
	}
	if *x != math.Trunc(*x) {
		return nil, "请填写整数"
	}
	if *x > 1<<53 {
		return nil, "数值过大"
	}
	n := int(*x)
	return &n, ""
}
