package county

import (
	"bytes"
	"encoding/json"
	"reflect"
)

// decodeTyped is the fast path of Decode for the common case of a
// well-formed file: encoding/json straight into the types, refusing unknown
// fields. Any error sends Decode down the slow path, which walks the raw
// document to report every problem; so the fast path only needs to add
// what encoding/json does not check: negative numbers.
func decodeTyped(data []byte) (*File, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f File
	if err := dec.Decode(&f); err != nil || dec.More() {
		return nil, false
	}
	if negativeIn(reflect.ValueOf(&f).Elem()) {
		return nil, false
	}
	return &f, true
}

// negativeIn reports whether any number in v is negative.
func negativeIn(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer:
		return !v.IsNil() && negativeIn(v.Elem())
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if negativeIn(v.Field(i)) {
				return true
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			if negativeIn(v.Index(i)) {
				return true
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			if negativeIn(it.Value()) {
				return true
			}
		}
	case reflect.Int:
		return v.Int() < 0
	case reflect.Float64:
		return v.Float() < 0
	}
	return false
}
