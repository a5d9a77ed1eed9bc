package screens

import (
	"fmt"
	"io"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"junheng/app/dossier"
	"junheng/app/proofread"
	"junheng/data/safefile"
	"junheng/ui/dialogs"
)

// print is 打印材料: choose the sections of the dossier and write the PDF
// (app/dossier does the layout; this page only collects the choices).
type print struct {
	readOnly
	env    *Env
	checks map[dossier.Section]*widget.Check
	info   *widget.Label
	proof  *fyne.Container // 材料自查: the contradictions found
	write  *widget.Button
	arch   *archivePart
	obj    fyne.CanvasObject
}

func newPrint(env *Env) *print {
	p := &print{env: env, info: widget.NewLabel(""), proof: container.NewVBox(), checks: map[dossier.Section]*widget.Check{}}
	p.info.Wrapping = fyne.TextWrapWord
	list := container.NewGridWithColumns(3)
	for _, sec := range dossier.AllSections {
		c := widget.NewCheck(dossier.SectionNames[sec], nil)
		c.SetChecked(slices.Contains(dossier.DefaultSections, sec))
		p.checks[sec] = c
		list.Add(c)
	}
	p.write = widget.NewButton("生成 PDF…", p.generate)
	p.write.Importance = widget.HighImportance
	p.arch = newArchivePart(env)
	p.obj = container.NewVScroll(container.NewVBox(
		widget.NewLabelWithStyle("打印材料", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel("选择要打印的部分（一校一表每所学校一页）："),
		list, p.info,
		widget.NewLabelWithStyle("材料自查", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		p.proof,
		container.NewHBox(p.write),
		widget.NewSeparator(),
		p.arch.obj,
	))
	return p
}

func (p *print) Object() fyne.CanvasObject { return p.obj }

func (p *print) Update() {
	r := p.env.S.Result
	p.showProofread()
	p.arch.Update()
	switch {
	case r == nil:
		p.info.SetText("尚无评估结果，计算完成后即可生成。")
		p.write.Disable()
		return
	case len(r.Verdict.Todo) > 0:
		p.info.SetText(fmt.Sprintf("整改清单中还有 %d 项待办，生成的材料会如实列出。", len(r.Verdict.Todo)))
	default:
		p.info.SetText("所有事项已填报并达标。")
	}
	p.write.Enable()
}

// showProofread lists what the narrative and the letter state that the
// file's own numbers contradict (app/proofread), before the PDF is made.
func (p *print) showProofread() {
	p.proof.RemoveAll()
	r := p.env.S.Result
	if r == nil {
		p.proof.Add(widget.NewLabel("尚无评估结果，计算完成后自查。"))
		return
	}
	found := proofread.Check(p.env.S.File, r)
	if len(found) == 0 {
		ok := widget.NewLabel("申请报告和自评报告中的数字与计算结果一致，未发现矛盾。")
		ok.Importance = widget.SuccessImportance
		p.proof.Add(ok)
		return
	}
	head := widget.NewLabel(fmt.Sprintf("材料自查发现 %d 处问题，请在「县域概况」或「整改清单」中修改后再生成：", len(found)))
	head.Importance = widget.DangerImportance
	head.Wrapping = fyne.TextWrapWord
	p.proof.Add(head)
	for _, line := range proofLines(found) {
		l := widget.NewLabel(line)
		l.Wrapping = fyne.TextWrapWord
		p.proof.Add(l)
	}
}

// proofLines words the findings of 材料自查, numbered, as the command line
// prints them.
func proofLines(found []proofread.Finding) []string {
	out := make([]string, len(found))
	for i, fd := range found {
		out[i] = fmt.Sprintf("（%d）%s", i+1, fd.Sentence())
	}
	return out
}

func (p *print) sections() []dossier.Section {
	var out []dossier.Section
	for _, sec := range dossier.AllSections {
		if p.checks[sec].Checked {
			out = append(out, sec)
		}
	}
	return out
}

// generate is 生成 PDF…: with sections chosen, 材料自查 runs first; what
// it finds is shown, and the dossier is printed only if the clerk answers
// 仍然生成. A clean file goes straight to choosing where to save.
func (p *print) generate() {
	secs := p.sections()
	if len(secs) == 0 {
		dialogs.Info("打印材料", "请至少选择一部分。", p.env.Win)
		return
	}
	if found := proofread.Check(p.env.S.File, p.env.S.Result); len(found) > 0 {
		dialogs.Proofread(proofLines(found), p.env.Win, func() { p.choosePath(secs) })
		return
	}
	p.choosePath(secs)
}

// choosePath asks where to write the dossier of the sections secs.
func (p *print) choosePath(secs []dossier.Section) {
	name := p.env.S.File.County.Name + p.env.S.Year + "学年优质均衡申报材料.pdf"
	dialogs.SaveFile(p.env.Win, "保存申报材料 PDF", name, ".pdf", folder(p.env), nil, func(path string) { p.writePDF(path, secs) })
}

// writePDF lays the dossier out in the background and reports on the UI thread.
func (p *print) writePDF(path string, secs []dossier.Section) {
	s := p.env.S
	f, r := s.File, s.Result
	opts := dossier.Options{Sections: secs, Office: s.Settings.Office, Preparer: s.Settings.User}
	var err error
	if opts.Evidence, err = filed(s); err != nil { // the 佐证材料目录 lists them with 卷/件号
		dialogs.Error(err, p.env.Win)
		return
	}
	pd := dialogs.NewProgress("正在生成 PDF…", p.env.Win)
	go func() {
		err := safefile.Write(path, func(out io.Writer) error { return dossier.Write(out, f, r, opts) })
		fyne.Do(func() {
			pd.Hide()
			if err != nil {
				dialogs.Error(fmt.Errorf("生成 PDF 失败：%w", err), p.env.Win)
				return
			}
			p.env.Status("已生成 " + path)
			dialogs.FileWritten("申报材料 PDF", path, p.env.Win)
		})
	}()
}
