package xlsx

import (
	"reflect"
	"strings"

	"junheng/app/county"
)

// The planning block holds two kinds of field the other sheets do not: a
// map of unit costs (planning.costs.hire names one entry) and lists of
// texts (planning.off, planning.excluded_schools), which a cell holds as
// one text separated by 、.

// mapEntry splits a path naming an entry of a map field of t
// (planning.costs.hire → planning.costs, hire); ok is false for any
// other path.
func mapEntry(t reflect.Type, path string) (parent, key string, ok bool) {
	i := strings.LastIndex(path, ".")
	if i < 0 {
		return "", "", false
	}
	parent, key = path[:i], path[i+1:]
	segs := strings.Split(parent, ".")
	for len(segs) > 0 {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return "", "", false
		}
		index := county.FieldIndex(t)
		found := false
		for n := len(segs); n > 0 && !found; n-- {
			if j, ok := index[strings.Join(segs[:n], ".")]; ok {
				t, segs, found = t.Field(j).Type, segs[n:], true
			}
		}
		if !found {
			return "", "", false
		}
	}
	return parent, key, t.Kind() == reflect.Map
}

// getEntry returns the value of a map entry, nil when absent.
func getEntry(root reflect.Value, parent, key string) any {
	m, ok := locate(root, parent, false)
	if !ok || m.IsNil() {
		return nil
	}
	e := m.MapIndex(reflect.ValueOf(key))
	if !e.IsValid() {
		return nil
	}
	return e.Float()
}

// setEntry stores val (nil removes the entry; the map goes when empty).
func setEntry(root reflect.Value, parent, key string, val any) {
	m, ok := locate(root, parent, val != nil)
	if !ok {
		return
	}
	if val == nil {
		if !m.IsNil() {
			m.SetMapIndex(reflect.ValueOf(key), reflect.Value{})
			if m.Len() == 0 {
				m.Set(reflect.Zero(m.Type()))
			}
		}
		return
	}
	if m.IsNil() {
		m.Set(reflect.MakeMap(m.Type()))
	}
	m.SetMapIndex(reflect.ValueOf(key), reflect.ValueOf(val).Convert(m.Type().Elem()))
}

// textList shows a list of texts in one cell; the levers by their names.
func textList(path string, v reflect.Value) any {
	items := v.Interface().([]string)
	if len(items) == 0 {
		return nil
	}
	if isLeverList(path) {
		return county.PlanningOffText(items)
	}
	return strings.Join(items, "、")
}

// parseTextList reads a cell's text into a list of texts.
func parseTextList(path string, val any) reflect.Value {
	return reflect.ValueOf(county.SplitPlanningList(val.(string), isLeverList(path)))
}

func isLeverList(path string) bool { return path == "planning.off" }
