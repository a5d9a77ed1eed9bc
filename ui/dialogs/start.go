package dialogs

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// FirstStart offers the demo county, a file the office already has, or a
// new county.
func FirstStart(win fyne.Window, openDemo, openExisting, newCounty func()) dialog.Dialog {
	var d dialog.Dialog
	text := widget.NewLabel("欢迎使用均衡评估助手。\n\n可以先打开示范县（按义马市的情况编制）看看各页面，也可以打开本单位已有的数据文件，或新建本县的数据文件。")
	text.Wrapping = fyne.TextWrapWord
	demo := widget.NewButton("打开示范县", func() { d.Hide(); openDemo() })
	open := widget.NewButton("打开已有文件…", func() { d.Hide(); openExisting() })
	create := widget.NewButton("新建本县数据…", func() { d.Hide(); newCounty() })
	d = dialog.NewCustomWithoutButtons("欢迎", text, win)
	d.(*dialog.CustomDialog).SetButtons(Row(create, open, demo))
	d.Resize(fyne.NewSize(600, 260))
	d.Show()
	return d
}

var codePattern = regexp.MustCompile(`^\d{6}$`)

// NewCounty asks for the county's name, code and first school year; done
// receives them and the file path (in dir, named after the county).
func NewCounty(win fyne.Window, dir string, done func(name, code, year, path string), cancelled func()) dialog.Dialog {
	name := widget.NewEntry()
	name.PlaceHolder = "如：义马市"
	code := widget.NewEntry()
	code.PlaceHolder = "6 位行政区划代码，如 411281"
	y := time.Now().Year()
	if time.Now().Month() < 9 {
		y--
	}
	year := widget.NewEntry()
	year.SetText(fmt.Sprintf("%d-%d", y, y+1))
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	form := widget.NewForm(
		widget.NewFormItem("县（市、区）名称", name),
		widget.NewFormItem("行政区划代码", code),
		widget.NewFormItem("第一个学年", year),
	)
	var d dialog.Dialog
	ok := widget.NewButton("建立", func() {
		n, c, yr := strings.TrimSpace(name.Text), strings.TrimSpace(code.Text), strings.TrimSpace(year.Text)
		var a, b int
		switch {
		case n == "":
			msg.SetText("请填写县（市、区）名称")
		case c != "" && !codePattern.MatchString(c):
			msg.SetText("行政区划代码应为 6 位数字")
		case func() bool { k, _ := fmt.Sscanf(yr, "%d-%d", &a, &b); return k != 2 || b != a+1 }():
			msg.SetText("学年应写作「2024-2025」的形式")
		default:
			d.Hide()
			done(n, c, yr, filepath.Join(dir, n+".db"))
		}
	})
	ok.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { d.Hide(); cancelled() })
	d = dialog.NewCustomWithoutButtons("新建县域数据文件", container.NewVBox(form, msg), win)
	d.(*dialog.CustomDialog).SetButtons(Row(cancel, ok))
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
	return d
}

// Progress is a dialog with a progress bar for long operations.
type Progress struct {
	d     dialog.Dialog
	bar   *widget.ProgressBar
	spin  *widget.ProgressBarInfinite
	shown bool
}

// NewProgress shows a progress dialog: a running bar until the work
// reports how far it is, then a bar with the percentage.
func NewProgress(title string, win fyne.Window) *Progress {
	p := &Progress{bar: widget.NewProgressBar(), spin: widget.NewProgressBarInfinite()}
	p.bar.TextFormatter = func() string { return fmt.Sprintf("%.0f%%", p.bar.Value*100) }
	p.bar.Hide()
	p.d = dialog.NewCustomWithoutButtons(title, container.NewVBox(widget.NewLabel("请稍候…"), p.spin, p.bar), win)
	p.d.Resize(fyne.NewSize(400, 140))
	p.d.Show()
	return p
}

// Set moves the bar (0–1).
func (p *Progress) Set(x float64) {
	if !p.shown {
		p.shown = true
		p.spin.Stop()
		p.spin.Hide()
		p.bar.Show()
	}
	p.bar.SetValue(x)
}

// Hide closes the dialog.
func (p *Progress) Hide() {
	p.spin.Stop()
	p.d.Hide()
}

// About shows the program's name and version.
func About(version string, win fyne.Window) dialog.Dialog {
	if version == "" {
		version = "开发版"
	}
	text := widget.NewLabel("均衡评估助手\n版本 " + version +
		"\n\n依据《县域义务教育优质均衡发展督导评估内容及标准》（教督〔2017〕6号）计算各项指标和差异系数，生成整改清单。\n\n界面字体：思源黑体（Noto Sans SC，SIL 开源字体许可证）。")
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("关于", "确定", text, win)
	d.Resize(fyne.NewSize(480, 300))
	d.Show()
	return d
}

// Locked tells that another user holds the file and offers to open it
// read-only or to take it over.
func Locked(message string, win fyne.Window, readOnly, takeOver, cancel func()) dialog.Dialog {
	var d dialog.Dialog
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	ro := widget.NewButton("只读打开", func() { d.Hide(); readOnly() })
	ro.Importance = widget.HighImportance
	take := widget.NewButton("对方已关闭，接管编辑", func() {
		d.Hide()
		Confirm("接管编辑", "请确认对方的程序确实已经关闭，否则两边的修改会互相覆盖。确定接管吗？", func(ok bool) {
			if ok {
				takeOver()
			} else {
				cancel()
			}
		}, win)
	})
	c := widget.NewButton("取消", func() { d.Hide(); cancel() })
	d = dialog.NewCustomWithoutButtons("文件正被他人编辑", text, win)
	d.(*dialog.CustomDialog).SetButtons(Row(c, take, ro))
	d.Resize(fyne.NewSize(560, 240))
	d.Show()
	return d
}
