package data

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"junheng/app/county"
	"junheng/app/format"
)

// fields maps a field path of an entity to its stored value: int64,
// float64, string, or nil for 未填报. Booleans are stored as 0/1, lists
// (music_rooms, a survey group) as their JSON text, and a present
// sub-object (gov.G1, teachers.junior) as the marker 1 on its own path, so
// that an empty object and an absent one stay different.
type fields map[string]any

// Kinds of entity.
const (
	kindCounty  = "county"
	kindSchool  = "school"
	kindFinance = "finance"
)

// deletedField is the tombstone of a deleted school or finance row. It is a
// field like any other, so a deletion is audited and merged like any
// change.
const deletedField = "_deleted"

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return name
}

// flatten lists the non-empty fields of a model struct. skip names
// top-level fields stored elsewhere (the finance rows of a profile).
func flatten(v any, skip string) fields {
	out := fields{}
	flattenValue(reflect.ValueOf(v), "", skip, out)
	return out
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

func flattenValue(v reflect.Value, prefix, skip string, out fields) {
	switch v.Kind() {
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			name := jsonName(t.Field(i))
			if name == "" || name == "-" || (prefix == "" && name == skip) {
				continue
			}
			flattenValue(v.Field(i), join(prefix, name), skip, out)
		}
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if v.Elem().Kind() == reflect.Struct {
			out[prefix] = int64(1)
		}
		flattenValue(v.Elem(), prefix, skip, out)
	case reflect.Map:
		for _, k := range v.MapKeys() {
			if e := v.MapIndex(k); e.Kind() == reflect.Slice || e.Kind() == reflect.Array {
				out[join(prefix, k.String())] = listText(e) // a survey group's counts
			} else {
				flattenValue(e, join(prefix, k.String()), skip, out) // a unit cost of planning.costs
			}
		}
	case reflect.Slice:
		if !v.IsNil() {
			out[prefix] = listText(v)
		}
	case reflect.String:
		if v.String() != "" {
			out[prefix] = v.String()
		}
	case reflect.Int:
		out[prefix] = v.Int() // only FinanceYear.Year is a plain int: always set
	case reflect.Float64:
		out[prefix] = v.Float()
	case reflect.Bool:
		if v.Bool() {
			out[prefix] = int64(1)
		} else {
			out[prefix] = int64(0)
		}
	default:
		panic("data: unsupported field kind " + v.Kind().String() + " at " + prefix)
	}
}

func listText(v reflect.Value) string {
	b, err := json.Marshal(v.Interface())
	if err != nil {
		panic("data: list of numbers does not marshal: " + err.Error())
	}
	return string(b)
}

// unflatten sets the stored fields into dst (a pointer to a model struct).
// A field this program version does not know is an error, never ignored:
// silently dropping a value would lose the clerk's data on the next save.
func unflatten(dst any, fs fields) error {
	root := reflect.ValueOf(dst).Elem()
	for path, val := range fs {
		if val == nil || path == deletedField {
			continue
		}
		if err := setPath(root, strings.Split(path, "."), val); err != nil {
			return fmt.Errorf("字段 %s 的值「%v」无法读取：%v", path, val, err)
		}
	}
	return nil
}

// setPath walks the JSON names (some contain a dot, like G2.1) and sets the
// value, allocating pointers on the way.
func setPath(v reflect.Value, segs []string, val any) error {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		v = v.Elem()
	}
	if len(segs) == 0 {
		return setLeaf(v, val)
	}
	switch v.Kind() {
	case reflect.Struct:
		idx := county.FieldIndex(v.Type())
		for n := 1; n <= len(segs); n++ {
			if i, ok := idx[strings.Join(segs[:n], ".")]; ok {
				return setPath(v.Field(i), segs[n:], val)
			}
		}
		return fmt.Errorf("本程序不认识字段「%s」", strings.Join(segs, "."))
	case reflect.Map:
		if v.IsNil() {
			v.Set(reflect.MakeMap(v.Type()))
		}
		elem := reflect.New(v.Type().Elem()).Elem()
		if err := setLeaf(elem, val); err != nil {
			return err
		}
		v.SetMapIndex(reflect.ValueOf(strings.Join(segs, ".")), elem)
		return nil
	}
	return fmt.Errorf("字段路径过长")
}

