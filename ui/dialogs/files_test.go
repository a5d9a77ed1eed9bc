package dialogs

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"junheng/data"
	"junheng/data/safefile"
	"junheng/ui/uitest"
)

func saveWindow(t *testing.T) fyne.Window {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1000, 700))
	return w
}

// Nothing is written by the dialog itself: the path reaches the caller,
// with the extension added.
func TestSaveFileHandsOverThePath(t *testing.T) {
	w := saveWindow(t)
	dir := filepath.Join(t.TempDir(), "县 数据")
	os.Mkdir(dir, 0o755)
	var got string
	d := SaveFile(w, "另存为", "义马市", ".db", dir, nil, func(p string) { got = p })
	d.Name.SetText("义马市 2024")
	test.Tap(d.Save)
	if want := filepath.Join(dir, "义马市 2024.db"); got != want {
		t.Fatalf("path %q, want %q", got, want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the dialog wrote %d files; it must write none", len(entries))
	}
}

// The open data file is never offered for overwriting; a bad name is
// refused with a message; nothing reaches the caller.
func TestSaveFileRefusesTheOpenFileAndBadNames(t *testing.T) {
	w := saveWindow(t)
	dir := t.TempDir()
	open := filepath.Join(dir, "义马市.db")
	os.WriteFile(open, []byte("data of weeks"), 0o644)
	called := false
	d := SaveFile(w, "另存为", "义马市.db", ".db", dir, []string{open}, func(string) { called = true })
	test.Tap(d.Save)
	if called || !strings.Contains(d.Message.Text, "正在使用的数据文件") {
		t.Errorf("saving over the open file: called %v, message %q", called, d.Message.Text)
	}
	if b, _ := os.ReadFile(open); string(b) != "data of weeks" {
		t.Fatal("the open data file was touched")
	}
	d.Name.SetText("a/b")
	test.Tap(d.Save)
	if called || !strings.Contains(d.Message.Text, "不能含有") {
		t.Errorf("bad name: called %v, message %q", called, d.Message.Text)
	}
}

// Another existing file is replaced only after the clerk confirms, and
// atomically: the dialog removes nothing, so a write that fails after 替换
// leaves the old file whole, and one that succeeds takes its place.
func TestSaveFileAsksBeforeReplacing(t *testing.T) {
	w := saveWindow(t)
	dir := t.TempDir()
	old := filepath.Join(dir, "申报材料.pdf")
	os.WriteFile(old, []byte("old"), 0o644)
	for _, c := range []struct {
		write func(io.Writer) error
		want  string
	}{
		{func(w io.Writer) error { io.WriteString(w, "half"); return errors.New("磁盘已满") }, "old"},
		{func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }, "new"},
	} {
		var got string
		d := SaveFile(w, "保存", "申报材料", ".pdf", dir, nil, func(p string) {
			got = p
			safefile.Write(p, c.write)
		})
		test.Tap(d.Save)
		if got != "" {
			t.Fatal("replaced without asking")
		}
		uitest.Tap(t, w.Canvas().Overlays().Top(), "替换")
		if got != old {
			t.Fatalf("after confirming: path %q", got)
		}
		if b, err := os.ReadFile(old); string(b) != c.want {
			t.Errorf("after 替换 the file holds %q (%v), want %q", b, err, c.want)
		}
	}
}

// The open and folder dialogs show without crashing (Fyne panics on a
// FileDialog resized before it is shown).
func TestFileDialogsShow(t *testing.T) {
	w := saveWindow(t)
	dir := t.TempDir()
	OpenFile(w, []string{".db"}, dir, func(string) {})
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("the open dialog did not appear")
	}
	d := SaveFile(w, "另存为", "a", ".db", dir, nil, func(string) {})
	uitest.Tap(t, w.Canvas().Overlays().Top(), "浏览…")
	_ = d
}

// Fyne's file dialog lists its places ("Home", "Computer", "Documents"…)
// in English whatever the language; here they read in Chinese.
func TestFileDialogPlacesInChinese(t *testing.T) {
	w := saveWindow(t)
	OpenFile(w, []string{".db"}, t.TempDir(), func(string) {})
	ov := w.Canvas().Overlays().Top()
	var texts []string
	uitest.Walk(ov, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	})
	home := false
	for _, s := range texts {
		if _, english := placeNames[s]; english {
			t.Errorf("the file dialog shows %q", s)
		}
		home = home || s == placeNames["Home"]
	}
	if !home {
		t.Errorf("no %s among the dialog's words %v", placeNames["Home"], texts)
	}
}

// Issue 21 §1, as found: any output could be written over a data file of
// ours (another office's .db, under any name). The dialog refuses it
// however the clerk would confirm, naming the file. (A journal's name
// cannot be chosen here: the extension is always added.)
func TestSaveFileNeverReplacesADataFile(t *testing.T) {
	w := saveWindow(t)
	dir := t.TempDir()
	other := filepath.Join(dir, "乡镇.pdf") // a data file renamed
	s, err := data.Create(other, data.Settings{Office: "乡镇", User: "李四"})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(other)
	for _, name := range []string{"乡镇.pdf", "乡镇"} {
		called := false
		d := SaveFile(w, "保存", name, ".pdf", dir, nil, func(string) { called = true })
		d.Name.SetText(name)
		test.Tap(d.Save)
		if called || !strings.Contains(d.Message.Text, "乡镇.pdf") || !strings.Contains(d.Message.Text, "数据文件") {
			t.Errorf("saving as %s: called %v, message %q", name, called, d.Message.Text)
		}
		d.Hide()
	}
	if after, _ := os.ReadFile(other); string(after) != string(before) {
		t.Fatal("the data file was touched")
	}
}

// Found: the file dialog ignored Escape and listed .lock files. Esc
// closes it as a cancel; lock notes and owner files are never offered.
func TestFileDialogEscapeAndNoLockFiles(t *testing.T) {
	w := saveWindow(t)
	cancelled := false
	OpenFileOr(w, []string{".db"}, t.TempDir(), func(string) {}, func() { cancelled = true })
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no file dialog")
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() != nil || !cancelled {
		t.Fatal("Esc did not close the file dialog as a cancel")
	}
	p := pickable{[]string{".db"}}
	for name, want := range map[string]bool{"义马市.db": true, "义马市.DB": true, "义马市.db.lock": false, "报告.pdf": false} {
		if got := p.Matches(storage.NewFileURI("/tmp/" + name)); got != want {
			t.Errorf("%s offered %v", name, got)
		}
	}
	any := pickable{}
	for name, want := range map[string]bool{"照片.jpg": true, "~$报告.docx": false, ".~lock.表.xlsx#": false, "a.lock": false} {
		if got := any.Matches(storage.NewFileURI("/tmp/" + name)); got != want {
			t.Errorf("%s offered %v among any files", name, got)
		}
	}
}

// Found: the backup-done dialog offered 打开文件 on a .db. A data file is
// offered its folder only; other files keep 打开文件.
func TestWrittenDataFileOffersItsFolderOnly(t *testing.T) {
	w := saveWindow(t)
	if d := FileWritten("备份", filepath.Join(t.TempDir(), "义马市-备份.db"), w); d.OpenFile.Visible() {
		t.Error("a backup offers 打开文件")
	}
	if d := FileWritten("申报材料 PDF", filepath.Join(t.TempDir(), "申报.pdf"), w); !d.OpenFile.Visible() {
		t.Error("a PDF is not offered 打开文件")
	}
}
