package county

import (
	"fmt"
	"reflect"
	"strconv"
	"sync"
	"unicode/utf8"

	"junheng/app/format"
)

// The catalogue's rules for single values — bounds of every number, the
// text rules of names, ids and free text — applied to a whole File. Validate
// runs them, so every path that brings data in (JSON, the database, the
// Excel import, the GUI) is held to the same bounds.

// node is one field of a struct type with what checks it.
type node struct {
	index int
	name  string     // JSON name, for the path of a problem
	spec  *FieldSpec // nil for a struct-valued field
	kind  reflect.Kind
	elem  reflect.Kind // element kind of a pointer, slice or map
	child *plan        // struct fields, pointed-to structs, slices of structs
	// list holds the spec of a map's or a slice's elements by position
	// (the survey's [respondents, satisfied]).
	list []*FieldSpec
}

type plan struct{ nodes []node }

var plans sync.Map // planKey → *plan

type planKey struct {
	t      reflect.Type
	prefix string
}

// fallback specs hold fields the catalogue does not list: they still get a
// bound (finite, not negative, far below 2^53) and the text rules.
var (
	fallbackInt   = FieldSpec{Label: "数值", Kind: KindInt, Max: 1e9}
	fallbackFloat = FieldSpec{Label: "数值", Kind: KindFloat, Max: 1e12}
	fallbackText  = FieldSpec{Label: "文字", Kind: KindText, MaxLen: TextMaxLen}
)

// planFor builds (once) the checks of a struct type whose fields' catalogue
// paths start with prefix.
func planFor(t reflect.Type, prefix string) *plan {
	key := planKey{t, prefix}
	if p, ok := plans.Load(key); ok {
		return p.(*plan)
	}
	p := &plan{}
	for name, i := range FieldIndex(t) {
		f := t.Field(i)
		n := node{index: i, name: name, kind: f.Type.Kind()}
		path := prefix + name
		if path == planningPath {
			continue // ValidatePlanning checks the whole block
		}
		ft := f.Type
		if ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice || ft.Kind() == reflect.Map {
			n.elem = ft.Elem().Kind()
			ft = ft.Elem()
		}
		switch {
		case ft.Kind() == reflect.Struct:
			childPrefix := path + "."
			if path == "schools" {
				childPrefix = "" // school fields are named without the list
			}
			n.child = planFor(ft, childPrefix)
		case path == "county.survey":
			n.list = []*FieldSpec{specIndex["county.survey.respondents"], specIndex["county.survey.satisfied"]}
		default:
			n.spec = specIndex[path]
			if n.spec == nil {
				switch ft.Kind() {
				case reflect.Int:
					n.spec = &fallbackInt
				case reflect.Float64:
					n.spec = &fallbackFloat
				case reflect.String:
					n.spec = &fallbackText
				}
			}
		}
		if n.spec == nil && n.child == nil && n.list == nil {
			continue // booleans
		}
		p.nodes = append(p.nodes, n)
	}
	plans.Store(key, p)
	return p
}

// checkValues records a problem for every value of f outside the catalogue.
func (v *validator) checkValues(f *File) {
	v.walkPlan(reflect.ValueOf(f).Elem(), planFor(reflect.TypeOf(*f), ""))
}

// seg is one step of the path being walked; the path's text is built only
// for a problem, so a valid county costs no string building.
type seg struct {
	name string
	idx  int // list index after name, -1 for none
}

func (v *validator) push(name string, idx int) { v.path = append(v.path, seg{name, idx}) }
func (v *validator) pop()                      { v.path = v.path[:len(v.path)-1] }

// pathText renders the walked path: schools[3].teachers.primary.pe.
func (v *validator) pathText() string {
	var b []byte
	for i, s := range v.path {
		if i > 0 && s.name != "" {
			b = append(b, '.')
		}
		b = append(b, s.name...)
		if s.idx >= 0 {
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(s.idx), 10)
			b = append(b, ']')
		}
	}
	return string(b)
}

