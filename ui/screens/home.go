package screens

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/standard"
	"junheng/app/wording"
)

// home is 首页: the county verdict in one look.
type home struct {
	readOnly
	env     *Env
	verdict *widget.Label
	parts   *fyne.Container
	schools *widget.Label
	worst   *fyne.Container
	gaps    *fyne.Container // 佐证材料: the first items missing evidence
	todo    *widget.Button
	scroll  *container.Scroll
	obj     fyne.CanvasObject
}

func newHome(env *Env) *home {
	h := &home{env: env,
		verdict: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		parts:   container.NewVBox(), schools: widget.NewLabel(""), worst: container.NewVBox(), gaps: container.NewVBox()}
	h.verdict.SizeName = theme.SizeNameHeadingText
	h.todo = widget.NewButton("", func() { env.Goto(Todo, "") })
	h.scroll = container.NewVScroll(container.NewVBox(
		h.verdict,
		h.gaps,
		widget.NewSeparator(),
		widget.NewLabelWithStyle("各部分结论", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), h.parts,
		widget.NewSeparator(),
		widget.NewLabelWithStyle("学校达标情况", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), h.schools,
		widget.NewSeparator(),
		widget.NewLabelWithStyle("差异系数（与限值最接近的）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), h.worst,
		widget.NewSeparator(),
		container.NewHBox(h.todo),
	))
	h.obj = h.scroll
	return h
}

// Open shows the page from its top: the verdict first, whatever was
// scrolled to before.
func (h *home) Open(string) { h.scroll.ScrollToTop() }

func (h *home) Object() fyne.CanvasObject { return h.obj }

func (h *home) Update() {
	s := h.env.S
	r := s.Result
	h.showGaps()
	h.parts.RemoveAll()
	h.worst.RemoveAll()
	h.verdict.Importance = widget.MediumImportance
	if r == nil {
		if s.Computing {
			h.verdict.SetText(s.File.County.Name + " " + s.Year + " 学年：正在计算…")
		} else {
			h.verdict.SetText(s.File.County.Name + " " + s.Year + " 学年：尚无评估结果，请点击窗口上方的「重新计算」")
		}
		h.schools.SetText("")
		h.todo.SetText("整改清单")
		return
	}
	empty := len(s.File.Schools) == 0
	word := "未达到优质均衡标准"
	h.verdict.Importance = widget.DangerImportance
	switch {
	case empty: // nothing to judge: the CLI refuses such a file
		word = "尚无学校，无法评估。请先在「学校档案」页新增学校，或在「批量录入」页粘贴、导入学校"
		h.verdict.Importance = widget.WarningImportance
	case r.Verdict.Pass:
		word = "达到优质均衡标准"
		h.verdict.Importance = widget.SuccessImportance
	}
	h.verdict.SetText(fmt.Sprintf("%s %s 学年：%s", s.File.County.Name, s.Year, word))
	tally := wording.Count(s.File, r)
	h.verdict.Wrapping = fyne.TextWrapWord
	noSchools := r.Stages.Primary == nil && r.Stages.Junior == nil
	for _, p := range r.Verdict.Parts {
		h.parts.Add(partRow(p, tally.Part(p.Part).Gaps(), noSchools))
	}
	if len(r.Verdict.Parts) == 0 {
		h.parts.Add(widget.NewLabel("未填报"))
	}
	h.schools.SetText(stagePassing(s.File, r))
	for _, line := range worstCV(r, s.Std, 5) {
		h.worst.Add(widget.NewLabel(line))
	}
	if len(h.worst.Objects) == 0 {
		h.worst.Add(widget.NewLabel("未填报"))
	}
	h.todo.SetText(fmt.Sprintf("整改清单：%s待办", format.Count(len(r.Verdict.Todo), "条")))
	if empty {
		h.todo.SetText("去新增学校")
		h.todo.OnTapped = func() { h.env.Goto(Schools, "") }
	} else {
		h.todo.OnTapped = func() { h.env.Goto(Todo, "") }
	}
}

// partRow is a part's state and its gaps as wording words them: 达标 only when something was judged. The
// resource part of a county without schools (in the stages counted) says
// 无学校, a part whose only gaps are blanks says 未填报.
func partRow(p eval.PartVerdict, detail string, noSchools bool) fyne.CanvasObject {
	state := widget.NewLabel("✓ 达标")
	state.Importance = widget.SuccessImportance
	switch {
	case p.Part == standard.PartResource && noSchools:
		state.SetText("— 无学校")
		state.Importance = widget.WarningImportance
	case !p.Pass && p.Failures == 0:
		state.SetText("… 未填报")
		state.Importance = widget.WarningImportance
	case !p.Pass:
		state.SetText("× 未达标")
		state.Importance = widget.DangerImportance
	}
	if p.Part == standard.PartResource && noSchools {
		detail = "请先新增学校"
	}
	name := p.Name
	if name == "" {
		name = standard.PartNames[p.Part]
	}
	return container.NewHBox(widget.NewLabel(name), state, widget.NewLabel(detail))
}

func stagePassing(f *county.File, r *eval.Result) string {
	out := ""
	for _, st := range []string{eval.Primary, eval.Junior} {
		stage := r.Stages.Get(st)
		if out != "" {
			out += "\n"
		}
		if stage == nil {
			out += eval.StageNames[st] + "：不适用（没有学校）"
			continue
		}
		line := "纳入计算 " + wording.StageSchools(stage)
		if ex := wording.Excluded(f, stage); ex != "" {
			line += "，" + ex
		}
		out += eval.StageNames[st] + "：" + line
	}
	return out
}

// worstCV lists the coefficients closest to (or over) their limits.
func worstCV(r *eval.Result, std *standard.Standard, n int) []string {
	type cv struct {
		ratio float64
		line  string
	}
	var all []cv
	for _, st := range []string{eval.Primary, eval.Junior} {
		stage := r.Stages.Get(st)
		if stage == nil {
			continue
		}
		for _, code := range standard.ResourceCodes {
			v := stage.CV[code]
			if v == nil {
				note := stage.CVNote[code]
				if note == "" {
					note = "未填报"
				}
				all = append(all, cv{1e9, fmt.Sprintf("× %s %s %s：无法计算（%s）", eval.StageNames[st], code, std.Item(code).ShortName(), note)})
				continue
			}
			mark := "✓"
			if !stage.CVPass[code] {
				mark = "×"
			}
			ratio := 0.0
			if stage.CVLimit > 0 {
				ratio = *v / stage.CVLimit
			}
			all = append(all, cv{ratio, fmt.Sprintf("%s %s %s %s：%s（限值 %s）", mark, eval.StageNames[st], code, std.Item(code).ShortName(),
				format.CV(*v), format.CV(stage.CVLimit))})
		}
	}
	slices.SortStableFunc(all, func(a, b cv) int {
		switch {
		case a.ratio > b.ratio:
			return -1
		case a.ratio < b.ratio:
			return 1
		}
		return 0
	})
	var out []string
	for i := 0; i < len(all) && i < n; i++ {
		out = append(out, all[i].line)
	}
	return out
}
