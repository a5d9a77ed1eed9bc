package archive

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"junheng/app/county"
	"junheng/app/evidence"
)

// export writes src's archive into a fresh folder and opens it.
func export(t *testing.T, src *fakeSource) (string, *zip.ReadCloser) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "迎检档案.zip")
	sum, err := Export(src, src.year, out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Files != len(src.atts) {
		t.Errorf("summary says %d files, the source has %d", sum.Files, len(src.atts))
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { zr.Close() })
	if st, _ := os.Stat(out); st == nil || st.Size() != sum.ZipBytes {
		t.Errorf("summary says %d bytes, the file has %v", sum.ZipBytes, st)
	}
	return out, zr
}

func entryBytes(t *testing.T, zr *zip.ReadCloser, name string) []byte {
	t.Helper()
	f, err := zr.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return b
}

func sha(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }

// TestExportDemoArchive is the archive of the demo with 40 attachments:
// it opens with unzip -t, every name is UTF-8 with the flag set, the
// folders and names are those of the 档案目录's rows, and every file holds
// exactly the bytes of its attachment.
func TestExportDemoArchive(t *testing.T) {
	src := demoSource(t)
	out, zr := export(t, src)
	checkArchive(t, out, zr, src.atts, src.data, src.file)
	if got := src.reads.Load(); got != int64(len(src.atts)) {
		t.Errorf("AttachmentData called %d times for %d attachments", got, len(src.atts))
	}
}

