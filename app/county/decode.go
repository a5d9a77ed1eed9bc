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
	"unicode/utf8"

	"junheng/app/format"
)

// Decode reads a county file strictly. Unlike json.Unmarshal it does not
// stop at the first problem: every unknown field, wrong type, value outside
// the field catalogue and every semantic problem (see Validate) is
// collected, so the clerk fixes the file in one round. A file with any
// problem yields no File: invalid input never produces a result.
//
// Before the fields, the bytes: UTF-8 only (a byte order mark is dropped;
// any other byte that is not UTF-8 is refused naming the school and the
// field), no key twice in one object, not even in another case ("NAME"
// beside "name"), and malformed JSON worded with its line and column. Ids
// are folded with CleanID (full-width digits, blanks, a leading
// apostrophe), so "４１４１…" and "4141…" are the same school.
func Decode(data []byte) (*File, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if !utf8.Valid(data) {
		return nil, badUTF8Problems(data)
	}
	scan := scanKeys(data, false)
	switch {
	case scan.depthAt >= 0:
		return nil, fileProblem("不是有效的 JSON：" + at(data, scan.depthAt,
			fmt.Sprintf("对象或数组嵌套超过 %d 层：这不是县域数据文件的结构", maxDepth)))
	case len(scan.issues) > 0 && json.Valid(data):
		return nil, keyProblems(data, scan.issues)
	case !scan.unknown && !scan.broken:
		if f, ok := decodeTyped(data); ok {
			foldIDs(f)
			if ps := Validate(f); len(ps) > 0 {
				return nil, ps
			}
			return f, nil
		}
	}
	return decodeRaw(data)
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// foldIDs folds every id of the file the one way (CleanID).
func foldIDs(f *File) {
	f.County.Code = CleanID(f.County.Code)
	for i := range f.Schools {
		s := &f.Schools[i]
		s.ID = CleanID(s.ID)
		if s.ParentID != nil {
			*s.ParentID = CleanID(*s.ParentID)
		}
	}
	if p := f.County.Planning; p != nil {
		for i, id := range p.ExcludedSchools {
			p.ExcludedSchools[i] = CleanID(id)
		}
	}
	for i := range f.County.Rectification {
		if id := f.County.Rectification[i].SchoolID; id != nil {
			*id = CleanID(*id)
		}
	}
}

// rawSchools reads the ids and names of the schools of a document that
// parses, for messages about it; nil when it does not parse.
func rawSchools(data []byte) []schoolRef {
	var top map[string]any
	if json.Unmarshal(data, &top) != nil {
		return nil
	}
	refs := schoolNames(top)
	for i := range refs {
		refs[i].id = CleanID(refs[i].id)
		refs[i].name = strings.ReplaceAll(refs[i].name, string(utf8.RuneError), "?")
	}
	return refs
}

// keyProblems words duplicate and case-variant keys.
func keyProblems(data []byte, issues []keyIssue) Problems {
	refs := rawSchools(data)
	var ps Problems
	for _, is := range issues {
		line, _ := position(data, is.off)
		var msg string
		if is.key == is.other {
			msg = fmt.Sprintf("第 %d 行：字段「%s」在同一处出现了两次，无法判断该用哪一个：请删除多余的一个", line, is.key)
		} else {
			msg = fmt.Sprintf("第 %d 行：字段「%s」与前面的「%s」只差大小写，字段名必须与规定的写法完全一致：请删除或改正其中一个", line, is.key, is.other)
		}
		ps = append(ps, problemAt(refs, is.path, "", msg))
	}
	return ps.sorted()
}

// badUTF8Problems names every string of the file that is not UTF-8.
func badUTF8Problems(data []byte) Problems {
	if !json.Valid(data) {
		if _, err := decodeRaw(data); err != nil {
			return err.(Problems)
		}
	}
	scan := scanKeys(data, true)
	refs := rawSchools(data)
	var ps Problems
	for _, is := range scan.badUTF8 {
		line, _ := position(data, is.off)
		what := "文字"
		value := is.other
		if is.key != "" {
			what, value = "字段名", is.key
		}
		msg := fmt.Sprintf("第 %d 行：这段%s含有不是 UTF-8 编码的字节（文件可能是用 GBK 或 ANSI 编码保存的）：请在记事本或 WPS 中把文件「另存为」UTF-8 编码后再导入", line, what)
		ps = append(ps, problemAt(refs, is.path, shortQuote(value), msg))
	}
	if len(ps) == 0 { // a byte outside every string cannot be JSON
		ps = fileProblem("文件含有不是 UTF-8 编码的字节：请把文件「另存为」UTF-8 编码后再导入")
	}
	return ps.sorted()
}

// decodeRaw is the slow path: the raw document walked field by field,
// collecting every problem.
func decodeRaw(data []byte) (*File, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return nil, fileProblem("不是有效的 JSON：" + jsonErrorText(err, data))
	}
	if off := trailing(data, dec.InputOffset()); off >= 0 {
		return nil, fileProblem("不是有效的 JSON：" + at(data, off, "文件的内容已经结束，后面却还有"+charAt(data, off)+"：请删除多余的内容"))
	}
	top, ok := raw.(map[string]any)
	if !ok {
		return nil, fileProblem("文件内容应为一个 JSON 对象（以「{」开头）")
	}
	d := decoder{schools: schoolNames(top)}
	var f File
	d.walk(reflect.ValueOf(&f).Elem(), top, "")
	foldIDs(&f)
	if ps := append(d.problems, Validate(&f)...); len(ps) > 0 {
		return nil, ps.sorted()
	}
	return &f, nil
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
				msg := "未知字段（可能是拼写错误，数据不会被读入）"
				for name := range fields {
					if strings.EqualFold(name, key) {
						msg = "字段名的大小写不对：应为「" + name + "」"
					}
				}
				d.add(join(path, key), "", msg)
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
		if msg := specOf(path, &fallbackInt).CheckNumber(x); msg != "" {
			d.add(path, describe(raw), msg)
			return
		}
		v.SetInt(int64(x))
	case reflect.Float64:
		x, ok := d.number(raw, path)
		if !ok {
			return
		}
		if msg := specOf(path, &fallbackFloat).CheckNumber(x); msg != "" {
			d.add(path, describe(raw), msg)
			return
		}
		v.SetFloat(x)
	default:
		panic("county: unsupported field kind " + v.Kind().String())
	}
}

// number reads a JSON number; one beyond float64 reads as ±Inf, which the
// catalogue's bound then refuses with the bound in the message.
func (d *decoder) number(raw any, path string) (float64, bool) {
	n, ok := raw.(json.Number)
	if !ok {
		d.add(path, describe(raw), "应为数字，实际为"+kindName(raw))
		return 0, false
	}
	x, _ := strconv.ParseFloat(string(n), 64) // out of range: ±Inf, nil error aside
	return x, true
}

// specOf is the catalogue entry of a path, or a fallback bound.
func specOf(path string, fallback *FieldSpec) *FieldSpec {
	if s, ok := Spec(path); ok {
		return &s
	}
	return fallback
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
		return shortQuote(x)
	case json.Number:
		if len(x) > 30 {
			if f, err := strconv.ParseFloat(string(x), 64); err == nil || math.IsInf(f, 0) {
				return format.Entered(f)
			}
			return string(x[:30]) + "…"
		}
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
