package ui

import (
	"testing"

	"junheng/ui/uitest"
)

// The welcome dialog also offers 打开已有文件: it shows the file dialog,
// and closing that without a choice brings the welcome back (not an empty
// window).
func TestWelcomeOffersAnExistingFile(t *testing.T) {
	a := newTestApp(t)
	ov := a.Win.Canvas().Overlays().Top()
	if ov == nil || uitest.Button(ov, "打开已有文件…") == nil {
		t.Fatal("the welcome dialog does not offer 打开已有文件")
	}
	tap(t, ov, "打开已有文件…")
	fd := a.Win.Canvas().Overlays().Top()
	if fd == nil || fd == ov || uitest.Button(fd, "取消") == nil {
		t.Fatal("no file dialog after 打开已有文件")
	}
	tap(t, fd, "取消")
	if top := a.Win.Canvas().Overlays().Top(); top == nil || uitest.Button(top, "打开示范县") == nil {
		t.Fatal("closing the file dialog left the window without the welcome")
	}
}
