//go:build windows

package dialogs

import (
	"strings"

	"fyne.io/fyne/v2"
	sq "github.com/sqweek/dialog"
)

// On Windows the system's own file dialogs are used: they speak the
// system's language, know 此电脑, the desktop, network shares and recent
// folders, as every other program's do. They block, so they run off the
// UI thread and the answer comes back through fyne.Do.

// fileKinds name the file types in the dialog's type list.
var fileKinds = map[string]string{".db": "均衡评估数据文件", ".xlsx": "Excel 工作簿", ".pdf": "PDF 文件"}

func nativeOpen(title string, exts []string, folder string, done func(path string), cancelled func()) bool {
	b := sq.File().Title(title).SetStartDir(folder)
	if len(exts) > 0 {
		var plain []string
		kind := ""
		for _, e := range exts {
			plain = append(plain, strings.TrimPrefix(e, "."))
			if kind == "" {
				kind = fileKinds[strings.ToLower(e)]
			}
		}
		if kind == "" {
			kind = "文件"
		}
		b = b.Filter(kind, plain...)
	}
	go func() {
		path, err := b.Load()
		fyne.Do(func() {
			if err != nil || path == "" {
				if cancelled != nil {
					cancelled()
				}
				return
			}
			done(path)
		})
	}()
	return true
}

func nativeFolder(title, folder string, done func(path string)) bool {
	b := sq.Directory().Title(title).SetStartDir(folder)
	go func() {
		path, err := b.Browse()
		fyne.Do(func() {
			if err == nil && path != "" {
				done(path)
			}
		})
	}()
	return true
}
