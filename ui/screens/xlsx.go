package screens

import (
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"

	"junheng/data/safefile"
	"junheng/data/xlsx"
	"junheng/ui/dialogs"
)

// The Excel side of the pages: file dialogs and background work around
// data/xlsx, which does all reading, checking and writing of workbooks.

// task runs work in the background behind a progress dialog; done runs on
// the UI thread. With an inline session (headless tests) both run at once
// on the calling goroutine, like session.Recompute.
func task(env *Env, title string, work func() error, done func(error)) {
	pd := dialogs.NewProgress(title, env.Win)
	if env.S.Inline {
		err := work()
		pd.Hide()
		done(err)
		return
	}
	go func() {
		err := work()
		fyne.Do(func() {
			pd.Hide()
			done(err)
		})
	}()
}

// folder is where the file dialogs start.
func folder(env *Env) string {
	if env.Folder != nil {
		return env.Folder()
	}
	if p := env.S.Store.Path(); p != "" {
		return filepath.Dir(p)
	}
	return ""
}

// chooseSave asks where to write a workbook, proposing name, and hands the
// chosen path to write.
func chooseSave(env *Env, name string, write func(path string)) {
	dialogs.SaveFile(env.Win, "保存 Excel 文件", name, ".xlsx", folder(env), nil, write)
}

// chooseOpen asks for an .xlsx workbook and hands its path to read.
func chooseOpen(env *Env, read func(path string)) {
	dialogs.OpenFile(env.Win, []string{".xlsx"}, folder(env), read)
}

// writeWorkbook writes a workbook with the one atomic writer: a failed
// write leaves no half-written file behind.
func writeWorkbook(path string, write func(w io.Writer) error) error {
	return safefile.Write(path, write)
}

// fileStem is the start of a proposed file name: the county (or school)
// and the school year, without characters file systems refuse.
func fileStem(who, year string) string {
	s := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(who))
	return s + year + "学年"
}

// ExportResults writes the evaluation on screen (current year and result)
// to an Excel workbook at path.
func ExportResults(env *Env, path string) {
	s := env.S
	if s.Result == nil || s.Computing {
		dialogs.Info("导出评估结果", "评估结果尚未算完，请稍后再导出。", env.Win)
		return
	}
	f, r := s.File, s.Result
	task(env, "正在导出评估结果…", func() error {
		return writeWorkbook(path, func(w io.Writer) error { return xlsx.ExportResults(w, f, r) })
	}, func(err error) {
		if err != nil {
			dialogs.Error(err, env.Win)
			return
		}
		env.Status("已导出评估结果到 " + path)
		dialogs.FileWritten("评估结果（Excel）", path, env.Win)
	})
}

// chooseExportResults asks where to write the evaluation.
func chooseExportResults(env *Env) {
	if env.S.Result == nil || env.S.Computing {
		dialogs.Info("导出评估结果", "评估结果尚未算完，请稍后再导出。", env.Win)
		return
	}
	chooseSave(env, fileStem(env.S.File.County.Name, env.S.Year)+"评估结果.xlsx", func(path string) { ExportResults(env, path) })
}
