package dialogs

import (
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// OpenURL hands a file or folder to the system (the default viewer, the
// file manager). Tests replace it to see what would be opened.
var OpenURL = func(u *url.URL) error { return fyne.CurrentApp().OpenURL(u) }

// FileURL is the file:// address of a path; on Windows a drive path must
// read /C:/….
func FileURL(path string) *url.URL {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return &url.URL{Scheme: "file", Path: p}
}

// WrittenDialog is the message after the program wrote a file.
type WrittenDialog struct {
	D          dialog.Dialog
	OpenFile   *widget.Button
	OpenFolder *widget.Button
}

// FileWritten tells that a file was written (what: "申报材料 PDF",
// "评估结果", "备份"…) and offers 打开文件 and 打开所在文件夹, as Word and
// Excel do after 另存为; 关闭 leaves it. A failure to open is shown.
func FileWritten(what, path string, win fyne.Window) *WrittenDialog {
	wd := &WrittenDialog{}
	text := widget.NewLabel("已保存" + what + "：\n" + filepath.Base(path) + "\n位置：" + filepath.Dir(path))
	text.Wrapping = fyne.TextWrapWord
	open := func(u *url.URL) {
		wd.D.Hide()
		if err := OpenURL(u); err != nil {
			Info("无法打开", "系统没有打开「"+u.Path+"」。请在文件管理器中找到它："+path, win)
		}
	}
	wd.OpenFile = widget.NewButton("打开文件", func() { open(FileURL(path)) })
	wd.OpenFolder = widget.NewButton("打开所在文件夹", func() { open(FileURL(filepath.Dir(path))) })
	closeBtn := widget.NewButton("关闭", func() { wd.D.Hide() })
	wd.D = dialog.NewCustomWithoutButtons("文件已保存", text, win)
	if strings.EqualFold(filepath.Ext(path), ".db") {
		// A data file opens in this program, not in the system's viewer:
		// no 打开文件 that would start another program or nothing.
		wd.OpenFile.Hide()
		wd.D.(*dialog.CustomDialog).SetButtons(Row(closeBtn, wd.OpenFolder))
	} else {
		wd.D.(*dialog.CustomDialog).SetButtons(Row(closeBtn, wd.OpenFolder, wd.OpenFile))
	}
	wd.D.Resize(fyne.NewSize(520, 220))
	wd.D.Show()
	return wd
}
