package archive

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"

	"junheng/app/evidence"
	"junheng/assets/demo"
)

// pgRawPDF assembles a PDF from object bodies (object i+1 = objs[i]) with
// a correct cross-reference table, so that a test can forge any structure.
func pgRawPDF(objs []string, trailer string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailer, x)
	return b.Bytes()
}

func TestRawPDFIsReadable(t *testing.T) {
	// The forging helper itself makes a PDF that imports: otherwise the
	// hostile cases below would prove nothing.
	good := pgRawPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents 4 0 R >>",
		"<< /Length 8 >>\nstream\n0 0 m S\n\nendstream",
	}, "/Root 1 0 R")
	if _, err := newImporter().readPDF(good); err != nil {
		t.Fatalf("the forged good PDF does not import: %v", err)
	}
}

func TestHostilePDFs(t *testing.T) {
	pgTool(t, "pdftotext")
	valid := pgPDF(t, []string{"GOODDOC page one", "GOODDOC page two"}, nil)
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 20000)
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	headed := append(append([]byte("%PDF-1.7\n"), random...), []byte("\nstartxref\n9\n%%EOF\n")...)
	cyclicKids := pgRawPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [2 0 R] /Count 1 >>", // the page tree contains itself
	}, "/Root 1 0 R")
	hugeCount := pgRawPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [] /Count 2000000000 >>",
	}, "/Root 1 0 R")
	badIndex := pgRawPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 3 0 R] /Count 1 >>", // more kids than pages
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>",
	}, "/Root 1 0 R")
	encrypted := bytes.Replace(valid, []byte("trailer\n<<"), []byte("trailer\n<<\n/Encrypt 99 0 R"), 1)
	cases := []struct {
		name string
		data []byte
		why  string // part of the placeholder's reason
	}{
		{"截断", valid[:len(valid)*6/10], "不完整"},
		{"随机字节", random, "不是 PDF"},
		{"文件头后为乱码", headed, "结构无法识别"},
		{"页面树循环", cyclicKids, "循环"},
		{"伪造页数", hugeCount, "超过"},
		{"页面多于声明", badIndex, "结构无法识别"},
		{"加密", encrypted, "加密"},
	}
	st := pgStore{}
	var files []evidence.Filed
	for _, c := range cases {
		files = st.add(files, 1, evidence.KindPDF, c.name, c.data, 1)
	}
	files = st.add(files, 1, evidence.KindPDF, "完好的文件", valid, 2)
	start := time.Now()
	var buf bytes.Buffer
	got, err := PhotoPages(&buf, "某某县迎检档案", files, st.get)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("hostile PDFs took %v", d)
	}
	if len(got.Problems) != len(cases) || got.Docs != 1 {
		t.Fatalf("printed %+v, want %d problems and the good PDF", got, len(cases))
	}
	path := pgWrite(t, buf.Bytes())
	if n := pgPages(t, path); n != len(cases)+2 {
		t.Fatalf("%d pages, want a placeholder each and the good PDF's 2 pages", n)
	}
	for i, c := range cases {
		text := pgPageText(t, path, i+1)
		want := fmt.Sprintf("件号%s《%s》为PDF文件，无法嵌入（", files[i].Code(), c.name)
		if !strings.Contains(text, want) || !strings.Contains(text, "请查阅电子文件") || !strings.Contains(text, squeeze(c.why)) {
			t.Errorf("%s: placeholder page says %q", c.name, text)
		}
		if !strings.Contains(got.Problems[i], c.name) {
			t.Errorf("%s: problem %q", c.name, got.Problems[i])
		}
		// The reason is the program's Chinese, never the PDF library's English.
		_, reason, _ := strings.Cut(got.Problems[i], "无法嵌入（")
		reason, _, _ = strings.Cut(reason, "），请查阅")
		if latin.MatchString(reason) {
			t.Errorf("%s: the reason %q carries a library's English", c.name, reason)
		}
	}
	if text := pgPageText(t, path, len(cases)+2); !strings.Contains(text, "GOODDOCpagetwo") || !strings.Contains(text, "第2/2页") {
		t.Errorf("the good PDF after the hostile ones: %q", text)
	}
	pgRender(t, path, len(cases)+2)
}

