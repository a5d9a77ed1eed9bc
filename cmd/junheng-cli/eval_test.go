package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/assets/demo"
)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// demo → eval gives the same result as the engine on the same file.
func TestEvalDemoJSON(t *testing.T) {
	code, out, _ := runCLI("demo")
	if code != 0 || out != string(demo.JSON) {
		t.Fatalf("demo: exit %d", code)
	}
	path := writeTemp(t, "义马 演示.json", []byte(out))
	code, out, errOut := runCLI("eval", path)
	if code != 0 {
		t.Fatalf("eval exit %d: %s", code, errOut)
	}
	var got eval.Result
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	want := eval.Run(demo.File())
	if got.Format != "junheng-result/1" || got.Verdict.Pass != want.Verdict.Pass || len(got.Verdict.Failures) != len(want.Verdict.Failures) {
		t.Errorf("CLI result differs from the engine: %+v", got.Verdict)
	}
	if *got.Stages.Primary.CV["R4"] != *want.Stages.Primary.CV["R4"] {
		t.Error("values must keep full precision in JSON")
	}
}

// The text report names every school and prints every coefficient as the
// shared formatter prints it.
func TestEvalText(t *testing.T) {
	path := writeTemp(t, "demo.json", demo.JSON)
	code, out, _ := runCLI("eval", path, "--text")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	r := eval.Run(demo.File())
	for _, stage := range []string{eval.Primary, eval.Junior} {
		st := r.Stages.Get(stage)
		for _, sp := range st.Schools {
			if !strings.Contains(out, sp.Name) {
				t.Errorf("report misses %s", sp.Name)
			}
		}
		for code, cv := range st.CV {
			if !strings.Contains(out, format.CV(*cv)) {
				t.Errorf("report misses %s %s coefficient %s", stage, code, format.CV(*cv))
			}
		}
	}
	for _, line := range r.Verdict.Todo {
		if !strings.Contains(out, line.Text) {
			t.Errorf("report misses to-do %q", line.Text)
		}
	}
}

func TestEvalInvalidInput(t *testing.T) {
	f := demo.File()
	f.Schools[0].Teachers.Primary.Certified = county.I(*f.Schools[0].Teachers.Primary.FullTime + 1)
	bad, _ := county.Encode(f)
	bad = bytes.Replace(bad, []byte(`"area_sports_ground"`), []byte(`"area_sport_ground"`), 1)
	path := writeTemp(t, "bad.json", bad)
	code, out, errOut := runCLI("eval", path)
	if code != 2 || out != "" {
		t.Fatalf("invalid input: exit %d, stdout %q; want 2 and nothing on stdout", code, out)
	}
	for _, want := range []string{f.Schools[0].Name, "teachers.primary.certified", "area_sport_ground", "未知字段"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr misses %q:\n%s", want, errOut)
		}
	}
	if code, _, errOut := runCLI("eval", filepath.Join(t.TempDir(), "none.json")); code != 2 || !strings.Contains(errOut, "「none.json」") {
		t.Errorf("missing file: exit %d %q", code, errOut)
	}
	if code, _, _ := runCLI("nonsense"); code != 2 {
		t.Error("unknown command must exit 2")
	}
}

func TestEvalRuleFlags(t *testing.T) {
	path := writeTemp(t, "demo.json", demo.JSON)
	_, out, _ := runCLI("eval", "--tp-merge", path)
	var r eval.Result
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if !r.Rules.MergeTeachingPoints || len(r.Stages.Primary.Excluded) != 0 {
		t.Errorf("with --tp-merge the teaching points join their schools: excluded %v", r.Stages.Primary.Excluded)
	}
}

// End to end on a 1,000-school county: read, validate, evaluate, encode.
func BenchmarkCLIEval1000(b *testing.B) {
	data, _ := county.Encode(county.Generate(1000, 1))
	path := writeTemp(b, "big.json", data)
	for b.Loop() {
		if code := run([]string{"eval", path}, io.Discard, io.Discard); code != 0 {
			b.Fatal("eval failed")
		}
	}
}
