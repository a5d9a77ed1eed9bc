// Package ui is the desktop application of 均衡评估助手: the main window
// with its navigation, school-year selector, menus and status bar. It shows
// and collects only: numbers come from app/eval, data from the store.
// It does not import fyne.io/fyne/v2/app, so its tests need no cgo: the
// command cmd/junheng creates the Fyne app and hands it to Create.
package ui

import (
	"fmt"
	"image/color"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"junheng/ui/dialogs"
	"junheng/ui/screens"
	"junheng/ui/session"
	jtheme "junheng/ui/theme"
)

// Config is what the command hands over.
type Config struct {
	Version string
	Opener  session.Opener // the real database; nil in tests that pass a store
	Args    []string       // command-line arguments (see ParseArgs)
	// DemoPath is where the demo county is written when chosen ("" = a
	// file in the user's data folder).
	DemoPath string
	// DataDir is the user's data folder (我的文档\均衡评估助手 on Windows),
	// where new files and the demo go; "" = Fyne's app storage.
	DataDir string
	// InlineEval evaluates on the UI goroutine (headless tests only).
	InlineEval bool
	// Screen measures the screen once the window exists, to size the
	// window to it (nil: keep the default size).
	Screen ScreenProbe
}

// App is the main window and its state.
type App struct {
	fa       fyne.App
	Win      fyne.Window
	cfg      Config
	opts     Options
	settings session.Settings
	env      *screens.Env
	pages    map[string]screens.Page
	stale    map[string]bool
	current  string

	nav     *widget.List
	content *fyne.Container
	yearSel *widget.Select
	copyBtn *widget.Button
	status  *widget.Label
	holder  *widget.Label
	busy    *widget.ProgressBarInfinite
	body    *fyne.Container
	// settingYear is true while the selector is set from code.
	settingYear bool
	repeats     int // timing reports (see reportRecompute)
}

// Create builds the main window; the caller shows and runs it.
func Create(fa fyne.App, cfg Config) *App {
	a := &App{fa: fa, cfg: cfg, opts: ParseArgs(cfg.Args), stale: map[string]bool{}}
	a.settings = session.LoadSettings(fa.Preferences()).WithEnv(os.Getenv)
	fa.Settings().SetTheme(jtheme.New(a.settings.Scale))
	a.Win = fa.NewWindow("均衡评估助手")
	a.Win.Resize(fyne.NewSize(1280, 800))
	a.env = &screens.Env{Win: a.Win, Goto: a.Goto, Status: a.setStatus}
	a.env.Folder = a.folder
	a.env.History = a.historyOf
	a.status = widget.NewLabel("")
	a.holder = widget.NewLabel("")
	a.holder.Importance = widget.WarningImportance
	a.busy = widget.NewProgressBarInfinite()
	a.busy.Hide()
	a.body = container.NewStack(widget.NewLabel("均衡评估助手"))
	a.Win.SetContent(a.body)
	a.Win.SetMainMenu(a.menu())
	a.Win.SetCloseIntercept(func() { a.confirmLeave(a.closeWindow) })
	a.Win.SetOnDropped(a.Dropped)
	a.fa.Lifecycle().SetOnStarted(a.started)
	a.start()
	return a
}

// UseStore opens a session on a store (tests, and every open path) and
// shows the main layout.
func (a *App) UseStore(st session.Store, year string) error {
	s, err := session.New(st, year, a.settings)
	if err != nil {
		return err
	}
	if a.env.S != nil && a.env.S.Store != st {
		a.env.S.Store.Close()
	}
	a.env.S = s
	s.Inline = a.cfg.InlineEval
	s.OnChange(a.changed)
	if a.pages == nil {
		a.buildLayout()
	}
	a.refreshChrome()
	for _, name := range screens.Names {
		a.stale[name] = true
	}
	page, target := screens.Home, ""
	if a.opts.Page != "" {
		page, target = a.opts.Page, a.opts.Target
		a.opts.Page = ""
	}
	a.show(page, target)
	s.Recompute()
	return nil
}

// Session is the open county (nil before one is opened).
func (a *App) Session() *session.Session { return a.env.S }

// Page returns a page by name (tests).
func (a *App) Page(name string) screens.Page { return a.pages[name] }

// Current is the page on screen.
func (a *App) Current() string { return a.current }

func (a *App) buildLayout() {
	a.pages = screens.New(a.env)
	// Compact rows (text and a small padding, not a label's): every page
	// stays in view at 1366×768 and 125 % without scrolling the list.
	a.nav = widget.NewList(
		func() int { return len(screens.Names) },
		func() fyne.CanvasObject {
			pad := theme.Padding()
			return container.New(layout.NewCustomPaddedLayout(pad/2, pad/2, 2*pad, pad), canvas.NewText("社会认可度", theme.Color(theme.ColorNameForeground)))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			t := o.(*fyne.Container).Objects[0].(*canvas.Text)
			t.Text, t.TextSize, t.Color = screens.Names[i], theme.TextSize(), theme.Color(theme.ColorNameForeground)
			t.Refresh()
		})
	a.nav.OnSelected = func(i widget.ListItemID) {
		if screens.Names[i] != a.current {
			a.Goto(screens.Names[i], "")
		}
	}
	a.yearSel = widget.NewSelect(nil, func(y string) {
		if a.settingYear || a.env.S == nil || y == a.env.S.Year {
			return
		}
		a.confirmLeave(func() {
			if err := a.env.S.SwitchYear(y); err != nil {
				dialogs.Error(err, a.Win)
			}
			a.refreshChrome()
		})
	})
	a.copyBtn = widget.NewButton("复制上一学年数据建新学年", a.copyYear)
	recompute := widget.NewButton("重新计算", func() { a.env.S.Recompute() })
	// The status line sits in the top bar's free width rather than a row
	// of its own: the pages keep the height.
	a.status.Truncation = fyne.TextTruncateEllipsis
	top := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("学年"), a.yearSel, a.copyBtn, recompute, a.busy, a.holder), nil, a.status)
	a.content = container.NewStack()
	// The navigation keeps the width of its longest name: a page with a
	// wide minimum (a school's form at 125 %) took it from the list.
	navW := canvas.NewRectangle(color.Transparent)
	navW.SetMinSize(fyne.NewSize(fyne.MeasureText("社会认可度", theme.TextSize(), fyne.TextStyle{}).Width+4*theme.Padding(), 1))
	split := container.NewHSplit(container.NewStack(navW, a.nav), a.content)
	split.Offset = 0.12
	a.body.Objects = []fyne.CanvasObject{container.NewBorder(top, nil, nil, nil, split)}
	a.body.Refresh()
	a.Win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { a.Save() })
}