// checkArchive checks the zip at out (open as zr) against the attachments
// of f's year and their bytes.
func checkArchive(t *testing.T, out string, zr *zip.ReadCloser, atts []evidence.Attachment, blobs map[string][]byte, cf *county.File) {
	t.Helper()

	if _, err := exec.LookPath("unzip"); err == nil {
		if b, err := exec.Command("unzip", "-t", out).CombinedOutput(); err != nil {
			t.Fatalf("unzip -t: %v\n%s", err, b)
		}
		// unzip reads the names as we wrote them (UTF-8 flag honoured).
		b, err := exec.Command("unzip", "-Z1", out).Output()
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range zr.File {
			names = append(names, f.Name)
		}
		if got := strings.Split(strings.TrimRight(string(b), "\n"), "\n"); !slices.Equal(got, names) {
			t.Errorf("unzip -Z1 lists other names than were written:\n%q\n%q", got, names)
		}
	} else {
		t.Log("unzip not installed: archive not checked with unzip -t")
	}

	files := map[string]*zip.File{}
	for _, f := range zr.File {
		if !utf8.ValidString(f.Name) {
			t.Errorf("name %q is not UTF-8", f.Name)
		}
		if f.Flags&0x800 == 0 {
			t.Errorf("%s: UTF-8 flag (bit 11) not set (flags %#x)", f.Name, f.Flags)
		}
		checkPortable(t, f.Name)
		if strings.HasSuffix(f.Name, "/") {
			continue
		}
		if files[strings.ToLower(f.Name)] != nil {
			t.Errorf("%s is in the archive twice", f.Name)
		}
		files[strings.ToLower(f.Name)] = f
		want := zip.Deflate
		switch strings.ToLower(path.Ext(f.Name)) {
		case ".jpg", ".png", ".pdf", ".docx", ".xlsx":
			want = zip.Store
		}
		if f.Method != want {
			t.Errorf("%s: method %d, want %d", f.Name, f.Method, want)
		}
		if f.Method == zip.Store && f.Flags&0x8 != 0 {
			t.Errorf("%s: stored entry with a data descriptor (Java and others refuse it)", f.Name)
		}
	}
	for _, root := range []string{IndexXLSX, IndexPDF} {
		if files[root] == nil {
			t.Fatalf("%s missing at the archive's root", root)
		}
	}

	rows := readIndex(t, entryBytes(t, zr, IndexXLSX))
	if len(rows) != len(atts) {
		t.Fatalf("档案目录 has %d rows, the data file %d attachments", len(rows), len(atts))
	}
	byHash := map[string][]evidence.Attachment{}
	for _, a := range atts {
		byHash[a.Hash] = append(byHash[a.Hash], a)
	}
	names := map[string]string{"": evidence.CountyLevel}
	for _, s := range cf.Schools {
		names[s.ID] = s.Name
	}
	used := map[string]bool{}
	codes := map[string]bool{}
	lastVol, lastPiece := 0, 0
	for i, r := range rows {
		p := r[col("文件名")]
		f := files[strings.ToLower(p)]
		if f == nil {
			t.Errorf("row %d: %s is not in the archive", i+1, p)
			continue
		}
		delete(files, strings.ToLower(p))
		// The bytes say which attachment this is.
		data := entryBytes(t, zr, f.Name)
		cands := byHash[sha(data)]
		var a *evidence.Attachment
		for j := range cands {
			c := &cands[j]
			if !used[c.ID] && strings.HasPrefix(r[col("二级指标")], c.Item+" ") && r[col("学校")] == names[c.School] && r[col("题名")] == c.DisplayTitle() {
				a = c
				break
			}
		}
		if a == nil {
			t.Errorf("row %d (%s %s): its file holds no attachment of that item, school and title", i+1, r[col("件号")], r[col("题名")])
			continue
		}
		used[a.ID] = true
		if !bytes.Equal(data, blobs[a.Hash]) {
			t.Errorf("%s: bytes differ from AttachmentData", p)
		}
		if r[col("文号")] != a.DocNo || r[col("日期")] != a.Date {
			t.Errorf("row %d: 文号/日期 %q %q, attachment has %q %q", i+1, r[col("文号")], r[col("日期")], a.DocNo, a.Date)
		}
		// 件号 is 卷号-件号, unique, in order.
		code := r[col("件号")]
		if codes[code] {
			t.Errorf("件号 %s given twice", code)
		}
		codes[code] = true
		vol, _ := strconv.Atoi(r[col("卷号")])
		piece, err := strconv.Atoi(strings.TrimPrefix(code, r[col("卷号")]+"-"))
		if err != nil || !strings.HasPrefix(code, r[col("卷号")]+"-") {
			t.Errorf("row %d: 件号 %q does not start with its 卷号 %q", i+1, code, r[col("卷号")])
		}
		if vol < lastVol || (vol == lastVol && piece != lastPiece+1) || (vol > lastVol && piece != 1) {
			t.Errorf("row %d: 件号 %s follows %d-%03d", i+1, code, lastVol, lastPiece)
		}
		lastVol, lastPiece = vol, piece
		// The folder tree: 卷 / 二级指标 / 学校, the file 件号-标题.扩展名.
		parts := strings.Split(p, "/")
		wantDepth := 4
		if a.School == "" {
			wantDepth = 3
		}
		if len(parts) != wantDepth {
			t.Errorf("%s: %d levels, want %d", p, len(parts), wantDepth)
			continue
		}
		if parts[0] != evidence.SafeName(r[col("卷号")]+" "+r[col("一级指标")], 60) {
			t.Errorf("%s: folder %q is not 卷 %s %s", p, parts[0], r[col("卷号")], r[col("一级指标")])
		}
		if !strings.HasPrefix(parts[1], a.Item+" ") {
			t.Errorf("%s: folder %q is not item %s", p, parts[1], a.Item)
		}
		if a.School != "" && parts[2] != evidence.SafeName(names[a.School], 60) {
			t.Errorf("%s: folder %q is not school %s", p, parts[2], names[a.School])
		}
		base := parts[len(parts)-1]
		if want := strconv.Itoa(1000 + piece)[1:] + "-"; !strings.HasPrefix(base, want) {
			t.Errorf("%s: file name does not start with its 件号 %s", p, want)
		}
		if !strings.HasSuffix(base, a.Ext) {
			t.Errorf("%s: lost its extension %s", p, a.Ext)
		}
	}
	for n := range files {
		if n != strings.ToLower(IndexXLSX) && n != strings.ToLower(IndexPDF) {
			t.Errorf("%s is in the archive but not in the 档案目录", n)
		}
	}
	if len(used) != len(atts) {
		t.Errorf("%d of %d attachments found in the archive", len(used), len(atts))
	}
}

// indexCols are the 档案目录's columns, read from its header row.
var indexCols map[string]int

func col(name string) int {
	i, ok := indexCols[name]
	if !ok {
		panic("no column " + name)
	}
	return i
}

