package county

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// baseJSON is the valid base county as bytes, for tests that must build
// the document by hand (duplicate keys, raw bytes).
func baseJSON(t *testing.T) []byte {
	t.Helper()
	data, err := json.Marshal(base())
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// refused decodes data and returns the problems, failing when it is accepted.
func refused(t *testing.T, data []byte) Problems {
	t.Helper()
	f, err := Decode(data)
	if err == nil {
		t.Fatalf("accepted: %s", shortQuote(string(data)))
	}
	if f != nil {
		t.Fatal("a refused file must produce no File")
	}
	ps, ok := err.(Problems)
	if !ok {
		t.Fatalf("Decode returned %T, want Problems", err)
	}
	return ps
}

// mustContain fails unless the message contains every part.
func mustContain(t *testing.T, msg string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(msg, p) {
			t.Errorf("message does not contain %q:\n%s", p, msg)
		}
	}
}

// noEnglish fails when a message holds a run of ASCII letters that is not
// a field path or value it quotes.
func noEnglish(t *testing.T, msg string, allowed ...string) {
	t.Helper()
	for _, a := range allowed {
		msg = strings.ReplaceAll(msg, a, "")
	}
	for _, w := range []string{"invalid", "unexpected", "EOF", "exceeded", "depth", "character", "json", "JSON input", "looking"} {
		if strings.Contains(msg, w) {
			t.Errorf("English %q reaches the user:\n%s", w, msg)
		}
	}
}

// GBK bytes in a school name (a file saved by Notepad in ANSI on a
// Chinese Windows) used to become U+FFFD silently.
func TestGBKNameRefused(t *testing.T) {
	gbk := []byte{0xB5, 0xDA, 0xD2, 0xBB, 0xD0, 0xA1, 0xD1, 0xA7} // 第一小学 in GBK
	data := bytes.Replace(baseJSON(t), []byte("甲小学"), gbk, 1)
	ps := refused(t, data)
	if len(ps) != 1 {
		t.Fatalf("want one problem, got %v", ps)
	}
	p := ps[0]
	msg := p.String()
	if p.Field != "name" || p.SchoolID != "A1" {
		t.Errorf("problem must name school A1 and field name: %+v", p)
	}
	mustContain(t, msg, "UTF-8", "GBK", "另存为", "学校名称")
	if strings.ContainsRune(msg, 0xfffd) {
		t.Errorf("the message shows U+FFFD instead of naming the bytes: %s", msg)
	}
}

func TestGBKInCountyAndKeyRefused(t *testing.T) {
	data := bytes.Replace(baseJSON(t), []byte(`"测试县"`), []byte("\"\xb2\xe2\xca\xd4\""), 1)
	ps := refused(t, data)
	if len(ps) != 1 || ps[0].Field != "county.name" || ps[0].SchoolName != "" {
		t.Fatalf("want one problem at county.name: %v", ps)
	}
	data = bytes.Replace(baseJSON(t), []byte(`"location"`), []byte("\"loc\xb2\""), 1)
	ps = refused(t, data)
	mustContain(t, ps.Error(), "字段名", "UTF-8", "甲小学")
}

// A UTF-8 byte order mark (Notepad writes one) used to be refused with
// "invalid character 'ï'".
func TestBOMAccepted(t *testing.T) {
	plain := baseJSON(t)
	f, err := Decode(append([]byte{0xEF, 0xBB, 0xBF}, plain...))
	if err != nil {
		t.Fatalf("a file with a BOM must be read: %v", err)
	}
	g, _ := Decode(plain)
	a, _ := Encode(f)
	b, _ := Encode(g)
	if !bytes.Equal(a, b) {
		t.Error("the BOM changed what was read")
	}
	// a BOM in the middle is no BOM: it is refused as JSON
	mid := append(append([]byte("{"), 0xEF, 0xBB, 0xBF), plain[1:]...)
	ps := refused(t, mid)
	noEnglish(t, ps.Error())
}

