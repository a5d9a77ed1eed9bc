package eval

import (
	"math"
	"reflect"
	"testing"

	"junheng/app/county"
)

// numericFields lists the settable number fields (ints, floats, pointers to
// them) of a value, depth first.
func numericFields(v reflect.Value, out []reflect.Value) []reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			if k := v.Type().Elem().Kind(); k == reflect.Int || k == reflect.Float64 {
				v.Set(reflect.New(v.Type().Elem()))
			} else {
				return out
			}
		}
		return numericFields(v.Elem(), out)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				out = numericFields(v.Field(i), out)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			out = numericFields(v.Index(i), out)
		}
	case reflect.Int, reflect.Float64:
		out = append(out, v)
	}
	return out
}

// FuzzEvaluate sets numbers of a generated county to arbitrary values and
// evaluates every county Validate accepts: no panic, no hang, a finite
// result, every sentence through the one printer. Thousands of runs a
// second, where the whole-pipeline fuzz (cmd/junheng-cli) prints a PDF.
func FuzzEvaluate(f *testing.F) {
	f.Add(int64(1), uint16(0), uint16(3), 0.0, uint8(0))
	f.Add(int64(2), uint16(5), uint16(40), 1e16, uint8(1))
	f.Add(int64(3), uint16(17), uint16(7), 20000.0, uint8(4))
	f.Add(int64(4), uint16(19), uint16(60), 1e7, uint8(7))
	f.Add(int64(5), uint16(39), uint16(2), math.Copysign(0, -1), uint8(2))
	f.Fuzz(func(t *testing.T, seed int64, school, field uint16, x float64, rules uint8) {
		c := county.Generate(40, seed)
		for i := range c.Schools {
			if i%3 == 0 { // zero counts and sizes along the way
				c.Schools[i].Entrants.Primary = county.I(0)
			}
		}
		fields := numericFields(reflect.ValueOf(&c.Schools[int(school)%len(c.Schools)]).Elem(), nil)
		fields = numericFields(reflect.ValueOf(&c.County).Elem(), fields)
		v := fields[int(field)%len(fields)]
		if v.Kind() == reflect.Int {
			if math.IsNaN(x) || math.Abs(x) > 1<<62 {
				return
			}
			v.SetInt(int64(x))
		} else {
			v.SetFloat(x)
		}
		if len(county.Validate(c)) > 0 {
			return
		}
		opts := DefaultOptions()
		opts.MergeTeachingPoints, opts.ExcludePrivate, opts.IncludeSpecial = rules&1 != 0, rules&2 != 0, rules&4 != 0
		r := Evaluate(c, national, opts)
		assertFinite(t, r)
		checkTexts(t, r)
		mustJSON(t, r)
	})
}
