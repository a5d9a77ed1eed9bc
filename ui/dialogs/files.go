package dialogs

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"junheng/data"
)

// fileDialogSize is large enough to read Chinese file names in full.
var fileDialogSize = fyne.NewSize(900, 600)

// SaveDialog asks for the folder and name of a new file.
type SaveDialog struct {
	*dialog.CustomDialog
	Folder  *widget.Label
	Name    *widget.Entry
	Message *widget.Label
	Save    *widget.Button
}

// SaveFile asks where to write a new file of type ext (".pdf", ".xlsx",
// ".db"): a folder (浏览… picks another) and a file name, proposed as
// folder and name. It hands the full path to done, with the extension
// added if the clerk left it out.
//
// Fyne's own save dialog is not used because it creates (and truncates)
// the chosen file before the program sees the name: choosing the open data
// file would destroy it, and the data layer, which refuses to overwrite,
// would then find an empty file in its way. Here nothing is written until
// done runs; a path in protect (the open data file) is refused, and an
// existing file is handed to done only after the clerk confirms 替换.
// The dialog never removes it: done writes through the one atomic writer
// (data/safefile), which renames the complete new file over the old one,
// so a failed or interrupted write leaves the old file whole.
func SaveFile(win fyne.Window, title, name, ext, folder string, protect []string, done func(path string)) *SaveDialog {
	s := &SaveDialog{Folder: widget.NewLabel(folder), Name: widget.NewEntry(), Message: widget.NewLabel("")}
	s.Folder.Truncation = fyne.TextTruncateEllipsis
	s.Name.SetText(name)
	s.Message.Wrapping = fyne.TextWrapWord
	s.Message.Importance = widget.DangerImportance
	browse := widget.NewButton("浏览…", func() {
		OpenFolder(win, "选择保存到的文件夹", s.Folder.Text, func(p string) { s.Folder.SetText(p) })
	})
	body := container.NewVBox(
		widget.NewForm(
			widget.NewFormItem("保存到文件夹", container.NewBorder(nil, nil, nil, browse, s.Folder)),
			widget.NewFormItem("文件名", s.Name),
		),
		s.Message,
	)
	s.CustomDialog = dialog.NewCustomWithoutButtons(title, body, win)
	cancel := widget.NewButton("取消", s.Hide)
	s.Save = widget.NewButton("保存", func() {
		path, err := savePath(s.Folder.Text, s.Name.Text, ext)
		if err == nil {
			for _, p := range protect {
				if p != "" && sameFile(p, path) {
					err = fmt.Errorf("「%s」是正在使用的数据文件，不能覆盖，请换一个文件名", filepath.Base(path))
				}
			}
		}
		if err == nil {
			// The program's one guard: never a data file of ours (under any
			// name), its journal or lock note, a folder or a device, even
			// when the clerk would confirm; any other file after 替换.
			err = data.CheckOutput(path, data.OutputOptions{Force: true, Inputs: protect})
		}
		if err != nil {
			s.Message.SetText(err.Error())
			return
		}
		if _, statErr := os.Stat(path); statErr == nil {
			confirmReplace(fmt.Sprintf("「%s」已存在。要用新文件替换它吗？", path), func(ok bool) {
				if !ok {
					return
				}
				s.Hide()
				done(path)
			}, win)
			return
		}
		s.Hide()
		done(path)
	})
	s.Save.Importance = widget.HighImportance
	s.Name.OnSubmitted = func(string) { s.Save.OnTapped() }
	s.SetButtons([]fyne.CanvasObject{cancel, s.Save})
	s.Resize(fyne.NewSize(640, 240))
	s.Show()
	return s
}

// confirmReplace asks before replacing an existing file: 替换 or 取消.
func confirmReplace(message string, done func(bool), win fyne.Window) {
	l := widget.NewLabel(message)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("文件已存在", "替换", "取消", l, done, win)
	d.Resize(fyne.NewSize(420, 180))
	d.Show()
}

// savePath joins folder and name, adding ext, and refuses names Windows
// cannot store.
func savePath(folder, name, ext string) (string, error) {
	name = strings.TrimSpace(name)
	switch {
	case folder == "":
		return "", fmt.Errorf("请选择保存到的文件夹")
	case name == "":
		return "", fmt.Errorf("请填写文件名")
	case strings.ContainsAny(name, `\/:*?"<>|`):
		return "", fmt.Errorf("文件名「%s」不能含有 \\ / : * ? \" < > | 这些字符", name)
	}
	if st, err := os.Stat(folder); err != nil || !st.IsDir() {
		return "", fmt.Errorf("文件夹「%s」不存在", folder)
	}
	if !strings.EqualFold(filepath.Ext(name), ext) {
		name += ext
	}
	return filepath.Join(folder, name), nil
}

