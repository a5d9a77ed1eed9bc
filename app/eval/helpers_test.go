package eval

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"testing"

	"junheng/app/county"
	"junheng/app/standard"
)

// goodTeachers returns teachers that meet every standard for p students.
func goodTeachers(p int) *county.TeacherCounts {
	n := p/10 + 10
	return &county.TeacherCounts{FullTime: county.I(n), Certified: county.I(n), AboveDegree: county.I(p/10 + 1),
		Backbone: county.I(p/50 + 1), PE: county.I(p/100 + 1), Music: county.I(1), Art: county.I(1), MidTitle: county.I(n / 2)}
}

// school builds a school of a type whose every resource indicator is
// comfortably met (20 % above the stricter junior standard), so a test can
// change the one input it is about.
func school(id, typ string, p, j, sen int) county.School {
	w := float64(p) + 1.1*float64(j) + 1.32*float64(sen)
	s := county.School{ID: id, Name: "学校" + id, Type: typ, Location: "城区",
		Students:        county.Students{Primary: county.I(p), Junior: county.I(j), Senior: county.I(sen)},
		Classes:         county.StageCount{Primary: county.I((p + 39) / 40), Junior: county.I((j + 44) / 45)},
		AreaTeachingAux: county.F(7 * w), AreaIndoorSports: county.F(0), AreaSportsGround: county.F(13 * w),
		EquipmentValue: county.F(3000 * w), MultimediaRooms: county.I(int(3*w/100) + 1)}
	if p > 0 {
		s.Teachers.Primary = goodTeachers(p)
	}
	if j > 0 {
		s.Teachers.Junior = goodTeachers(j)
		s.Teachers.Junior.AboveDegree = county.I(j/10 + 1)
	}
	return s
}

func countyOf(schools ...county.School) *county.File {
	return &county.File{Format: county.Format, Year: "2024-2025", County: county.Profile{Name: "测试县"}, Schools: schools}
}

func find(t *testing.T, st *Stage, id string) SchoolPart {
	t.Helper()
	if st == nil {
		t.Fatalf("stage is nil, looking for %s", id)
	}
	for _, sp := range st.Schools {
		if sp.ID == id {
			return sp
		}
	}
	t.Fatalf("school %s not in stage", id)
	return SchoolPart{}
}

func approx(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.10g, want %.10g (±%g)", what, got, want, tol)
	}
}

// mustJSON checks the result marshals: encoding/json refuses NaN and Inf,
// so this also proves none leaked into the output.
func mustJSON(t *testing.T, r *Result) []byte {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("result does not marshal (NaN or Inf?): %v", err)
	}
	return b
}

var national = standard.National2017()

// assertFinite walks the whole result: no float anywhere is NaN, ±Inf or
// −0, so no output made from it can show one.
func assertFinite(t *testing.T, r *Result) {
	t.Helper()
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.Float64:
			if x := v.Float(); math.IsNaN(x) || math.IsInf(x, 0) || x == 0 && math.Signbit(x) {
				t.Errorf("%s = %v", path, x)
			}
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(path, v.Elem())
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				walk(path+"."+v.Type().Field(i).Name, v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(fmt.Sprintf("%s[%v]", path, k), v.MapIndex(k))
			}
		}
	}
	walk("result", reflect.ValueOf(r))
}
