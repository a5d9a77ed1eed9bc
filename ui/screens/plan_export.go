package screens

import (
	"junheng/app/county"
	"junheng/app/plan"
	"junheng/ui/dialogs"
)

// PlanExporter writes a plan of the county file f to path: an Excel
// workbook or a PDF. The error is one Chinese sentence.
type PlanExporter func(pl *plan.Plan, f *county.File, path string) error

// PlanXLSX and PlanPDF are the plan's writers (data/xlsx and the plan
// PDF), set where they are linked in; nil, the buttons say the export is
// not part of this version.
var (
	PlanXLSX PlanExporter
	PlanPDF  PlanExporter
)

// export asks where to write the plan on screen and writes it.
func (r *planResult) export(ext string) {
	if r.pl == nil {
		return
	}
	write, what := PlanXLSX, "Excel"
	if ext == ".pdf" {
		write, what = PlanPDF, "PDF"
	}
	if write == nil {
		dialogs.Info("导出方案", "此版本尚不能把方案导出为 "+what+" 文件。", r.env.Win)
		return
	}
	pl, f := r.pl, r.env.S.File
	name := f.County.Name + r.year + "学年达标规划（测算）" + ext
	dialogs.SaveFile(r.env.Win, "导出达标规划", name, ext, folder(r.env), nil, func(path string) {
		if err := write(pl, f, path); err != nil {
			dialogs.Error(err, r.env.Win)
			return
		}
		r.env.Status("已导出 " + path)
		dialogs.FileWritten("达标规划", path, r.env.Win)
	})
}