// readIndex reads the 档案目录 workbook back: its data rows, each padded to
// the header's width; the header must be evidence.IndexHeader.
func readIndex(t *testing.T, b []byte) [][]string {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	all, err := x.GetRows("档案目录")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 2 || !slices.Equal(all[1], evidence.IndexHeader) {
		t.Fatalf("header row %q, want %q", all[1:2], evidence.IndexHeader)
	}
	indexCols = map[string]int{}
	for i, h := range all[1] {
		indexCols[h] = i
	}
	var out [][]string
	for _, r := range all[2:] {
		for len(r) < len(evidence.IndexHeader) {
			r = append(r, "")
		}
		out = append(out, r)
	}
	return out
}

// checkPortable fails a name some file system would refuse or change.
func checkPortable(t *testing.T, name string) {
	t.Helper()
	// Windows' 260 characters (UTF-16) include the folder it is unpacked
	// in (C:\Users\…\Desktop\迎检档案\): the path inside gets 200.
	if n := len(utf16.Encode([]rune(name))); n > 200 {
		t.Errorf("%q: %d characters, too long once unpacked on Windows", name, n)
	}
	for _, el := range strings.Split(strings.TrimSuffix(name, "/"), "/") {
		if strings.ContainsAny(el, `<>:"\|?*`) || strings.IndexFunc(el, func(r rune) bool { return r < 0x20 }) >= 0 {
			t.Errorf("%q: element %q holds a character Windows refuses", name, el)
		}
		if strings.HasSuffix(el, ".") || strings.HasSuffix(el, " ") || el == "" {
			t.Errorf("%q: element %q ends in a dot or space, or is empty", name, el)
		}
		stem, _, _ := strings.Cut(el, ".")
		switch strings.ToUpper(stem) {
		case "CON", "PRN", "AUX", "NUL", "COM1", "LPT1":
			t.Errorf("%q: element %q is a Windows device name", name, el)
		}
		if len(el) > 255 {
			t.Errorf("%q: element of %d bytes", name, len(el))
		}
	}
}

