package county

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// base is a minimal valid county with two schools and a teaching point,
// as a JSON object the tests break one field at a time.
func base() map[string]any {
	var m map[string]any
	doc := `{
	  "format": "junheng-county/1", "year": "2024-2025",
	  "county": {"name": "测试县"},
	  "schools": [
	    {"id": "A1", "name": "甲小学", "type": "小学", "location": "城区",
	     "students": {"primary": 500, "junior": 0, "senior": 0},
	     "classes": {"primary": 12, "junior": 0}, "largest_class": {"primary": 45, "junior": 0},
	     "teachers": {"primary": {"full_time": 40, "certified": 40, "above_degree": 30, "backbone": 6, "pe": 3, "music": 2, "art": 2}, "junior": null},
	     "area_teaching_aux": 3000, "area_indoor_sports": 200, "area_sports_ground": 4000,
	     "equipment_value": 1200000, "multimedia_rooms": 14, "music_rooms": [96], "art_rooms": [90]},
	    {"id": "B1", "name": "乙初中", "type": "初中", "location": "镇区",
	     "students": {"primary": 0, "junior": 300}, "classes": {"junior": 7}},
	    {"id": "T1", "name": "丙教学点", "type": "教学点", "parent_id": "A1",
	     "students": {"primary": 20}, "classes": {"primary": 2}}
	  ]
	}`
	if err := json.Unmarshal([]byte(doc), &m); err != nil {
		panic(err)
	}
	return m
}

func schoolAt(m map[string]any, i int) map[string]any {
	return m["schools"].([]any)[i].(map[string]any)
}

func decodeMap(t *testing.T, m map[string]any) (*File, Problems) {
	t.Helper()
	data, _ := json.Marshal(m)
	f, err := Decode(data)
	if err == nil {
		return f, nil
	}
	ps, ok := err.(Problems)
	if !ok {
		t.Fatalf("Decode returned %T, want Problems", err)
	}
	if f != nil {
		t.Fatal("an invalid file must produce no File")
	}
	return nil, ps
}

func TestBaseIsValid(t *testing.T) {
	if _, ps := decodeMap(t, base()); ps != nil {
		t.Fatalf("base county should be valid: %v", ps)
	}
}

