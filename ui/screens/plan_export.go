package screens

import (
	"io"
	"time"

	"junheng/app/dossier"
	"junheng/data/safefile"
	"junheng/data/xlsx"
	"junheng/ui/dialogs"
)

// export asks where to write the plan on screen, as a workbook (.xlsx) or
// a PDF.
func (r *planResult) export(ext string) {
	if r.pl == nil {
		return
	}
	name := fileStem(r.file.County.Name, r.year) + "达标规划测算" + ext
	dialogs.SaveFile(r.env.Win, "导出达标规划测算", name, ext, folder(r.env), nil, func(path string) { r.write(path, ext) })
}

// write writes the plan on screen to path in the background (.pdf a PDF,
// else a workbook): the report the command line's plan -o writes.
func (r *planResult) write(path, ext string) {
	rep, env := r.report, r.env
	write, what := func(w io.Writer) error { return xlsx.WritePlan(w, rep) }, "达标规划测算（Excel）"
	if ext == ".pdf" {
		write, what = func(w io.Writer) error { return dossier.WritePlan(w, rep, time.Now()) }, "达标规划测算（PDF）"
	}
	task(env, "正在导出达标规划…", func() error { return safefile.Write(path, write) }, func(err error) {
		if err != nil {
			dialogs.Error(err, env.Win)
			return
		}
		env.Status("已导出 " + path)
		dialogs.FileWritten(what, path, env.Win)
	})
}
