package county

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Decode reads a county file strictly. Unlike json.Unmarshal it does not
// stop at the first problem: every unknown field, wrong type, negative or
// fractional count and every semantic problem (see Validate) is collected,
// so the clerk fixes the file in one round. A file with any problem yields
// no File: invalid input never produces a result.
func Decode(data []byte) (*File, error) {
	if f, ok := decodeTyped(data); ok {
		if ps := Validate(f); len(ps) > 0 {
			return nil, ps
		}
		return f, nil
	}
	return decodeRaw(data)
}

// decodeRaw is the slow path: the raw document walked field by field,
// collecting every problem.
func decodeRaw(data []byte) (*File, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return nil, Problems{{Field: "(文件)", Message: "不是有效的 JSON：" + jsonErrorText(err, data)}}
	}
	if dec.More() {
		return nil, Problems{{Field: "(文件)", Message: "JSON 文档结束后还有多余内容"}}
	}
	top, ok := raw.(map[string]any)
	if !ok {
		return nil, Problems{{Field: "(文件)", Message: "文件内容应为一个 JSON 对象"}}
	}
	d := decoder{schools: schoolNames(top)}
	var f File
	d.walk(reflect.ValueOf(&f).Elem(), top, "")
	if ps := append(d.problems, Validate(&f)...); len(ps) > 0 {
		return nil, ps.sorted()
	}
	return &f, nil
}

// jsonErrorText words a syntax error with its line number.
func jsonErrorText(err error, data []byte) string {
	var se *json.SyntaxError
	if ok := asSyntax(err, &se); ok {
		line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
		return fmt.Sprintf("第 %d 行附近有语法错误（%v）", line, se)
	}
	return err.Error()
}

func asSyntax(err error, target **json.SyntaxError) bool {
	se, ok := err.(*json.SyntaxError)
	if ok {
		*target = se
	}
	return ok
}

type schoolRef struct{ id, name string }

// schoolNames reads ids and names of the raw schools so that a problem deep
// inside a school can name it even when other fields are broken.
func schoolNames(top map[string]any) []schoolRef {
	list, _ := top["schools"].([]any)
	refs := make([]schoolRef, len(list))
	for i, s := range list {
		m, _ := s.(map[string]any)
		if id, ok := m["id"].(string); ok {
			refs[i].id = id
		}
		if name, ok := m["name"].(string); ok {
			refs[i].name = name
		}
	}
	return refs
}

type decoder struct {
	schools  []schoolRef
	problems Problems
}

var schoolPath = regexp.MustCompile(`^schools\[(\d+)\]\.?`)

// add records a problem at a full JSON path, moving a school prefix into the
// problem's school fields.
func (d *decoder) add(path, value, msg string) {
	d.problems = append(d.problems, problemAt(d.schools, path, value, msg))
}

func problemAt(schools []schoolRef, path, value, msg string) Problem {
	p := Problem{Field: path, Value: value, Message: msg}
	if m := schoolPath.FindStringSubmatch(path); m != nil {
		i, _ := strconv.Atoi(m[1])
		if i < len(schools) {
			p.SchoolID, p.SchoolName = schools[i].id, schools[i].name
			if p.SchoolID == "" && p.SchoolName == "" {
				p.SchoolName = fmt.Sprintf("第 %d 所", i+1)
			}
			p.Field = strings.TrimPrefix(path, m[0])
			p.pos = i + 1
		}
	}
	if p.Field == "" {
		p.Field = path
	}
	return p
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// walk fills v from raw, recording every mismatch instead of stopping.
func (d *decoder) walk(v reflect.Value, raw any, path string) {
	if raw == nil {
		return // absent and null both mean 未填报
	}
	switch v.Kind() {
	case reflect.Pointer:
		elem := reflect.New(v.Type().Elem())
		before := len(d.problems)
		d.walk(elem.Elem(), raw, path)
		if len(d.problems) == before || v.Type().Elem().Kind() == reflect.Struct {
			v.Set(elem)
		}
	case reflect.Struct:
		m, ok := raw.(map[string]any)
		if !ok {
			d.add(path, describe(raw), "应为对象（{…}），实际为"+kindName(raw))
			return
		}
		fields := FieldIndex(v.Type())
		for _, key := range sortedKeys(m) {
			i, ok := fields[key]
			if !ok {
				d.add(join(path, key), "", "未知字段（可能是拼写错误，数据不会被读入）")
				continue
			}
			d.walk(v.Field(i), m[key], join(path, key))
		}
	case reflect.Map:
		m, ok := raw.(map[string]any)
		if !ok {
			d.add(path, describe(raw), "应为对象（{…}），实际为"+kindName(raw))
			return
		}
		out := reflect.MakeMapWithSize(v.Type(), len(m))
		for _, key := range sortedKeys(m) {
			elem := reflect.New(v.Type().Elem()).Elem()
			d.walk(elem, m[key], join(path, key))
			out.SetMapIndex(reflect.ValueOf(key), elem)
		}
		v.Set(out)
	case reflect.Slice:
		list, ok := raw.([]any)
		if !ok {
			d.add(path, describe(raw), "应为数组（[…]），实际为"+kindName(raw))
			return
		}
		out := reflect.MakeSlice(v.Type(), len(list), len(list))
		for i, item := range list {
			d.walk(out.Index(i), item, fmt.Sprintf("%s[%d]", path, i))
		}
		v.Set(out)
	case reflect.String:
		s, ok := raw.(string)
		if !ok {
			d.add(path, describe(raw), "应为文本，实际为"+kindName(raw))
			return
		}
		v.SetString(s)
	case reflect.Bool:
		b, ok := raw.(bool)
		if !ok {
			d.add(path, describe(raw), "应为 true 或 false，实际为"+kindName(raw))
			return
		}
		v.SetBool(b)
	case reflect.Int:
		x, ok := d.number(raw, path)
		if !ok {
			return
		}
		if x != math.Trunc(x) {
			d.add(path, describe(raw), "应为整数")
			return
		}
		if math.Abs(x) > 1e15 {
			d.add(path, describe(raw), "数值过大")
			return
		}
		v.SetInt(int64(x))
	case reflect.Float64:
		x, ok := d.number(raw, path)
		if !ok {
			return
		}
		v.SetFloat(x)
	default:
		panic("county: unsupported field kind " + v.Kind().String())
	}
}

// number reads a finite, non-negative JSON number: no quantity in the
// county file can be negative.
func (d *decoder) number(raw any, path string) (float64, bool) {
	n, ok := raw.(json.Number)
	if !ok {
		d.add(path, describe(raw), "应为数字，实际为"+kindName(raw))
		return 0, false
	}
	x, err := strconv.ParseFloat(string(n), 64)
	if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
		d.add(path, string(n), "数值超出范围")
		return 0, false
	}
	if x < 0 {
		d.add(path, string(n), "不能为负数")
		return 0, false
	}
	return x, true
}

func kindName(raw any) string {
	switch raw.(type) {
	case string:
		return "文本"
	case json.Number:
		return "数字"
	case bool:
		return "真假值"
	case []any:
		return "数组"
	case map[string]any:
		return "对象"
	}
	return "空值"
}

func describe(raw any) string {
	switch x := raw.(type) {
	case string:
		return "「" + x + "」"
	case json.Number:
		return string(x)
	case bool:
		return strconv.FormatBool(x)
	case []any:
		return "[…]"
	case map[string]any:
		return "{…}"
	}
	return ""
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