// Each broken input gives one problem naming the school, the field and the
// value, with a Chinese reason.
func TestEveryValidationError(t *testing.T) {
	cases := []struct {
		name   string
		breakf func(m map[string]any)
		school string // school name expected in the message, "" for county fields
		field  string
		want   string // part of the message
	}{
		{"unknown field", func(m map[string]any) { schoolAt(m, 0)["studnets"] = 3 }, "甲小学", "studnets", "未知字段"},
		{"wrong type", func(m map[string]any) { schoolAt(m, 0)["area_teaching_aux"] = "三千" }, "甲小学", "area_teaching_aux", "应为数字，实际为文本"},
		{"negative", func(m map[string]any) { schoolAt(m, 0)["area_sports_ground"] = -5 }, "甲小学", "area_sports_ground", "不能为负数"},
		{"fractional count", func(m map[string]any) { schoolAt(m, 1)["students"].(map[string]any)["junior"] = 300.5 }, "乙初中", "students.junior", "应为整数"},
		{"more certified than full-time", func(m map[string]any) {
			schoolAt(m, 0)["teachers"].(map[string]any)["primary"].(map[string]any)["certified"] = 41
		}, "甲小学", "teachers.primary.certified", "不能多于专任教师数（40）"},
		{"indoor sports larger than teaching area", func(m map[string]any) { schoolAt(m, 0)["area_indoor_sports"] = 3500 }, "甲小学", "area_indoor_sports", "不能大于教学及辅助用房面积"},
		{"students in no class", func(m map[string]any) { schoolAt(m, 1)["classes"] = map[string]any{"junior": 0} }, "乙初中", "classes.junior", "有 300 名初中学生却没有班级"},
		{"duplicate id", func(m map[string]any) { schoolAt(m, 1)["id"] = "A1" }, "乙初中", "id", "重复"},
		{"teaching point without parent", func(m map[string]any) { schoolAt(m, 2)["parent_id"] = "ZZ" }, "丙教学点", "parent_id", "所属中心校不存在"},
		{"unknown type", func(m map[string]any) { schoolAt(m, 1)["type"] = "高中" }, "乙初中", "type", "未知的学校类型"},
		{"students of a stage the type lacks", func(m map[string]any) { schoolAt(m, 0)["students"].(map[string]any)["senior"] = 10 }, "甲小学", "students.senior", "小学不应有这一学段的学生"},
		{"staff of a stage the type lacks", func(m map[string]any) { schoolAt(m, 1)["staff"] = map[string]any{"primary": 4, "junior": 30} }, "乙初中", "staff.primary", "初中没有这一学段，不应有这一学段的教职工"},
		{"survey satisfied above asked", func(m map[string]any) {
			m["county"].(map[string]any)["survey"] = map[string]any{"家长": []any{10, 11}}
		}, "", "county.survey.家长", "满意人数（11）不能多于调查人数（10）"},
		{"bad year", func(m map[string]any) { m["year"] = "2024" }, "", "year", "学年应写作"},
		{"absurd year", func(m map[string]any) { m["year"] = "0001-0002" }, "", "year", "学年应在 1990 年到 2100 年之间"},
		{"unknown county field", func(m map[string]any) { m["county"].(map[string]any)["populaton_wan"] = 3 }, "", "county.populaton_wan", "未知字段"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := base()
			c.breakf(m)
			_, ps := decodeMap(t, m)
			if len(ps) != 1 {
				t.Fatalf("want exactly one problem, got %d: %v", len(ps), ps)
			}
			p := ps[0]
			msg := p.String()
			if p.SchoolName != c.school || p.Field != c.field || !strings.Contains(msg, c.want) {
				t.Errorf("problem = %+v\nmessage: %s\nwant school %q, field %q, text %q", p, msg, c.school, c.field, c.want)
			}
			if c.school != "" && !strings.Contains(msg, "「"+c.school+"」") {
				t.Errorf("message does not name the school: %s", msg)
			}
		})
	}
}

// All problems come in one pass, in file order.
func TestAllProblemsInOnePass(t *testing.T) {
	m := base()
	schoolAt(m, 0)["area_teaching_aux"] = "三千"
	schoolAt(m, 1)["colour"] = "red"
	schoolAt(m, 2)["parent_id"] = "ZZ"
	m["year"] = "x"
	_, ps := decodeMap(t, m)
	if len(ps) != 4 {
		t.Fatalf("want 4 problems, got %d: %v", len(ps), ps)
	}
	order := []string{"", "甲小学", "乙初中", "丙教学点"}
	for i, p := range ps {
		if p.SchoolName != order[i] {
			t.Errorf("problem %d is about %q, want %q (file order)", i, p.SchoolName, order[i])
		}
	}
}

func TestNotJSON(t *testing.T) {
	for _, in := range []string{"", "{", "[1,2]", "{} {}", "\x00\x01"} {
		_, err := Decode([]byte(in))
		ps, _ := err.(Problems)
		if len(ps) != 1 || ps[0].Field != fileField || !strings.HasPrefix(ps[0].String(), "整个文件：") {
			t.Errorf("Decode(%q) = %v, want a file-level problem", in, err)
		}
	}
}

// Absent and null both mean 未填报, which is not zero.
func TestNullIsNotZero(t *testing.T) {
	m := base()
	schoolAt(m, 0)["equipment_value"] = nil
	f, ps := decodeMap(t, m)
	if ps != nil {
		t.Fatal(ps)
	}
	if f.Schools[0].EquipmentValue != nil || f.Schools[1].EquipmentValue != nil {
		t.Error("null and absent must stay nil (未填报), not 0")
	}
	if *f.Schools[0].AreaIndoorSports != 200 {
		t.Error("a given value must be read")
	}
}

