package main

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/assets/demo"
)

func TestProofreadCommand(t *testing.T) {
	in := writeTemp(t, "义马.json", demo.JSON)
	code, out, errOut := runCLI("proofread", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "2020年财政经常性收入增长") || !strings.Contains(out, "14.38%") || !strings.Contains(out, "11.82%") {
		t.Errorf("the 14.38%% claim is not reported:\n%s", out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.Contains(errOut, "发现 "+strconv.Itoa(len(lines))+" 处") {
		t.Errorf("%d lines but stderr says %q", len(lines), errOut)
	}
	// A file whose texts state nothing contradicts nothing: exit 0, no line.
	f, err := county.Decode(demo.JSON)
	if err != nil {
		t.Fatal(err)
	}
	f.County.Narrative = county.Narrative{}
	b, _ := county.Encode(f)
	code, out, _ = runCLI("proofread", writeTemp(t, "空.json", b))
	if code != 0 || strings.TrimSpace(out) != "" {
		t.Errorf("no narrative: exit %d, output %q", code, out)
	}
	if code, _, _ := runCLI("proofread"); code != 2 {
		t.Errorf("no file: exit %d, want 2", code)
	}
}

// The evaluation result carries the proofread list (junheng-result/1).
func TestEvalResultHasProofread(t *testing.T) {
	code, out, errOut := runCLI("eval", writeTemp(t, "义马.json", demo.JSON))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res struct {
		Format    string `json:"format"`
		Proofread []struct {
			Where, Text, About, Stated, Computed string
		} `json:"proofread"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range res.Proofread {
		found = found || (p.Where == "narrative.foundation" && p.Stated == "14.38%" && p.Computed == "11.82%")
	}
	if res.Format != "junheng-result/1" || !found {
		t.Errorf("result %s lacks the proofread finding: %+v", res.Format, res.Proofread)
	}
}

// Found: 材料自查 found contradictions and the command still exited 0.
// --strict makes proofread and pdf exit 2 when anything is found (the PDF
// is still written); a clean file exits 0.
func TestStrictExitsTwoOnFindings(t *testing.T) {
	in := writeTemp(t, "义马.json", demo.JSON)
	if code, _, _ := runCLI("proofread", "--strict", in); code != 2 {
		t.Errorf("proofread --strict with findings: exit %d, want 2", code)
	}
	out := filepath.Join(t.TempDir(), "申报材料.pdf")
	if code, _, errOut := runCLI("pdf", "--strict", in, "-o", out, "--sections", "request"); code != 2 {
		t.Errorf("pdf --strict with findings: exit %d, want 2 (%s)", code, errOut)
	}
	f, err := county.Decode(demo.JSON)
	if err != nil {
		t.Fatal(err)
	}
	f.County.Narrative = county.Narrative{}
	f.County.Rectification = nil
	b, _ := county.Encode(f)
	if code, _, errOut := runCLI("proofread", "--strict", writeTemp(t, "空.json", b)); code != 0 {
		t.Errorf("proofread --strict, nothing found: exit %d (%s)", code, errOut)
	}
}
