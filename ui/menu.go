package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"junheng/app/format"
	"junheng/ui/dialogs"
	"junheng/ui/session"
	jtheme "junheng/ui/theme"
)

func (a *App) menu() *fyne.MainMenu {
	save := fyne.NewMenuItem("保存", func() { a.Save() })
	save.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	file := fyne.NewMenu("文件",
		fyne.NewMenuItem("新建…", func() { a.confirmLeave(a.newCounty) }),
		fyne.NewMenuItem("打开…", func() { a.confirmLeave(a.chooseOpen) }),
		save,
		fyne.NewMenuItem("另存为…", a.saveAs),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("导出给其他单位…", a.export),
		fyne.NewMenuItem("导入合并…", a.importMerge),
		fyne.NewMenuItem("备份与恢复…", a.backup),
		fyne.NewMenuItem("修改记录…", a.history),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("设置…", a.editSettings),
		fyne.NewMenuItem("关于", func() { dialogs.About(a.cfg.Version, a.Win) }),
	)
	// Fyne appends 退出 (Quit) to the first menu itself.
	return fyne.NewMainMenu(file)
}

func (a *App) needSession() bool {
	if a.env.S == nil {
		dialogs.Info("提示", "请先打开或新建一个县域数据文件。", a.Win)
		return false
	}
	return true
}

var errNoFeature = errors.New("当前数据文件不支持这项功能")

// folder is where file dialogs start: the open file's folder, else the
// user's data folder.
func (a *App) folder() string {
	if a.env.S != nil {
		if p := a.env.S.Store.Path(); p != "" {
			return filepath.Dir(p)
		}
	}
	return a.dataDir()
}

// openFile is the path of the open data file ("" for none or in memory):
// no save dialog may overwrite it.
func (a *App) openFile() []string {
	if a.env.S == nil {
		return nil
	}
	return []string{a.env.S.Store.Path()}
}

func (a *App) chooseOpen() {
	dialogs.OpenFile(a.Win, []string{".db"}, a.folder(), a.openPath)
}

func (a *App) saveAs() {
	if !a.needSession() {
		return
	}
	b, ok := a.env.S.Store.(session.Backuper)
	if !ok {
		dialogs.Error(errNoFeature, a.Win)
		return
	}
	// Input not yet saved goes into the file first, so that the copy has it.
	a.confirmLeave(func() {
		dialogs.SaveFile(a.Win, "另存为", a.env.S.File.County.Name+".db", ".db", a.folder(), a.openFile(), func(path string) {
			a.fileTask("正在另存…", func() error { return b.SaveAs(path) }, func() { a.continueOn(path) })
		})
	})
}

// continueOn makes the file just written by 另存为 the open file, as Word
// and Excel do: the next edit goes into it, the old file stays as it was.
// (The copy was written, but the old file kept being edited.)
func (a *App) continueOn(path string) {
	if a.cfg.Opener == nil {
		a.setStatus("已另存为 " + path)
		return
	}
	st, err := a.cfg.Opener.Open(path, a.settings, session.OpenNormal)
	if err != nil {
		dialogs.Error(fmt.Errorf("已另存为「%s」，但无法打开它继续编辑：%w", path, err), a.Win)
		return
	}
	year, page := a.env.S.Year, a.current
	if err := a.UseStore(st, year); err != nil {
		st.Close()
		dialogs.Error(err, a.Win)
		return
	}
	a.remember(path)
	a.show(page, "")
	a.setStatus("已另存为「" + filepath.Base(path) + "」，现在编辑的是这个文件")
}

func (a *App) export() {
	if !a.needSession() {
		return
	}
	ex, ok := a.env.S.Store.(session.Exporter)
	if !ok {
		dialogs.Error(errNoFeature, a.Win)
		return
	}
	dialogs.ChooseSchools(a.env.S.File.Schools, a.Win, func(ids []string) {
		dialogs.SaveFile(a.Win, "导出给其他单位", a.env.S.File.County.Name+"（导出）.db", ".db", a.folder(), a.openFile(), func(path string) {
			a.fileTask("正在导出…", func() error { return ex.ExportSchools(path, ids) }, func() {
				a.setStatus(fmt.Sprintf("已导出 %s学校到 %s", format.Count(len(ids), "所"), path))
				dialogs.FileWritten(fmt.Sprintf("给其他单位的文件（%s学校）", format.Count(len(ids), "所")), path, a.Win)
			})
		})
	})
}