func FuzzDecode(f *testing.F) {
	data, _ := json.Marshal(base())
	f.Add(data)
	g, _ := Encode(Generate(5, 1))
	f.Add(g)
	f.Add([]byte(`{"format":"junheng-county/1","name":1,"NAME":2}`))
	f.Add(append([]byte{0xEF, 0xBB, 0xBF}, data...))
	f.Fuzz(func(t *testing.T, in []byte) {
		file, err := Decode(in)
		if (file == nil) == (err == nil) {
			t.Fatalf("exactly one of file and error must be set: %v %v", file, err)
		}
		if err != nil {
			if ps, ok := err.(Problems); !ok || len(ps) == 0 {
				t.Fatalf("a refusal must be Problems: %T %v", err, err)
			}
			return
		}
		// What Decode accepts keeps every rule of the decoder.
		body := bytes.TrimPrefix(in, []byte{0xEF, 0xBB, 0xBF})
		if !utf8.Valid(body) {
			t.Fatal("accepted bytes that are not UTF-8")
		}
		if k := duplicateKey(body); k != "" {
			t.Fatalf("accepted a duplicate or case-variant key %q", k)
		}
		assertWithinCatalogue(t, reflect.ValueOf(file).Elem(), "")
	})
}

// duplicateKey finds, with encoding/json's own tokenizer, a key that
// occurs twice in one object up to case ("" when none).
func duplicateKey(data []byte) string {
	dec := json.NewDecoder(bytes.NewReader(data))
	type obj struct {
		keys   map[string]bool
		expect bool
	}
	var stack []*obj
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		var top *obj
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		isKey := top != nil && top.expect
		if top != nil && top.keys != nil {
			top.expect = !top.expect
		}
		switch x := tok.(type) {
		case json.Delim:
			switch x {
			case '{':
				stack = append(stack, &obj{keys: map[string]bool{}, expect: true})
			case '[':
				stack = append(stack, &obj{})
			default:
				stack = stack[:len(stack)-1]
				if len(stack) > 0 && stack[len(stack)-1].keys != nil {
					stack[len(stack)-1].expect = true
				}
			}
		case string:
			if isKey {
				k := strings.ToLower(x)
				if top.keys[k] {
					return x
				}
				top.keys[k] = true
			}
		}
	}
}

// assertWithinCatalogue checks, independently of Validate, that every
// number of an accepted file lies within its catalogue bounds and every
// name, id and text keeps its rules.
func assertWithinCatalogue(t *testing.T, v reflect.Value, path string) {
	t.Helper()
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			assertWithinCatalogue(t, v.Elem(), path)
		}
	case reflect.Struct:
		for name, i := range FieldIndex(v.Type()) {
			p := name
			if path != "" {
				p = path + "." + name
			}
			assertWithinCatalogue(t, v.Field(i), p)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			assertWithinCatalogue(t, v.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			assertWithinCatalogue(t, it.Value(), path+"."+it.Key().String())
		}
	case reflect.Int, reflect.Float64:
		x := v.Convert(reflect.TypeOf(0.0)).Float()
		s, ok := Spec(path)
		if !ok {
			t.Fatalf("accepted a number at %s, which the catalogue does not know", path)
		}
		if math.IsNaN(x) || x < s.Min || x > s.Max || x > 1<<53 {
			t.Fatalf("accepted %s = %v outside [%v, %v]", path, x, s.Min, s.Max)
		}
	case reflect.String:
		str := v.String()
		s, _ := Spec(path)
		if !utf8.ValidString(str) || strings.ContainsAny(str, "\x00\x1b\x7f\u202e\u2066\u200f") {
			t.Fatalf("accepted a text with a control character at %s: %q", path, str)
		}
		switch s.Kind {
		case KindName:
			if utf8.RuneCountInString(str) > NameMaxLen || strings.ContainsAny(str, "\n\r\t") {
				t.Fatalf("accepted a bad name at %s: %q", path, str)
			}
		case KindID:
			if str != CleanID(str) || strings.ContainsAny(str, " \u3000") {
				t.Fatalf("accepted an id not folded at %s: %q", path, str)
			}
		}
	}
}

// The fast typed decoder and the raw walker read the same file the same way.
func TestFastAndRawDecodersAgree(t *testing.T) {
	data, _ := Encode(Generate(30, 9))
	fast, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := decodeRaw(data)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := Encode(fast)
	b, _ := Encode(raw)
	if !bytes.Equal(a, b) || !bytes.Equal(a, data) {
		t.Error("fast and raw decoders disagree, or the round trip changed the file")
	}
}
