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
	return container.NewHBox(widget.NewLabel("Excel 填报表"), all, p.tmplBtn, imp)
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
			return fmt.Errorf("无法打开「%s」：%v", path, err)
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
			msg := "「" + name + "」与当前数据一致，没有需要导入的变化。"
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

// applyImport saves a confirmed plan in one transaction, then reloads the
// year from the store and recomputes (as after saving a school).
func (p *schools) applyImport(plan *xlsx.Plan) {
	bi, ok := p.env.S.Store.(session.BatchImporter)
	if !ok {
		dialogs.Error(errors.New("当前数据文件不支持导入 Excel"), p.env.Win)
		return
	}
	task(p.env, "正在导入…", func() error { return xlsx.Apply(bi, plan) }, func(err error) {
		if err != nil {
			dialogs.Error(fmt.Errorf("导入失败，未做任何改动：%w", err), p.env.Win)
			return
		}
		if err := p.env.S.Reload(); err != nil {
			dialogs.Error(err, p.env.Win)
			return
		}
		if p.hasForm && !p.isNew && p.env.S.School(p.editing) != nil {
			p.edit(p.editing) // show the imported values
		}
		p.env.Status(fmt.Sprintf("已导入「%s」：新增学校 %d 所，修改 %d 处", plan.File, len(plan.NewSchools), len(plan.Changes)))
	})
}
