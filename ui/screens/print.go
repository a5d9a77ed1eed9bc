package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// print is 打印材料: what the dossier will contain and where it stands. The
// PDF itself is produced by app/dossier (command line: junheng-cli).
type print struct {
	readOnly
	env  *Env
	info *widget.Label
	obj  fyne.CanvasObject
}

func newPrint(env *Env) *print {
	p := &print{env: env, info: widget.NewLabel("")}
	p.info.Wrapping = fyne.TextWrapWord
	p.obj = container.NewVScroll(container.NewVBox(
		widget.NewLabelWithStyle("打印材料", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel("申报材料包括：县域基本情况、资源配置达标情况表（小学、初中）、差异系数表、政府保障程度、教育质量、社会认可度、一票否决事项自查、义务教育经费情况表和整改清单。"),
		p.info,
	))
	return p
}

func (p *print) Object() fyne.CanvasObject { return p.obj }

func (p *print) Update() {
	r := p.env.S.Result
	switch {
	case r == nil:
		p.info.SetText("尚无评估结果。")
	case len(r.Verdict.Todo) > 0:
		p.info.SetText("整改清单中还有待办事项，打印前请先处理或确认。\n在本机生成 PDF：junheng-cli dossier（命令行）。")
	default:
		p.info.SetText("所有事项已填报并达标，可以生成申报材料。\n在本机生成 PDF：junheng-cli dossier（命令行）。")
	}
}
