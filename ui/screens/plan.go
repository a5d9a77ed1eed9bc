package screens

import (
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	"junheng/app/plan"
	"junheng/app/standard"
	"junheng/ui/dialogs"
	"junheng/ui/session"
	w "junheng/ui/widgets"
)

// planMaker makes a plan; plan.Make, or a fixed answer in tests.
type planMaker func(f *county.File, std *standard.Standard, o plan.Options, progress plan.Progress) (*plan.Plan, error)

// planPage is 达标规划: the county's unit costs and planning options (the
// planning block of the county facts, saved like them), 生成方案 running
// app/plan in the background, and the plan it returns — the total and
// its split, the state before and after, the actions by school (ticked
// ones become 整改台账 rows) and what the plan cannot fix.
type planPage struct {
	env  *Env
	set  *planSettings
	make planMaker
	msg  w.Message

	generate *widget.Button
	progress *dialogs.Progress // shown after half a second
	shown    bool              // a progress dialog was shown for the latest plan (tests)
	running  sync.WaitGroup

	res *planResult
	obj fyne.CanvasObject
}

func newPlan(env *Env) *planPage {
	p := &planPage{env: env, make: plan.Make, msg: w.NewMessage()}
	p.set = newPlanSettings(env, p.chooseExcluded)
	p.res = newPlanResult(env)
	save := widget.NewButton("保存设置（Ctrl+S）", func() { p.Save() })
	p.generate = widget.NewButton("生成方案", p.run)
	p.generate.Importance = widget.HighImportance
	head := widget.NewLabelWithStyle("达标规划（测算）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	left := container.NewBorder(container.NewVBox(head, p.msg), container.NewHBox(save, p.generate), nil, nil,
		container.NewVScroll(p.set.Object()))
	split := container.NewHSplit(left, p.res.Object())
	split.Offset = 0.36
	p.obj = split
	return p
}

func (p *planPage) Object() fyne.CanvasObject { return p.obj }

func (p *planPage) Open(string) {}

// Update follows the stored county: the settings reload unless typed in,
// and a plan made from other data is marked as such.
func (p *planPage) Update() {
	s := p.env.S
	if s == nil {
		return
	}
	if !p.set.ready || !p.set.Dirty() {
		p.set.load()
	}
	p.res.follow()
}

func (p *planPage) Dirty() bool { return p.set.Dirty() }

// Discard drops the typed settings (the clerk left with 不保存).
func (p *planPage) Discard() { p.set.load() }

// Save stores the settings as the county's planning block, through the
// county facts' save path (validated, recorded in 修改记录).
func (p *planPage) Save() bool {
	block, why := p.set.read()
	if why != "" {
		p.msg.SetText("未保存：" + why)
		return false
	}
	s := p.env.S
	if err := s.Refresh(); err != nil {
		p.msg.SetText("未保存：" + err.Error())
		return false
	}
	c := session.Clone(s.File.County)
	c.Planning = block
	if why := p.res.ownSave(func() string { return saveCountyChecked(s, c) }); why != "" {
		p.msg.SetText("未保存：" + why)
		return false
	}
	p.set.load()
	p.msg.SetText("")
	p.env.Status("规划设置已保存")
	return true
}

// saveCountyChecked validates the county facts c and stores them; the
// answer is the first problem, or "" when stored.
func saveCountyChecked(s *session.Session, c county.Profile) string {
	nf := *s.File
	nf.County = c
	for _, pr := range county.Validate(&nf) {
		if pr.SchoolID == "" && pr.SchoolName == "" && strings.HasPrefix(pr.Field, "county") {
			return pr.String()
		}
	}
	if err := s.SaveCounty(c); err != nil {
		return err.Error()
	}
	return ""
}

// chooseExcluded opens the 不纳入规划 picker.
func (p *planPage) chooseExcluded() {
	chooseExcludedSchools(p.env.S.File.Schools, p.set.excluded, p.env.Win, p.set.setExcluded)
}

// run makes a plan under the options on screen (saved or not) in the
// background; after half a second a progress bar shows how far it is.
func (p *planPage) run() {
	block, why := p.set.read()
	if why != "" {
		p.msg.SetText("无法生成方案：" + why)
		return
	}
	p.msg.SetText("")
	s := p.env.S
	nf := *s.File
	nf.County.Planning = block
	o, err := plan.OptionsFor(&nf, s.Settings.Options())
	if err != nil {
		p.msg.SetText("无法生成方案：" + err.Error())
		return
	}
	version, year := s.Version, s.Year
	p.generate.Disable()
	p.shown = false
	p.env.Status("正在生成方案…")
	var frac atomic.Uint64 // progress × 1e6
	done := make(chan struct{})
	var pl *plan.Plan
	var perr error
	mk, std := p.make, s.Std
	go func() {
		defer close(done)
		defer func() {
			if recover() != nil {
				pl, perr = nil, errors.New("生成方案时程序出错，未能得到方案。请将数据文件发给技术支持。")
			}
		}()
		pl, perr = mk(&nf, std, o, func(x float64) {
			if x >= 0 && x <= 1 {
				frac.Store(uint64(x * 1e6))
			}
		})
	}()
	p.running.Add(1)
	go func() { // the one goroutine that reports to the window
		defer p.running.Done()
		wait := time.NewTimer(500 * time.Millisecond)
		defer wait.Stop()
		select {
		case <-done:
		case <-wait.C:
			tick := time.NewTicker(100 * time.Millisecond)
			defer tick.Stop()
			for busy := true; busy; {
				x := float64(frac.Load()) / 1e6
				fyne.Do(func() { p.showProgress(x) })
				select {
				case <-done:
					busy = false
				case <-tick.C:
				}
			}
		}
		fyne.Do(func() {
			p.hideProgress()
			p.generate.Enable()
			if p.env.S == nil || p.env.S.Year != year {
				return // another year is on screen now
			}
			p.finish(pl, perr, &nf, version)
		})
	}()
}

// showProgress shows how far the planner is, in a dialog that opens
// after half a second (a running bar until it reports a fraction).
func (p *planPage) showProgress(x float64) {
	if p.progress == nil {
		p.progress = dialogs.NewProgress("正在生成方案…", p.env.Win)
		p.shown = true
	}
	if x > 0 {
		p.progress.Set(x)
	}
}

func (p *planPage) hideProgress() {
	if p.progress != nil {
		p.progress.Hide()
		p.progress = nil
	}
}

// finish shows the planner's answer: a plan, the one sentence saying why
// none exists under the options, or another error.
func (p *planPage) finish(pl *plan.Plan, err error, f *county.File, version uint64) {
	var inf *plan.Infeasible
	switch {
	case errors.As(err, &inf):
		p.res.clear()
		p.env.Status("在当前设置下无法达标")
		dialogs.Info("无法生成方案", inf.Sentence, p.env.Win)
		return
	case err != nil:
		p.res.clear()
		p.env.Status("未能生成方案")
		dialogs.Error(err, p.env.Win)
		return
	case pl == nil:
		p.res.clear()
		return
	}
	p.res.show(pl, f, version)
	p.env.Status("方案已生成（测算）")
}

// wait blocks until the latest 生成方案 has reported (tests).
func (p *planPage) wait() { p.running.Wait() }

// schoolNames maps school ids to names for the wording of actions.
func schoolNames(f *county.File) map[string]string {
	m := make(map[string]string, len(f.Schools))
	for _, s := range f.Schools {
		m[s.ID] = s.Name
	}
	return m
}