// Duplicate keys: encoding/json silently takes the last one.
func TestDuplicateKeysRefused(t *testing.T) {
	cases := []struct {
		name, old, new string
		school, field  string
		want           []string
	}{
		{"name twice in a school", `"name":"甲小学"`, `"name":"甲小学","name":"乙小学"`, "甲小学", "name", []string{"「name」在同一处出现了两次"}},
		{"NAME beside name in a school", `"name":"甲小学"`, `"name":"甲小学","NAME":"乙小学"`, "甲小学", "NAME", []string{"「NAME」与前面的「name」只差大小写"}},
		{"Kelvin-sign variant", `"type":"小学"`, "\"type\":\"小学\",\"TYPE\":\"初中\"", "甲小学", "TYPE", []string{"只差大小写"}},
		{"year twice at top level", `"year":"2024-2025"`, `"year":"2024-2025","year":"2023-2024"`, "", "year", []string{"「year」在同一处出现了两次"}},
		{"Format beside format at top level", `"format":"junheng-county/1"`, `"format":"junheng-county/1","Format":"x"`, "", "Format", []string{"只差大小写"}},
		{"nested in teachers", `"pe":3`, `"pe":3,"pe":30`, "甲小学", "teachers.primary.pe", []string{"两次"}},
		{"escaped spelling", `"name":"甲小学"`, `"name":"甲小学","n\u0061me":"乙"`, "甲小学", "name", []string{"两次"}},
		{"survey group twice", `"county":{`, `"county":{"survey":{"学生":[10,9],"学生":[10,1]},`, "", "county.survey.学生", []string{"两次"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := bytes.Replace(baseJSON(t), []byte(c.old), []byte(c.new), 1)
			if bytes.Equal(data, baseJSON(t)) {
				t.Fatalf("test setup: %q not found", c.old)
			}
			ps := refused(t, data)
			if len(ps) != 1 {
				t.Fatalf("want one problem, got %v", ps)
			}
			p := ps[0]
			if (c.school == "") != (p.SchoolID == "") || c.school != "" && p.SchoolID != "A1" || p.Field != c.field {
				t.Errorf("problem at %q/%q, want %q/%q: %s", p.SchoolName, p.Field, c.school, c.field, p)
			}
			mustContain(t, p.String(), append(c.want, "第 1 行")...)
		})
	}
}

// "NAME" alone, with no "name": encoding/json's fast path matched it to the
// field case-insensitively; the field names are exact.
func TestCaseVariantAloneRefused(t *testing.T) {
	data := bytes.Replace(baseJSON(t), []byte(`"location":"城区"`), []byte(`"Location":"城区"`), 1)
	ps := refused(t, data)
	if len(ps) != 1 || ps[0].Field != "Location" {
		t.Fatalf("want one problem at Location: %v", ps)
	}
	mustContain(t, ps[0].String(), "大小写", "「location」")
	for _, variant := range []string{"\"\u017ftudents\"", "\"STUDENTS\""} { // ſ folds to s in encoding/json
		data := bytes.Replace(baseJSON(t), []byte(`"students"`), []byte(variant), 1)
		refused(t, data)
	}
}

// 2^53 and 10^16 in an integer field hung eval, pdf and export-xlsx.
func TestHugeIntegersRefusedWithTheBound(t *testing.T) {
	for _, v := range []string{"9007199254740992", "10000000000000000", "1e20", "20001"} {
		data := bytes.Replace(baseJSON(t), []byte(`"primary":500`), []byte(`"primary":`+v), 1)
		ps := refused(t, data)
		if len(ps) != 1 || ps[0].Field != "students.primary" {
			t.Fatalf("%s: want one problem at students.primary, got %v", v, ps)
		}
		mustContain(t, ps[0].String(), "甲小学", "小学在校生数", "不能大于 20,000人")
	}
}

// 1.7e308 in an area gave "+Inf" in Excel and 300-digit numbers in the report.
func TestHugeAreaRefused(t *testing.T) {
	for _, v := range []string{"1.7e308", "1e400", "10000001"} {
		data := bytes.Replace(baseJSON(t), []byte(`"area_teaching_aux":3000`), []byte(`"area_teaching_aux":`+v), 1)
		ps := refused(t, data)
		if len(ps) != 1 || ps[0].Field != "area_teaching_aux" {
			t.Fatalf("%s: want one problem at area_teaching_aux, got %v", v, ps)
		}
		msg := ps[0].String()
		mustContain(t, msg, "教学及辅助用房面积", "不能大于 10,000,000㎡")
		if len(msg) > 400 {
			t.Errorf("the message prints the absurd value in full: %s", msg)
		}
	}
}

// Survey counts of 2^62 printed "-50.00%".
func TestHugeSurveyRefused(t *testing.T) {
	m := base()
	m["county"].(map[string]any)["survey"] = map[string]any{"家长": []any{int64(1) << 62, int64(1) << 61}}
	_, ps := decodeMap(t, m)
	if len(ps) != 2 {
		t.Fatalf("want a problem for each count: %v", ps)
	}
	mustContain(t, ps.Error(), "「家长」调查人数", "「家长」满意人数", "不能大于 10,000,000人")
}