// sameFile reports whether two paths name the same file (the second may
// not exist yet).
func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	ca, _ := filepath.Abs(a)
	cb, _ := filepath.Abs(b)
	return strings.EqualFold(ca, cb)
}

// OpenFile asks for an existing file of one of the types exts (none = any)
// starting in folder, and hands its path to done. Opening writes nothing,
// so Fyne's own dialog serves.
func OpenFile(win fyne.Window, exts []string, folder string, done func(path string)) {
	OpenFileOr(win, exts, folder, done, nil)
}

// OpenFileOr is OpenFile that runs cancelled (when not nil) if the clerk
// closes the dialog without choosing.
func OpenFileOr(win fyne.Window, exts []string, folder string, done func(path string), cancelled func()) {
	if nativeOpen("打开", exts, folder, done, cancelled) {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			if cancelled != nil {
				cancelled()
			}
			return
		}
		path := r.URI().Path()
		r.Close()
		done(path)
	}, win)
	d.SetFilter(pickable{exts})
	startIn(d, folder)
	showFileDialog(d, win)
}

// pickable lists the files a clerk may choose: of the types asked for
// (any when none), never the program's lock notes or an office program's
// owner files (~$报告.docx).
type pickable struct{ exts []string }

func (p pickable) Matches(u fyne.URI) bool {
	name := u.Name()
	ext := strings.ToLower(u.Extension())
	if ext == ".lock" || strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".~lock.") {
		return false
	}
	if len(p.exts) == 0 {
		return true
	}
	for _, e := range p.exts {
		if strings.EqualFold(e, ext) {
			return true
		}
	}
	return false
}

// OpenFolder asks for a folder (the system's dialog where there is one)
// starting in folder and hands its path to done; nothing when cancelled.
func OpenFolder(win fyne.Window, title, folder string, done func(path string)) {
	if nativeFolder(title, folder, done) {
		return
	}
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err == nil && l != nil {
			done(l.Path())
		}
	}, win)
	startIn(d, folder)
	showFileDialog(d, win)
}

// showFileDialog shows d at a readable size, every word in Chinese.
// Fyne's FileDialog builds its window in Show, and Resize before that
// dereferences nothing and panics (every file dialog crashed the program
// this way).
func showFileDialog(d *dialog.FileDialog, win fyne.Window) {
	// Esc closes it as it closes every other dialog (Fyne's does not
	// listen): the window's keys go to it while it is open.
	c := win.Canvas()
	before := c.OnTypedKey()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyEscape {
			d.Dismiss()
			return
		}
		if before != nil {
			before(e)
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(before) })
	d.Show()
	c.Unfocus()
	d.Resize(fileDialogSize)
	if ov := win.Canvas().Overlays().Top(); ov != nil {
		chinesePlaces(ov)
	}
}

// placeNames are the places Fyne's file dialog lists on its left
// ("Home", "Computer", the XDG folders), which it shows untranslated.
var placeNames = map[string]string{
	"Home": "主文件夹", "Computer": "此电脑", "App Files": "程序文件",
	"Desktop": "桌面", "Documents": "文档", "Downloads": "下载",
	"Music": "音乐", "Pictures": "图片", "Videos": "视频",
}

// chinesePlaces makes the place list of a shown file dialog speak
// Chinese: Fyne sets the English name in the list's UpdateItem, so each
// list's UpdateItem is wrapped to translate what it set.
func chinesePlaces(root fyne.CanvasObject) {
	walk(root, func(o fyne.CanvasObject) {
		l, ok := o.(*widget.List)
		if !ok || l.UpdateItem == nil {
			return
		}
		update := l.UpdateItem
		l.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
			update(id, item)
			walk(item, func(o fyne.CanvasObject) {
				if lb, ok := o.(*widget.Label); ok {
					if zh, ok := placeNames[lb.Text]; ok {
						lb.SetText(zh)
					}
				}
			})
		}
		l.Refresh()
	})
}

// walk calls fn for o and every object below it that the public
// structure shows: containers, pop-ups, splits and scrolls (a dialog's
// layout), and a list's items through its UpdateItem.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	fn(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, ch := range c.Objects {
			walk(ch, fn)
		}
	case *widget.PopUp:
		walk(c.Content, fn)
	case *container.Split:
		walk(c.Leading, fn)
		walk(c.Trailing, fn)
	case *container.Scroll:
		walk(c.Content, fn)
	default: // Fyne's overlay wrapper is internal; its Content is exported
		v := reflect.ValueOf(o)
		if v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
			if f := v.Elem().FieldByName("Content"); f.IsValid() && f.CanInterface() {
				if inner, ok := f.Interface().(fyne.CanvasObject); ok {
					walk(inner, fn)
				}
			}
		}
	}
}

// startIn points a file dialog at folder when it exists.
func startIn(d *dialog.FileDialog, folder string) {
	if folder == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(folder)); err == nil {
		d.SetLocation(l)
	}
}
