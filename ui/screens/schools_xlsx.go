package screens

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"junheng/app/format"
	"junheng/data/safefile"
	"junheng/data/xlsx"
	"junheng/ui/dialogs"
	"junheng/ui/session"
)

// Excel buttons of 学校档案: the fill-in template for every school or the
// open one, and the import of a filled-in workbook. Each button opens a
// file dialog whose path goes to an exported method (WriteTemplate,
// ImportExcel) that the tests call directly.

// xlsxBar builds the row of Excel buttons above the page.
func (p *schools) xlsxBar() fyne.CanvasObject {
	all := widget.NewButton("导出填报模板…", func() { p.chooseTemplate("") })
	countyBtn := widget.NewButton("导出县级填报表…", p.chooseCountyTemplate)
	p.tmplBtn = widget.NewButton("导出本校模板…", func() {
		if p.Dirty() {
			dialogs.Info("导出本校模板", "当前学校有未保存的修改。模板按已保存的数据预填，请先保存（Ctrl+S）再导出。", p.env.Win)
			return
		}
		p.chooseTemplate(p.editing)
	})
	p.tmplBtn.Disable()
	imp := widget.NewButton("导入 Excel…", func() {
		p.confirmLeave(func() { chooseOpen(p.env, p.ImportExcel) }, nil)
	})
	return container.NewHBox(widget.NewLabel("Excel 填报表"), all, p.tmplBtn, countyBtn, imp)
}

// syncTemplateButton enables 导出本校模板 while a saved school is open.
func (p *schools) syncTemplateButton() {
	if p.tmplBtn == nil {
		return
	}
	if p.hasForm && !p.isNew && p.editing != "" {
		p.tmplBtn.Enable()
	} else {
		p.tmplBtn.Disable()
	}
}

// chooseTemplate proposes 义马市2020-2021学年填报模板.xlsx (or the school's
// name for one school) and writes the template where the clerk says.
func (p *schools) chooseTemplate(schoolID string) {
	who := p.env.S.File.County.Name
	if schoolID != "" {
		sc := p.env.S.School(schoolID)
		if sc == nil {
			return
		}
		who = sc.Name
	}
	chooseSave(p.env, fileStem(who, p.env.S.Year)+"填报模板.xlsx", func(path string) { p.WriteTemplate(path, schoolID) })
}

// WriteTemplate writes the fill-in template of the year on screen to path:
// every school, or only schoolID pre-filled with its saved data.
func (p *schools) WriteTemplate(path, schoolID string) {
	f := p.env.S.File
	task(p.env, "正在生成填报模板…", func() error {
		return writeWorkbook(path, func(w io.Writer) error { return xlsx.WriteTemplate(w, f, schoolID) })
	}, func(err error) {
		if err != nil {
			dialogs.Error(err, p.env.Win)
			return
		}
		p.env.Status("已生成填报模板 " + path)
		dialogs.FileWritten("填报模板", path, p.env.Win)
	})
}

// chooseCountyTemplate proposes 义马市2020-2021学年县级填报表.xlsx and
// writes the county's own workbook where the clerk says.
func (p *schools) chooseCountyTemplate() {
	chooseSave(p.env, fileStem(p.env.S.File.County.Name, p.env.S.Year)+"县级填报表.xlsx", p.WriteCountyTemplate)
}

// WriteCountyTemplate writes the county's workbook of the year on screen
// to path (county facts, survey, finance; pre-filled with the saved data),
// for the bureau to fill in and import back. The schools' template never
// holds these sheets.
func (p *schools) WriteCountyTemplate(path string) {
	f := p.env.S.File
	task(p.env, "正在生成县级填报表…", func() error {
		return writeWorkbook(path, func(w io.Writer) error { return xlsx.WriteCountyTemplate(w, f) })
	}, func(err error) {
		if err != nil {
			dialogs.Error(err, p.env.Win)
			return
		}
		p.env.Status("已生成县级填报表 " + path)
		dialogs.FileWritten("县级填报表", path, p.env.Win)
	})
}