// A 100,000-character name made pdf run for minutes; control characters
// were stored and printed raw.
func TestBadNamesRefused(t *testing.T) {
	cases := map[string]string{
		"100k characters": strings.Repeat("长", 100000),
		"ESC":             "甲\x1b[2J小学",
		"NUL":             "甲\x00小学",
		"RLO":             "甲\u202e学小",
	}
	for family, name := range cases {
		t.Run(family, func(t *testing.T) {
			m := base()
			schoolAt(m, 0)["name"] = name
			_, ps := decodeMap(t, m)
			if len(ps) != 1 || ps[0].Field != "name" || ps[0].SchoolID != "A1" {
				t.Fatalf("want one problem at A1's name, got %v", ps)
			}
			msg := ps[0].String()
			if len(msg) > 600 || strings.ContainsAny(msg, "\x1b\x00\u202e") {
				t.Errorf("the message must not carry the name raw: %q", msg)
			}
		})
	}
	m := base()
	m["county"].(map[string]any)["name"] = "测试\u2067县"
	_, ps := decodeMap(t, m)
	if len(ps) != 1 || ps[0].Field != "county.name" {
		t.Fatalf("county name with a bidi control: %v", ps)
	}
}

// Full-width ids and a LibreOffice apostrophe are the same school.
func TestIDsFolded(t *testing.T) {
	m := base()
	schoolAt(m, 0)["id"] = "\u3000Ａ１ "
	schoolAt(m, 2)["parent_id"] = "'A1"
	f, ps := decodeMap(t, m)
	if ps != nil {
		t.Fatal(ps)
	}
	if f.Schools[0].ID != "A1" || *f.Schools[2].ParentID != "A1" {
		t.Errorf("ids not folded: %q %q", f.Schools[0].ID, *f.Schools[2].ParentID)
	}
	// Two spellings of one id are a duplicate, not two schools.
	m = base()
	schoolAt(m, 1)["id"] = "Ａ１"
	_, ps = decodeMap(t, m)
	if len(ps) != 1 || !strings.Contains(ps[0].String(), "重复") {
		t.Errorf("a full-width copy of an id must be a duplicate: %v", ps)
	}
}

// Validate itself (the database, the Excel import, the GUI) refuses what
// the JSON decoder refuses: an id not folded, a bad name, a bound.
func TestValidateHoldsTheRulesForEveryPath(t *testing.T) {
	f := Generate(3, 1)
	f.Schools[0].ID = "４１" + f.Schools[0].ID[2:]
	f.Schools[1].Name = "x\x1b"
	f.Schools[2].AreaSportsGround = F(1.7e308)
	big := 1 << 53
	f.County.Gov.G9.Teachers = &big
	ps := Validate(f)
	fields := map[string]bool{}
	for _, p := range ps {
		fields[p.Field] = true
	}
	for _, want := range []string{"id", "name", "area_sports_ground", "county.gov.G9.teachers"} {
		if !fields[want] {
			t.Errorf("Validate does not refuse %s: %v", want, ps)
		}
	}
}