// TestExportPDFIndexListsEveryFile: the printed 目录 names each 件号 and
// 题名 of the workbook.
func TestExportPDFIndexListsEveryFile(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	src := demoSource(t)
	_, zr := export(t, src)
	rows := readIndex(t, entryBytes(t, zr, IndexXLSX))
	pdf := filepath.Join(t.TempDir(), "目录.pdf")
	if err := os.WriteFile(pdf, entryBytes(t, zr, IndexPDF), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	flat := strings.Join(strings.Fields(text), "")
	if !strings.Contains(flat, strings.ReplaceAll(Title(src.file.County.Name, src.year), " ", "")) {
		t.Errorf("PDF lacks the title %q", Title(src.file.County.Name, src.year))
	}
	for _, r := range rows {
		if !strings.Contains(text, r[col("件号")]) {
			t.Errorf("PDF lacks 件号 %s", r[col("件号")])
		}
	}
	// Titles may wrap inside their cell: read each page in raw order with
	// spaces and breaks removed.
	b, err = exec.Command("pdftotext", "-raw", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	raw := strings.Join(strings.Fields(string(b)), "")
	for _, r := range rows {
		if !strings.Contains(raw, strings.Join(strings.Fields(r[col("题名")]), "")) {
			t.Errorf("PDF lacks 题名 %q", r[col("题名")])
		}
	}
}

// TestExportSameTitleTwice: two files of the same title under the same
// item and school are two files (their 件号 tell them apart), not one
// overwriting the other.
func TestExportSameTitleTwice(t *testing.T) {
	src := demoSource(t)
	_, zr := export(t, src)
	rows := readIndex(t, entryBytes(t, zr, IndexXLSX))
	var paths []string
	school := src.file.Schools[0].Name
	for _, r := range rows {
		if strings.HasPrefix(r[col("二级指标")], "G3 ") && r[col("学校")] == school && r[col("题名")] == "音乐专用教室" {
			paths = append(paths, r[col("文件名")])
		}
	}
	if len(paths) != 2 || paths[0] == paths[1] {
		t.Fatalf("the two 音乐专用教室 of %s are at %q", school, paths)
	}
	a, b := entryBytes(t, zr, paths[0]), entryBytes(t, zr, paths[1])
	if bytes.Equal(a, b) {
		t.Error("the two files hold the same bytes: one overwrote the other")
	}
}

// TestExportEmptyYear: a year without attachments is refused in Chinese
// naming the year, and no file is written.
func TestExportEmptyYear(t *testing.T) {
	src := demoSource(t)
	src.atts = nil
	out := filepath.Join(t.TempDir(), "档案.zip")
	_, err := Export(src, src.year, out, Options{})
	var empty *EmptyError
	if !errors.As(err, &empty) || !strings.Contains(err.Error(), src.year) || !strings.Contains(err.Error(), "未导出") {
		t.Fatalf("err = %v, want a refusal naming %s", err, src.year)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a file was written for an empty year: %v", err)
	}
	if _, err := Export(src, "1999-2000", out, Options{}); err == nil || !strings.Contains(err.Error(), "1999-2000") {
		t.Errorf("unknown year: %v", err)
	}
}

// TestExportFailureLeavesOldFile: a read failing half-way names the
// attachment, leaves the previous archive byte for byte and no temporary.
func TestExportFailureLeavesOldFile(t *testing.T) {
	src := demoSource(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "迎检档案.zip")
	old := []byte("the archive sent last week")
	if err := os.WriteFile(out, old, 0o644); err != nil {
		t.Fatal(err)
	}
	src.failAt = 20
	_, err := Export(src, src.year, out, Options{})
	if err == nil {
		t.Fatal("export succeeded though an attachment could not be read")
	}
	filed := evidence.Number(src.atts, evidence.SchoolRefs(src.file))
	bad := filed[19]
	for _, want := range []string{"未导出", bad.Code(), bad.DisplayTitle(), "已损坏"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if b, _ := os.ReadFile(out); !bytes.Equal(b, old) {
		t.Error("the previous archive was changed")
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %q after a failed export", names)
	}
}

// TestExportExtras: documents of the hook sit at the root, stored, and a
// name that is not a plain file name is refused before anything is written.
func TestExportExtras(t *testing.T) {
	src := demoSource(t)
	out := filepath.Join(t.TempDir(), "a.zip")
	var seen, calls, last, total int
	progress := func(done, all int) { calls, last, total = calls+1, done, all }
	sum, err := Export(src, src.year, out, Options{Progress: progress, Extras: func(in *Input) ([]Extra, error) {
		seen = len(in.Filed)
		if len(in.Paths) != len(in.Filed) {
			t.Errorf("%d paths for %d files", len(in.Paths), len(in.Filed))
		}
		return []Extra{{Name: "照片页.pdf", Write: func(w io.Writer) error { _, err := w.Write([]byte("%PDF-1.4 photo pages")); return err }}}, nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	if seen != len(src.atts) || !slices.Equal(sum.Extras, []string{"照片页.pdf"}) {
		t.Errorf("hook saw %d files, summary extras %q", seen, sum.Extras)
	}
	if want := len(src.atts) + 3; calls != want || last != want || total != want {
		t.Errorf("progress told %d times, last %d of %d; want %d files (40 + 目录 ×2 + 1 extra)", calls, last, total, want)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "照片页.pdf" && (f.Method != zip.Store || f.Flags&0x8 != 0) {
			t.Errorf("extra PDF: method %d flags %#x, want stored without descriptor", f.Method, f.Flags)
		}
	}
	if b := entryBytes(t, zr, "照片页.pdf"); string(b) != "%PDF-1.4 photo pages" {
		t.Errorf("extra holds %q", b)
	}
	failing := filepath.Join(t.TempDir(), "c.zip")
	_, err = Export(src, src.year, failing, Options{Extras: func(*Input) ([]Extra, error) {
		return []Extra{{Name: "档案盒标签.pdf", Write: func(io.Writer) error { return errors.New("字体无法载入") }}}, nil
	}})
	if err == nil || !strings.Contains(err.Error(), "档案盒标签.pdf") || !strings.Contains(err.Error(), "字体无法载入") || strings.Contains(err.Error(), "c.zip") {
		t.Errorf("failing extra: %v", err)
	}
	if _, err := os.Stat(failing); !os.IsNotExist(err) {
		t.Error("an export whose extra failed wrote a file")
	}
	bad := filepath.Join(t.TempDir(), "b.zip")
	_, err = Export(src, src.year, bad, Options{Extras: func(*Input) ([]Extra, error) {
		return []Extra{{Name: "../照片页.pdf", Write: func(io.Writer) error { return nil }}}, nil
	}})
	if err == nil || !strings.Contains(err.Error(), "../照片页.pdf") {
		t.Errorf("a path as extra name: %v", err)
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Error("refused export wrote a file")
	}
}
