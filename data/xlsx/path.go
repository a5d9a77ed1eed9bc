package xlsx

import (
	"reflect"
	"strings"

	"junheng/app/county"
)

// Field access by JSON path (students.primary, gov.G8.evidence) on the
// county model, so that the column table names fields instead of code
// repeating them. Leaf values are exchanged as int, float64, bool, string,
// []float64, or nil for 未填报.

// locate walks path from root (a struct value). With alloc, nil pointers
// to structs on the way are allocated; without, a nil one ends the walk
// (ok false). A path the model does not have panics: the column table is
// wrong, which the tests catch.
func locate(root reflect.Value, path string, alloc bool) (reflect.Value, bool) {
	v := root
	segs := strings.Split(path, ".")
	for len(segs) > 0 {
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				if !alloc {
					return reflect.Value{}, false
				}
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		if v.Kind() != reflect.Struct {
			panic("xlsx: the county model has no field " + path)
		}
		// JSON names may hold a dot themselves (gov.G2.1.ok): take the
		// longest name that matches.
		index := county.FieldIndex(v.Type())
		found := false
		for n := len(segs); n > 0 && !found; n-- {
			if i, ok := index[strings.Join(segs[:n], ".")]; ok {
				v, segs, found = v.Field(i), segs[n:], true
			}
		}
		if !found {
			panic("xlsx: the county model has no field " + path)
		}
	}
	return v, true
}

// get returns the value at path, nil when not entered.
func get(root any, path string) any {
	if parent, key, ok := mapEntry(reflect.TypeOf(root), path); ok {
		return getEntry(reflect.ValueOf(root).Elem(), parent, key)
	}
	v, ok := locate(reflect.ValueOf(root).Elem(), path, false)
	if !ok {
		return nil
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Int:
		return int(v.Int())
	case reflect.Float64:
		return v.Float()
	case reflect.Bool:
		return v.Bool()
	case reflect.String:
		if v.String() == "" {
			return nil
		}
		return v.String()
	case reflect.Slice:
		if v.IsNil() {
			return nil
		}
		if v.Type().Elem().Kind() == reflect.String {
			return textList(path, v)
		}
		return append([]float64{}, v.Interface().([]float64)...)
	}
	panic("xlsx: unsupported field kind at " + path)
}

// set stores val (nil clears) at path, allocating the structs on the way.
func set(root any, path string, val any) {
	if parent, key, ok := mapEntry(reflect.TypeOf(root), path); ok {
		setEntry(reflect.ValueOf(root).Elem(), parent, key, val)
		return
	}
	v, ok := locate(reflect.ValueOf(root).Elem(), path, val != nil)
	if !ok {
		return // clearing inside an absent group: nothing to do
	}
	if val == nil {
		v.Set(reflect.Zero(v.Type()))
		return
	}
	x := reflect.ValueOf(val)
	if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.String {
		x = parseTextList(path, val)
	}
	if v.Kind() == reflect.Pointer {
		p := reflect.New(v.Type().Elem())
		p.Elem().Set(x.Convert(v.Type().Elem()))
		v.Set(p)
		return
	}
	v.Set(x.Convert(v.Type()))
}

// pruneGroup clears the pointer group holding path (teachers.primary,
// gov.G8) when none of its fields is entered any more, so that an emptied
// row means "not entered" rather than an empty record.
func pruneGroup(root any, path string) {
	i := strings.LastIndex(path, ".")
	if i < 0 {
		return
	}
	v, ok := locate(reflect.ValueOf(root).Elem(), path[:i], false)
	if !ok || v.Kind() != reflect.Pointer || v.IsNil() {
		return
	}
	if v.Elem().IsZero() {
		v.Set(reflect.Zero(v.Type()))
	}
}