func (v *validator) walkPlan(sv reflect.Value, p *plan) {
	for i := range p.nodes {
		n := &p.nodes[i]
		fv := sv.Field(n.index)
		switch n.kind {
		case reflect.Pointer:
			if fv.IsNil() {
				continue
			}
			v.push(n.name, -1)
			if n.child != nil {
				v.walkPlan(fv.Elem(), n.child)
			} else {
				v.leaf(fv.Elem(), n.spec)
			}
			v.pop()
		case reflect.Struct:
			v.push(n.name, -1)
			v.walkPlan(fv, n.child)
			v.pop()
		case reflect.Slice:
			for k := 0; k < fv.Len(); k++ {
				v.push(n.name, k)
				if n.child != nil {
					v.walkPlan(fv.Index(k), n.child)
				} else {
					v.leaf(fv.Index(k), n.spec)
				}
				v.pop()
			}
			if n.spec != nil && n.spec.Kind == KindList && n.spec.MaxLen > 0 && fv.Len() > n.spec.MaxLen {
				v.push(n.name, -1)
				v.bad(strconv.Itoa(fv.Len())+" 个", "最多 "+strconv.Itoa(n.spec.MaxLen)+" 个")
				v.pop()
			}
		case reflect.Map:
			it := fv.MapRange()
			for it.Next() {
				counts := it.Value()
				for k := 0; k < counts.Len() && k < len(n.list); k++ {
					v.push(n.name+"."+it.Key().String(), k)
					v.leaf(counts.Index(k), n.list[k])
					v.pop()
				}
			}
		default:
			v.push(n.name, -1)
			v.leaf(fv, n.spec)
			v.pop()
		}
	}
}

// bad records a problem at the walked path.
func (v *validator) bad(value, msg string) { v.add(v.pathText(), value, "%s", msg) }

// badNumber records a number out of bounds and remembers whose it is: the
// comparisons between that school's (or the county's) numbers are skipped.
func (v *validator) badNumber(value, msg string) {
	v.bad(value, msg)
	switch top := v.path[0]; top.name {
	case "schools":
		if v.badSchool == nil {
			v.badSchool = map[int]bool{}
		}
		v.badSchool[top.idx] = true
	case "county":
		v.badCounty = true
	}
}

// leaf checks one value against its spec.
func (v *validator) leaf(x reflect.Value, s *FieldSpec) {
	switch x.Kind() {
	case reflect.Int:
		n := x.Int()
		if msg := s.CheckNumber(float64(n)); msg != "" {
			v.badNumber(strconv.FormatInt(n, 10), msg)
		}
	case reflect.Float64:
		f := x.Float()
		if msg := s.CheckNumber(f); msg != "" {
			v.badNumber(format.Entered(f), msg)
		}
	case reflect.String:
		str := x.String()
		if str == "" {
			return
		}
		var msg string
		switch s.Kind {
		case KindName:
			msg = CheckName(str)
		case KindID:
			msg = CheckID(str, s.MaxLen)
		case KindDate:
			if d, why := ParseDate(str); why != "" {
				msg = why
			} else if d != str {
				msg = "日期应写作「" + d + "」"
			}
		case KindEnum:
			return // each enum has its own message in the validator
		default:
			msg = CheckText(str, s.MaxLen)
		}
		if msg != "" {
			v.bad(shortQuote(str), msg)
		}
	}
}

// shortQuote shows a text in a message: long ones cut, invisible
// characters made visible, so the message itself stays readable.
func shortQuote(s string) string { return "「" + visible(s, 30) + "」" }

// visible shows at most max characters of s, with invisible and
// disruptive characters written as <U+XXXX> and bytes that are not UTF-8
// as "?", so a message about a text stays readable and safe to print.
func visible(s string, max int) string {
	out := make([]rune, 0, max+1)
	n := 0
	for i, r := range s {
		if n == max {
			out = append(out, '…')
			break
		}
		if r == 0xfffd {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				r = '?'
			}
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f {
			out = append(out, []rune(fmt.Sprintf("<U+%04X>", r))...)
		} else {
			out = append(out, r)
		}
		n++
	}
	return string(out)
}