func setLeaf(v reflect.Value, val any) error {
	switch v.Kind() {
	case reflect.Struct:
		return nil // presence marker: the pointer was allocated on the way
	case reflect.String:
		s, ok := val.(string)
		if !ok {
			return fmt.Errorf("应为文本")
		}
		v.SetString(s)
	case reflect.Int:
		i, ok := val.(int64)
		if !ok {
			return fmt.Errorf("应为整数")
		}
		v.SetInt(i)
	case reflect.Float64:
		switch x := val.(type) {
		case float64:
			v.SetFloat(x)
		case int64:
			v.SetFloat(float64(x))
		default:
			return fmt.Errorf("应为数字")
		}
	case reflect.Bool:
		i, ok := val.(int64)
		if !ok || (i != 0 && i != 1) {
			return fmt.Errorf("应为 0 或 1")
		}
		v.SetBool(i == 1)
	case reflect.Slice:
		s, ok := val.(string)
		if !ok {
			return fmt.Errorf("应为列表")
		}
		p := reflect.New(v.Type())
		if err := json.Unmarshal([]byte(s), p.Interface()); err != nil {
			return fmt.Errorf("应为列表")
		}
		v.Set(p.Elem())
	default:
		return fmt.Errorf("本程序不支持这种字段")
	}
	return nil
}

// sameValue compares two stored values exactly.
func sameValue(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case int64:
		y, ok := b.(int64)
		return ok && x == y
	case float64:
		y, ok := b.(float64)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case []byte:
		y, ok := b.([]byte)
		return ok && string(x) == string(y)
	}
	return false
}

// display renders a stored value for the clerk (audit trail, conflicts).
func display(field string, v any) string {
	switch x := v.(type) {
	case nil:
		return "未填报"
	case int64:
		if markerFields[field] {
			return "已填写"
		}
		if boolFields[lastSeg(field)] {
			if x == 1 {
				return "是"
			}
			return "否"
		}
		return strconv.FormatInt(x, 10)
	case float64:
		return format.Entered(x) // never +Inf, -0 or 320 digits, even from a tampered file
	case string:
		if field == "planning.off" || field == "planning.excluded_schools" {
			return planningList(field, x)
		}
		return x
	case []byte:
		return string(x)
	}
	return fmt.Sprint(v)
}

func lastSeg(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[i+1:]
	}
	return p
}

// boolFields are the JSON names of yes/no fields, found by reflection.
var boolFields = func() map[string]bool {
	m := map[string]bool{deletedField: true}
	var walk func(t reflect.Type)
	seen := map[reflect.Type]bool{}
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for i := 0; i < t.NumField(); i++ {
			ft := t.Field(i).Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Bool {
				m[jsonName(t.Field(i))] = true
			}
			walk(t.Field(i).Type)
		}
	}
	walk(reflect.TypeOf(county.File{}))
	return m
}()

// markerFields are the paths of sub-objects stored as a presence marker
// (gov.G1, teachers.junior…), found by reflection.
var markerFields = func() map[string]bool {
	m := map[string]bool{}
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for i := 0; i < t.NumField(); i++ {
			name := jsonName(t.Field(i))
			if name == "" || name == "-" {
				continue
			}
			ft := t.Field(i).Type
			switch {
			case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct:
				m[join(prefix, name)] = true
				walk(ft.Elem(), join(prefix, name))
			case ft.Kind() == reflect.Struct:
				walk(ft, join(prefix, name))
			}
		}
	}
	walk(reflect.TypeOf(county.Profile{}), "")
	walk(reflect.TypeOf(county.School{}), "")
	return m
}()

// digest is a hash of an entity's non-empty values (a field set to 未填报
// and a field never set are the same data). Two rows with the same digest
// hold the same values, so a merge skips them without reading them.
func digest(fs fields) string {
	keys := make([]string, 0, len(fs))
	for f, v := range fs {
		if v != nil {
			keys = append(keys, f)
		}
	}
	slices.Sort(keys)
	h := sha256.New()
	for _, f := range keys {
		fmt.Fprintf(h, "%s\x1f%T\x1f%v\n", f, fs[f], fs[f])
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// planningList shows a stored list of the planning block as the clerk
// wrote it: 交流轮岗、新增专任教师, or the ids joined by 、 (「无」 for none).
func planningList(field, stored string) string {
	var items []string
	if json.Unmarshal([]byte(stored), &items) != nil {
		return stored
	}
	if len(items) == 0 {
		return "无"
	}
	if field == "planning.off" {
		for i, k := range items {
			if name, ok := county.PlanningLeverLabels[k]; ok {
				items[i] = name
			}
		}
	}
	return strings.Join(items, "、")
}