// Save stores the input of the page on screen (Ctrl+S).
func (a *App) Save() bool {
	if p := a.pages[a.current]; p != nil {
		return p.Save()
	}
	return false
}

// Goto shows a page, after asking about unsaved input on the current one.
func (a *App) Goto(page, target string) {
	if a.pages[page] == nil {
		return
	}
	if page == a.current {
		a.pages[page].Open(target)
		return
	}
	a.confirmLeave(func() { a.show(page, target) })
}

func (a *App) show(page, target string) {
	p := a.pages[page]
	if p == nil {
		page, p = screens.Home, a.pages[screens.Home]
	}
	a.current = page
	if a.stale[page] {
		a.stale[page] = false
		p.Update()
	}
	a.content.Objects = []fyne.CanvasObject{p.Object()}
	a.content.Refresh()
	for i, n := range screens.Names {
		if n == page {
			a.nav.Select(i)
		}
	}
	p.Open(target)
}

// confirmLeave runs next at once, or after asking what to do with the
// unsaved input of the current page: 保存 (the default) stores it and goes
// on only when it was stored, 不保存 drops it, 取消 stays.
func (a *App) confirmLeave(next func()) {
	p := a.pages[a.current]
	if p == nil || !p.Dirty() {
		next()
		return
	}
	stay := func() { // the navigation and the year selector show where the clerk still is
		for i, n := range screens.Names {
			if n == a.current {
				a.nav.Select(i)
			}
		}
		a.refreshChrome()
	}
	dialogs.Unsaved(a.current, a.Win, func() {
		if p.Save() {
			next()
			return
		}
		stay() // the page shows what is wrong
	}, func() {
		if d, ok := p.(screens.Discarder); ok {
			d.Discard()
		}
		a.stale[a.current] = true
		next()
	}, stay)
}

// changed runs when the session's file or result changes: the visible page
// redraws now, the others when next shown.
func (a *App) changed() {
	for _, n := range screens.Names {
		a.stale[n] = true
	}
	if p := a.pages[a.current]; p != nil {
		a.stale[a.current] = false
		p.Update()
	}
	a.refreshChrome()
	a.reportRecompute()
}

func (a *App) refreshChrome() {
	s := a.env.S
	if s == nil {
		return
	}
	if s.Computing {
		a.busy.Show()
		a.busy.Start()
	} else {
		a.busy.Stop()
		a.busy.Hide()
	}
	name := "未保存的新文件"
	if p := s.Store.Path(); p != "" {
		name = filepath.Base(p)
	}
	title := fmt.Sprintf("均衡评估助手 — %s — %s %s 学年", name, s.File.County.Name, s.Year)
	if ro, ok := s.Store.(session.ReadOnlyStore); ok && ro.ReadOnly() {
		title += "（只读）"
	}
	if who := s.Store.HeldBy(); who != "" {
		a.holder.SetText(who)
		title += "（另有人正在编辑此文件）"
	} else {
		a.holder.SetText("")
	}
	a.Win.SetTitle(title)
	years, err := s.Store.Years()
	if err == nil {
		a.settingYear = true
		a.yearSel.Options = years
		a.yearSel.SetSelected(s.Year)
		a.settingYear = false
	}
}

// Dropped hands files dropped on the window to the page on screen when
// it takes files (佐证材料); elsewhere it says where to drop them.
func (a *App) Dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) == 0 || a.pages == nil {
		return
	}
	if d, ok := a.pages[a.current].(screens.Dropper); ok {
		d.Drop(paths)
		return
	}
	a.setStatus("要添加佐证材料，请打开「" + screens.Evidence + "」页面，选择指标后再把文件拖进来。")
}

func (a *App) setStatus(msg string) { a.status.SetText(msg) }

func (a *App) copyYear() {
	s := a.env.S
	a.confirmLeave(func() {
		years, _ := s.Store.Years()
		last := ""
		if len(years) > 0 {
			last = years[len(years)-1]
		}
		next, _ := session.NextYear(last)
		dialogs.Confirm("复制上一学年", fmt.Sprintf("以 %s 学年的全部数据建立 %s 学年？\n之后在新学年中修改变化的数字即可。", last, next), func(ok bool) {
			if !ok {
				return
			}
			y, err := s.CopyLastYear()
			if err != nil {
				dialogs.Error(err, a.Win)
				return
			}
			a.setStatus("已建立 " + y + " 学年")
			a.refreshChrome()
		}, a.Win)
	})
}

// Quit closes the data file (releasing its lock note) and ends the
// program without questions: for a termination signal, when nobody can
// answer a dialog.
func (a *App) Quit() {
	a.closeWindow()
	a.fa.Quit()
}

func (a *App) closeWindow() {
	if a.env.S != nil {
		a.env.S.Store.Close()
	}
	a.Win.Close()
}