func TestImportTimeout(t *testing.T) {
	// A read that cannot finish in time ends with a reason, not a hang:
	// with no time at all, even a good PDF is given up.
	old := importTimeout
	importTimeout = 0
	defer func() { importTimeout = old }()
	_, err := newImporter().readPDF(pgPDF(t, []string{"x"}, nil))
	if err == nil || !strings.Contains(err.Error(), "读取") && !strings.Contains(err.Error(), "循环") {
		t.Fatalf("err = %v", err)
	}
}

func TestMixedPageSizesAreReported(t *testing.T) {
	st := pgStore{}
	files := st.add(nil, 1, evidence.KindPDF, "混合页面", pgPDF(t, []string{"a", "b", "c"}, map[int]bool{2: true}), 3)
	var buf bytes.Buffer
	got, err := PhotoPages(&buf, "某某县迎检档案", files, st.get)
	if err != nil {
		t.Fatal(err)
	}
	if got.Docs != 1 || len(got.Problems) != 1 || !strings.Contains(got.Problems[0], "第 3 页的页面大小与第 1 页不同") {
		t.Fatalf("printed %+v", got)
	}
}

// The demo county's 40 attachments (20 PDFs typeset with the Chinese
// font, 20 photos) print whole: every photo placed, every PDF's pages
// imported with their Chinese text, and the labels made.
func TestDemoArchive(t *testing.T) {
	f := demo.File()
	adds, err := demo.Evidence(f)
	if err != nil {
		t.Fatal(err)
	}
	st := pgStore{}
	var atts []evidence.Attachment
	for i, a := range adds {
		kind := a.File.Kind
		if kind == evidence.KindOther { // until Prepare reads kinds from content
			kind = map[string]evidence.Kind{".pdf": evidence.KindPDF, ".jpg": evidence.KindPhoto}[a.File.Ext]
		}
		st[a.File.Hash] = a.File.Data
		atts = append(atts, evidence.Attachment{ID: evidence.Key(a.Item, a.School, a.File.Hash), Year: f.Year, Item: a.Item,
			School: a.School, Hash: a.File.Hash, Name: a.File.Name, Ext: a.File.Ext, Kind: kind, Pages: a.File.Pages,
			Meta: a.Meta, Pos: i, AddedBy: "义马市教体局"})
	}
	var refs []evidence.SchoolRef
	for _, sc := range f.Schools {
		refs = append(refs, evidence.SchoolRef{ID: sc.ID, Name: sc.Name})
	}
	files := evidence.Number(atts, refs)
	var buf bytes.Buffer
	got, err := PhotoPages(&buf, "义马市迎检档案", files, st.get)
	if err != nil {
		t.Fatal(err)
	}
	if got.Photos != 20 || got.Docs != 20 || len(got.Problems) != 0 {
		t.Fatalf("printed %+v", got)
	}
	path := pgWrite(t, buf.Bytes())
	all := squeeze(pgRun(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	for _, want := range []string{"关于公布义务教育学校布局规划的通知", "义政办〔2018〕45号", "（演示文件，第1页，共"} {
		if !strings.Contains(all, want) {
			t.Errorf("the imported demo PDFs lack %q", want)
		}
	}
	pgRender(t, path, got.Pages)
	var labels bytes.Buffer
	if err := BoxLabels(&labels, LabelInfo{County: f.County.Name, Year: f.Year}, files, 4); err != nil {
		t.Fatal(err)
	}
	if text := squeeze(pgRun(t, "pdftotext", "-enc", "UTF-8", pgWrite(t, labels.Bytes()), "-")); !strings.Contains(text, f.County.Name+"义务教育优质均衡发展督导评估") {
		t.Errorf("the demo labels lack the title: %.200s", text)
	}
}

// latin is a lower-case Latin word (an English message; PDF is ours).
var latin = regexp.MustCompile(`[a-z]{3,}`)
