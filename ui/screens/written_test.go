package screens

import (
	"net/url"
	"path/filepath"
	"testing"

	"junheng/ui/dialogs"
	"junheng/ui/uitest"
)

// After the program writes a file, a dialog offers 打开文件 and
// 打开所在文件夹, and each hands the right place to the system.
func TestAfterWritingAFileOpenItOrItsFolder(t *testing.T) {
	var opened []string
	was := dialogs.OpenURL
	dialogs.OpenURL = func(u *url.URL) error { opened = append(opened, u.Path); return nil }
	t.Cleanup(func() { dialogs.OpenURL = was })

	fx := newFixture(t)
	fx.show(Resources)
	path := filepath.Join(t.TempDir(), "结果.xlsx")
	ExportResults(fx.env, path)
	ov := fx.win.Canvas().Overlays().Top()
	if ov == nil || uitest.Button(ov, "打开所在文件夹") == nil {
		t.Fatal("no 打开文件 / 打开所在文件夹 dialog after the export")
	}
	uitest.Tap(t, ov, "打开文件")
	ExportResults(fx.env, path)
	uitest.Tap(t, fx.win.Canvas().Overlays().Top(), "打开所在文件夹")
	if len(opened) != 2 || opened[0] != dialogs.FileURL(path).Path || opened[1] != dialogs.FileURL(filepath.Dir(path)).Path {
		t.Fatalf("opened %v, want the file then its folder", opened)
	}
}