// ImportExcel reads a filled-in workbook in the background and plans its
// import into the year on screen. Cell problems are listed, every one, and
// nothing is imported; otherwise the changes are shown and applied only
// when the clerk confirms.
func (p *schools) ImportExcel(path string) {
	s := p.env.S
	store, year := s.Store, s.Year
	name := filepath.Base(path)
	var imp *xlsx.Import
	var plan *xlsx.Plan
	task(p.env, "正在读取「"+name+"」…", func() error {
		in, err := os.Open(path)
		if err != nil {
			return safefile.Explain(path, err) // no English OS error reaches the clerk
		}
		defer in.Close()
		if imp, err = xlsx.ReadWorkbook(in, name); err != nil {
			return err
		}
		plan, err = xlsx.PlanFor(store, imp, year)
		return err
	}, func(err error) {
		var cells xlsx.Errors
		switch {
		case errors.As(err, &cells):
			dialogs.CellErrors(name, cells, p.env.Win)
		case err != nil:
			dialogs.Error(err, p.env.Win)
		case plan.Empty():
			// The plan's own words: 没有需要导入的修改 only when every
			// value was read and equals the saved one.
			msg := plan.Summary()
			for _, n := range plan.Notes {
				msg += "\n说明：" + n
			}
			dialogs.Info("导入 Excel", msg, p.env.Win)
		default:
			warn := ""
			if imp.Year != "" && imp.Year != year {
				warn = fmt.Sprintf("注意：填报表上的学年是 %s，将导入到当前学年 %s。", imp.Year, year)
			}
			dialogs.ImportPlan(plan, warn, p.env.Win, func() { p.applyImport(plan) })
		}
	})
}

// applyImport saves a confirmed plan in one transaction, recorded in the
// history as imported from the workbook, then reloads the year from the
// store and recomputes (as after saving a school). New schools the clerk
// did not tick 添加新学校 for are left out; the other changes are saved.
func (p *schools) applyImport(plan *xlsx.Plan) {
	bi, ok := p.env.S.Store.(session.BatchImporter)
	if !ok {
		dialogs.Error(errors.New("当前数据文件不支持导入 Excel"), p.env.Win)
		return
	}
	save, skipped := plan, 0
	if !plan.AddNewSchools && len(plan.NewSchools) > 0 {
		save, skipped = withoutNewSchools(plan), len(plan.NewSchools)
	}
	task(p.env, "正在导入…", func() error { return xlsx.Apply(bi, save) }, func(err error) {
		if err != nil {
			dialogs.Error(fmt.Errorf("导入「%s」失败，未做任何改动：%w", plan.File, err), p.env.Win)
			return
		}
		if err := p.env.S.Reload(); err != nil {
			dialogs.Error(err, p.env.Win)
			return
		}
		if p.hasForm && !p.isNew && p.env.S.School(p.editing) != nil {
			p.edit(p.editing) // show the imported values
		}
		msg := fmt.Sprintf("已导入「%s」：修改 %s，新增学校 %s", plan.File, format.Count(len(save.Changes), "处"), format.Count(len(save.NewSchools), "所"))
		if skipped > 0 {
			msg += fmt.Sprintf("；未勾选「添加新学校」，%s新学校没有添加", format.Count(skipped, "所"))
		}
		p.env.Status(msg)
	})
}

// withoutNewSchools is the plan with its new schools left out: the changes
// to saved schools and county facts only.
func withoutNewSchools(plan *xlsx.Plan) *xlsx.Plan {
	isNew := map[string]bool{}
	for _, s := range plan.NewSchools {
		isNew[s.ID] = true
	}
	out := *plan
	out.NewSchools, out.Schools = nil, nil
	out.Counts.NewSchools = 0
	for _, s := range plan.Schools {
		if !isNew[s.ID] {
			out.Schools = append(out.Schools, s)
		}
	}
	return &out
}
