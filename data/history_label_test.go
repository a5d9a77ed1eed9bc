package data

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"junheng/app/county"
)

// Issue 21 §8, as found: history showed 「staff 指标数据（staff）」: the
// presence marker of a group the catalogue does not list was named by its
// JSON key. Every group marker of every kind of row has a Chinese label.
func TestEveryGroupLabelIsChinese(t *testing.T) {
	latin := regexp.MustCompile(`[a-z]`)
	models := map[string]func() any{kindSchool: func() any { return new(county.School) }, kindCounty: func() any { return new(county.Profile) },
		kindFinance: func() any { return new(county.FinanceYear) }}
	for f := range markerFields {
		for k, model := range models {
			if setPath(reflect.ValueOf(model()).Elem(), strings.Split(f, "."), int64(0)) != nil {
				continue // not a group of this kind of row
			}
			p := displayPath(k, f)
			if l := groupLabel(p, fieldLabel(k, f)); latin.MatchString(l) {
				t.Errorf("%s %s: label %q", k, f, l)
			}
		}
	}
}