func (a *App) importMerge() {
	if !a.needSession() {
		return
	}
	if _, ok := a.env.S.Store.(session.Merger); !ok {
		dialogs.Error(errNoFeature, a.Win)
		return
	}
	dialogs.OpenFile(a.Win, []string{".db"}, a.folder(), func(path string) { a.MergeFrom(path) })
}

// MergeFrom plans the import of another unit's file, shows the conflict
// list with a choice per field, and applies the choices. A file of another
// county is first confirmed by the clerk (then MergeFrom returns nil and
// the conflict list follows 仍要合并).
func (a *App) MergeFrom(path string) *dialogs.MergeDialog {
	return a.mergeFrom(path, session.MergeOptions{})
}

func (a *App) mergeFrom(path string, o session.MergeOptions) *dialogs.MergeDialog {
	m := a.env.S.Store.(session.Merger)
	plan, err := m.PlanMerge(path, o)
	var other *session.OtherCountyError
	if errors.As(err, &other) && !o.OtherCounty {
		dialogs.OtherCounty(other, a.Win, func() {
			a.mergeFrom(path, session.MergeOptions{OtherCounty: true})
		})
		return nil
	}
	if err != nil {
		dialogs.Error(err, a.Win)
		return nil
	}
	return dialogs.Merge(plan, a.Win, func(takeTheirs []bool) {
		a.fileTask("正在合并…", func() error { return m.ApplyMerge(plan, takeTheirs) }, func() {
			a.reload()
			a.setStatus(dialogs.MergeSummary(plan, takeTheirs))
		})
	})
}

// fileTask runs a file operation behind a progress dialog; a failure is
// shown to the clerk, success runs ok.
func (a *App) fileTask(title string, work func() error, ok func()) {
	a.longTask(title, func(func(float64)) error { return work() }, func(err error) {
		if err != nil {
			dialogs.Error(err, a.Win)
			return
		}
		ok()
	})
}

// reload reads the current year again from the store (after a merge or restore).
func (a *App) reload() {
	s := a.env.S
	if err := s.SwitchYear(s.Year); err != nil {
		years, _ := s.Store.Years()
		if len(years) > 0 {
			err = s.SwitchYear(years[len(years)-1])
		}
		if err != nil {
			dialogs.Error(err, a.Win)
		}
	}
	a.refreshChrome()
}

func (a *App) backup() {
	if !a.needSession() {
		return
	}
	b, ok := a.env.S.Store.(session.Backuper)
	if !ok {
		dialogs.Error(errNoFeature, a.Win)
		return
	}
	dialogs.Backup(a.Win, a.settings.BackupsKept, func() {
		var path string
		a.fileTask("正在备份…", func() (err error) {
			path, err = b.Backup()
			return err
		}, func() {
			a.setStatus("备份完成：" + path)
			dialogs.FileWritten("备份", path, a.Win)
		})
	}, func() {
		dialogs.OpenFile(a.Win, []string{".db"}, b.BackupDir(), func(path string) {
			dialogs.Confirm("从备份恢复", "用备份「"+path+"」替换当前数据？当前数据会先自动备份。", func(ok bool) {
				if !ok {
					return
				}
				a.fileTask("正在恢复…", func() error { return b.Restore(path) }, func() {
					a.reload()
					a.setStatus("已从备份恢复")
				})
			}, a.Win)
		})
	})
}

func (a *App) history() { a.historyOf("") }

func (a *App) historyOf(schoolID string) {
	if !a.needSession() {
		return
	}
	h, ok := a.env.S.Store.(session.Historian)
	if !ok {
		dialogs.Error(errNoFeature, a.Win)
		return
	}
	dialogs.History(a.env.S.File.Schools, schoolID, a.Win, func(schoolID, field string) ([]session.Change, error) {
		return h.History(a.env.S.Year, schoolID, strings.TrimSpace(field))
	})
}

func (a *App) editSettings() { dialogs.Settings(a.settings, a.Win, a.ApplySettings) }

// ApplySettings keeps new settings, rescales the theme and recomputes
// under the new rule switches.
func (a *App) ApplySettings(s session.Settings) {
	s.LastFile = a.settings.LastFile
	scaleChanged := s.Scale != a.settings.Scale
	a.settings = s
	s.Save(a.fa.Preferences())
	if scaleChanged {
		a.fa.Settings().SetTheme(jtheme.New(s.Scale))
	}
	if a.env.S != nil {
		a.env.S.Settings = s
		// The open file records the new 单位 and 使用人 from the next change.
		if st, ok := a.env.S.Store.(session.SettingsTaker); ok {
			st.UseSettings(s)
		}
		a.env.S.Recompute()
	}
	a.setStatus("设置已保存")
}
