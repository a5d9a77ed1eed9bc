package eval

import (
	"reflect"
	"testing"
)

// Every field of Options has exactly one switch, so a new rule cannot
// reach the command line without the settings dialog or the other way.
func TestEverySwitchSetsItsOwnField(t *testing.T) {
	typ := reflect.TypeOf(Options{})
	reached := map[string]string{}
	for _, sw := range Switches {
		var o Options
		switch {
		case sw.Bool != nil && sw.Int == nil:
			*sw.Bool(&o) = true
		case sw.Int != nil && sw.Bool == nil:
			*sw.Int(&o) = 12345
		default:
			t.Fatalf("switch %s must set exactly one bool or int", sw.Flag)
		}
		if sw.Flag == "" || sw.Label == "" {
			t.Errorf("switch %+v lacks a flag or label", sw)
		}
		v := reflect.ValueOf(o)
		for i := 0; i < typ.NumField(); i++ {
			if !v.Field(i).IsZero() {
				name := typ.Field(i).Name
				if other, dup := reached[name]; dup {
					t.Errorf("%s is set by both --%s and --%s", name, other, sw.Flag)
				}
				reached[name] = sw.Flag
			}
		}
	}
	for i := 0; i < typ.NumField(); i++ {
		if _, ok := reached[typ.Field(i).Name]; !ok {
			t.Errorf("Options.%s has no switch", typ.Field(i).Name)
		}
	}
}
