package county

import (
	"reflect"
	"strings"
	"sync"
)

var fieldCache sync.Map // reflect.Type → map[string]int

// FieldIndex maps the JSON names of a struct type's fields to their index.
// The decoder, the database's field storage and the Excel mapping all walk
// the county model by these names, so the JSON path of a field is its one
// name everywhere.
func FieldIndex(t reflect.Type) map[string]int {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]int)
	}
	m := make(map[string]int, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			m[name] = i
		}
	}
	fieldCache.Store(t, m)
	return m
}