// Malformed JSON is worded in Chinese with line and column.
func TestMalformedJSONMessages(t *testing.T) {
	full := []byte("{\n  \"format\": \"junheng-county/1\",\n  \"year\": \"2024-2025\",\n  \"county\": {\"name\": \"测试县\"}\n}")
	cases := []struct {
		name string
		in   []byte
		want []string
	}{
		{"truncated", full[:len(full)-10], []string{"意外结束", "第 4 行"}},
		{"truncated in a string", full[:40], []string{"意外结束", "第 3 行"}},
		{"empty", []byte(""), []string{"文件是空的"}},
		{"only blanks", []byte("  \n "), []string{"文件是空的"}},
		{"stray bytes after", append(append([]byte{}, full...), []byte("\n垃圾")...), []string{"第 6 行第 1 列", "「垃」", "多余"}},
		{"stray closing brace", append(append([]byte{}, full...), '}'), []string{"第 5 行第 2 列", "「}」", "多余"}},
		{"stray closing bracket and GBK", append(append([]byte{}, full...), ']', 0xb5), []string{"第 5 行第 2 列", "多余"}},
		{"second document", append(append([]byte{}, full...), []byte(" {}")...), []string{"第 5 行第 3 列", "多余"}},
		{"missing comma", bytes.Replace(full, []byte(`1",`), []byte(`1"`), 1), []string{"第 3 行第 3 列", "逗号"}},
		{"trailing comma", bytes.Replace(full, []byte(`"测试县"}`), []byte(`"测试县",}`), 1), []string{"第 4 行", "字段名"}},
		{"single quotes", bytes.Replace(full, []byte(`"year"`), []byte(`'year'`), 1), []string{"第 3 行第 3 列", "字段名"}},
		{"control character in a string", bytes.Replace(full, []byte("测试县"), []byte("测试\t县"), 1), []string{"第 4 行第 25 列", "控制字符"}},
		{"bad literal", bytes.Replace(full, []byte(`"2024-2025"`), []byte(`ture`), 1), []string{"第 3 行", "true、false 或 null"}},
		{"depth", bytes.Repeat([]byte("["), 100000), []string{"第 1 行第 65 列", "嵌套"}},
		{"depth in objects", []byte(strings.Repeat(`{"a":`, 70)), []string{"嵌套"}},
		{"not an object", []byte("[1,2]"), []string{"JSON 对象"}},
		{"binary", []byte("\x00\x01"), []string{"第 1 行第 1 列"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ps := refused(t, c.in)
			if len(ps) != 1 || ps[0].Field != "(文件)" {
				t.Fatalf("want one file-level problem, got %v", ps)
			}
			msg := ps[0].String()
			mustContain(t, msg, c.want...)
			noEnglish(t, msg, "junheng-county/1")
		})
	}
}

// Every context encoding/json words a syntax error with has its Chinese
// sentence, including its own nesting limit.
func TestEveryJSONSyntaxErrorTranslated(t *testing.T) {
	inputs := []string{
		"{", "[1,", `{"a" 1}`, `{"a":1 "b":2}`, `[1 2]`, `{1:2}`, `"a\x01"`, `"\q"`, `"\u12x4"`,
		`1.x`, `1ex`, `-x`, `tx`, `fx`, `nx`, `{} x`, strings.Repeat("[", 10001),
	}
	for _, in := range inputs {
		var v any
		err := json.Unmarshal([]byte(in), &v)
		if err == nil {
			t.Fatalf("%q should not parse", in)
		}
		msg := jsonErrorText(err, []byte(in))
		if !strings.Contains(msg, "第 1 行") {
			t.Errorf("%q: no line in %q (from %v)", in, msg, err)
		}
		noEnglish(t, msg)
		if strings.Contains(msg, "这里不应出现") {
			t.Errorf("%q: error %q has no sentence of its own", in, err)
		}
	}
}

// The dossier's facts keep their rules on every path too.
func TestDossierFactsChecked(t *testing.T) {
	f := Generate(3, 1)
	f.County.Application = &Application{Date: "2025/3/8", Applicant: "测试县\u202e人民政府"}
	f.County.SurveyConduct = &SurveyConduct{Issued: I(100), Valid: I(120)}
	f.County.Rectification = []Rectification{
		{Code: "R2", SchoolID: S("nobody"), Status: "做完了"},
		{Code: "", Deadline: "2025-02-30"},
	}
	ps := Validate(f)
	want := map[string]string{
		"county.application.date":           "2025-03-08",
		"county.application.applicant":      "方向控制",
		"county.survey_conduct.valid":       "不能多于发放问卷数（100）",
		"county.rectification[0].school_id": "没有这个标识码的学校",
		"county.rectification[0].status":    "未开始、进行中、已完成",
		"county.rectification[1].code":      "指标编号",
		"county.rectification[1].deadline":  "不是实际存在的日期",
	}
	got := map[string]string{}
	for _, p := range ps {
		got[p.Field] = p.String()
	}
	for field, part := range want {
		if !strings.Contains(got[field], part) {
			t.Errorf("%s: want a problem containing %q, got %q", field, part, got[field])
		}
	}
	if len(ps) != len(want) {
		t.Errorf("want %d problems, got %v", len(want), ps)
	}
	// a rectification's school id is folded like every id
	f = Generate(3, 1)
	f.County.Rectification = []Rectification{{Code: "R2", SchoolID: S("'" + f.Schools[0].ID)}}
	data, _ := Encode(f)
	g, err := Decode(data)
	if err != nil || *g.County.Rectification[0].SchoolID != f.Schools[0].ID {
		t.Errorf("rectification school id not folded: %v", err)
	}
}
