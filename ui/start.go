package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"

	"junheng/app/county"
	"junheng/app/evidence"
	"junheng/assets/demo"
	"junheng/ui/dialogs"
	"junheng/ui/fakestore"
	"junheng/ui/session"
)

// start asks who is working when nobody has said so yet, then opens what
// the arguments or the last session name, or offers the first-start
// choice.
func (a *App) start() {
	chineseEverywhere()
	if !a.settings.Known() {
		dialogs.Who(a.settings, a.Win, func(s session.Settings) {
			a.settings.User, a.settings.Office = s.User, s.Office
			a.settings.Save(a.fa.Preferences())
			a.open()
		})
		return
	}
	a.open()
}

// open opens what the arguments or the last session name, or offers the
// first-start choice.
func (a *App) open() {
	switch {
	case a.opts.Demo:
		a.openDemo(a.opts.File)
	case a.opts.File != "":
		a.openPath(a.opts.File)
	case a.settings.LastFile != "" && fileExists(a.settings.LastFile):
		a.openPath(a.settings.LastFile)
	default:
		a.firstStart()
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func (a *App) firstStart() {
	dialogs.FirstStart(a.Win, func() { a.openDemo("") }, func() {
		dialogs.OpenFileOr(a.Win, []string{".db"}, a.dataDir(), a.openPath, a.firstStartLater)
	}, a.newCounty)
}

// demoPath is where the demo county lives unless a path is given.
func (a *App) demoPath() string {
	if a.cfg.DemoPath != "" {
		return a.cfg.DemoPath
	}
	dir := a.dataDir()
	return filepath.Join(dir, "示范县（义马市）.db")
}

func (a *App) dataDir() string {
	if a.cfg.DataDir != "" {
		if err := os.MkdirAll(a.cfg.DataDir, 0o755); err == nil {
			return a.cfg.DataDir
		}
	}
	if root := a.fa.Storage().RootURI(); root != nil && root.Scheme() == "file" {
		_ = os.MkdirAll(root.Path(), 0o755)
		return root.Path()
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "junheng")
	_ = os.MkdirAll(dir, 0o755)
	return dir
}

// openDemo opens the demo county at path, writing it there first when the
// file does not exist. Without a database (tests) it lives in memory.
func (a *App) openDemo(path string) {
	f := demo.File()
	if a.cfg.Opener == nil {
		a.useOrFail(fakestore.New(f), "")
		return
	}
	if path == "" {
		path = a.demoPath()
	}
	if fileExists(path) {
		a.openPath(path)
		return
	}
	a.createWith(path, f, DemoSource)
}

// DemoSource is what the history names as the origin of the demo county's
// values: 导入「演示数据（义马市）」.
const DemoSource = "演示数据（义马市）"

// createWith creates a data file holding f, brought in from source (the
// chosen file's path, the demo's name, "" for a county typed anew), with
// a progress bar.
func (a *App) createWith(path string, f *county.File, source string) {
	st, err := a.cfg.Opener.Create(path, a.settings)
	if err != nil {
		dialogs.Error(err, a.Win)
		a.firstStartLater()
		return
	}
	a.longTask("正在写入数据…", func(progress func(float64)) error {
		if err := importFile(st, f, source, progress); err != nil {
			return err
		}
		if source == DemoSource {
			return attachDemoEvidence(st, f)
		}
		return nil
	}, func(err error) {
		if err != nil {
			st.Close()
			dialogs.Error(err, a.Win)
			a.firstStartLater()
			return
		}
		a.remember(path)
		a.useOrFail(st, f.Year)
	})
}

// attachDemoEvidence gives the demo county its 40 佐证材料, so that a
// first run shows the 佐证材料 page, its gaps and the 迎检档案 with files.
func attachDemoEvidence(st session.Store, f *county.File) error {
	ev, ok := st.(session.Evidence)
	if !ok {
		return nil
	}
	adds, err := demo.Evidence(f)
	if err != nil {
		return err
	}
	return ev.SaveEvidence(f.Year, evidence.Edit{Add: adds, Source: DemoSource})
}

// importFile writes a county file brought in from source into a fresh store.
func importFile(st session.Store, f *county.File, source string, progress func(float64)) error {
	if im, ok := st.(session.Importer); ok && len(f.Schools) > 0 {
		return im.ImportFrom(f, source)
	}
	if err := st.SaveCounty(f.Year, f.County); err != nil {
		return err
	}
	for i, s := range f.Schools {
		if err := st.SaveSchool(f.Year, s); err != nil {
			return fmt.Errorf("写入学校「%s」失败：%w", s.Name, err)
		}
		progress(float64(i+1) / float64(len(f.Schools)))
	}
	return nil
}

func (a *App) firstStartLater() {
	if a.env.S == nil {
		a.firstStart()
	}
}

// openPath opens a data file; a file held by someone else can be opened
// read-only or taken over (the store's locked error says by whom).
func (a *App) openPath(path string) { a.openPathMode(path, session.OpenNormal) }

func (a *App) openPathMode(path string, mode session.OpenMode) {
	if a.cfg.Opener == nil {
		dialogs.Error(errors.New("本程序未连接数据库，无法打开文件"), a.Win)
		return
	}
	st, err := a.cfg.Opener.Open(path, a.settings, mode)
	var locked *session.LockedError
	if errors.As(err, &locked) {
		dialogs.Locked(locked.Message, a.Win,
			func() { a.openPathMode(path, session.OpenReadOnly) },
			func() { a.openPathMode(path, session.OpenTakeOver) },
			a.firstStartLater)
		return
	}
	if err != nil {
		dialogs.Error(err, a.Win)
		a.firstStartLater()
		return
	}
	a.remember(path)
	a.useOrFail(st, "")
}

func (a *App) useOrFail(st session.Store, year string) {
	if err := a.UseStore(st, year); err != nil {
		dialogs.Error(err, a.Win)
		a.firstStartLater()
	}
}

func (a *App) remember(path string) {
	a.settings.LastFile = path
	a.settings.Save(a.fa.Preferences())
}

// newCounty asks for the county's name, code, first year and file.
func (a *App) newCounty() {
	dialogs.NewCounty(a.Win, a.dataDir(), func(name, code, year, path string) {
		f := &county.File{Format: county.Format, Year: year, County: county.Profile{Name: name, Code: code}}
		if a.cfg.Opener == nil {
			a.useOrFail(fakestore.New(f), year)
			return
		}
		a.createWith(path, f, "")
	}, func() { a.firstStartLater() })
}

// longTask runs work in the background behind a progress dialog; done runs
// on the UI thread.
func (a *App) longTask(title string, work func(progress func(float64)) error, done func(error)) {
	pd := dialogs.NewProgress(title, a.Win)
	if a.cfg.InlineEval { // headless tests: one goroutine touches the widgets
		err := work(pd.Set)
		pd.Hide()
		done(err)
		return
	}
	go func() {
		err := work(func(x float64) { fyne.Do(func() { pd.Set(x) }) })
		fyne.Do(func() {
			pd.Hide()
			done(err)
		})
	}()
}
