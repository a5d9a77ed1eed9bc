package screens

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"junheng/app/county"
	ev "junheng/app/evidence"
	"junheng/app/format"
	"junheng/data/archive"
	"junheng/ui/dialogs"
	"junheng/ui/session"
)

// archivePart is the 迎检档案 part of 打印材料: how many attachments the
// year holds, the box size for the labels, and the button that writes the
// archive zip (data/archive lays it out; this only collects the choice).
type archivePart struct {
	env    *Env
	info   *widget.Label
	spine  *widget.Select
	export *widget.Button
	obj    fyne.CanvasObject
}

// spineChoice names a box size as the clerk reads it.
func spineChoice(cm int) string { return fmt.Sprintf("%d 厘米", cm) }

func newArchivePart(env *Env) *archivePart {
	a := &archivePart{env: env, info: widget.NewLabel("")}
	a.info.Wrapping = fyne.TextWrapWord
	var choices []string
	for _, cm := range []int{3, 4, 5} {
		choices = append(choices, spineChoice(cm))
	}
	a.spine = widget.NewSelect(choices, nil)
	a.spine.SetSelected(spineChoice(4))
	a.export = widget.NewButton("导出迎检档案（zip）…", a.choosePath)
	a.obj = container.NewVBox(
		widget.NewLabelWithStyle("迎检档案", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		a.info,
		container.NewHBox(widget.NewLabel("档案盒盒脊厚度："), a.spine, a.export),
	)
	return a
}

// filed is the year's attachments as the archive numbers them; nil when
// the store keeps none.
func filed(s *session.Session) ([]ev.Filed, error) {
	store, ok := s.Evidence()
	if !ok {
		return nil, nil
	}
	atts, err := store.Attachments(s.Year)
	if err != nil {
		return nil, err
	}
	return ev.Number(atts, s.EvidenceSchools()), nil
}

func (a *archivePart) Update() {
	fs, err := filed(a.env.S)
	switch {
	case err != nil:
		a.info.SetText("读取佐证材料失败：" + err.Error())
		a.export.Disable()
	case len(fs) == 0:
		a.info.SetText("本学年还没有佐证材料。在「佐证材料」页添加文件后，可在此导出按指标整理的迎检档案。")
		a.export.Disable()
	default:
		a.info.SetText(fmt.Sprintf("本学年共有佐证材料 %s。导出的压缩包按一级指标、二级指标、学校分文件夹，文件名为件号和题名，"+
			"并附档案目录（Excel 和 PDF）、照片及文件页和档案盒标签。", format.Count(len(fs), "件")))
		a.export.Enable()
	}
}

func (a *archivePart) spineCM() int {
	n, _ := strconv.Atoi(strings.TrimSuffix(a.spine.Selected, " 厘米"))
	return n
}

func (a *archivePart) choosePath() {
	s := a.env.S
	name := s.File.County.Name + s.Year + "学年迎检档案.zip"
	dialogs.SaveFile(a.env.Win, "保存迎检档案", name, ".zip", folder(a.env), nil, a.write)
}

// source is the open file as data/archive reads it: its county file and
// its attachments.
type source struct {
	session.Evidence
	load func(year string) (*county.File, error)
}

func (s source) LoadYear(year string) (*county.File, error) { return s.load(year) }

// write exports the archive in the background, with its progress, and
// reports on the UI thread.
func (a *archivePart) write(path string) {
	s := a.env.S
	store, ok := s.Evidence()
	if !ok {
		return
	}
	src := source{Evidence: store, load: s.Store.LoadYear}
	pd := dialogs.NewProgress("正在导出迎检档案…", a.env.Win)
	spine := a.spineCM()
	year := s.Year
	go func() {
		var problems archive.Problems
		opt := archive.Options{Extras: archive.Printouts(spine, &problems), Progress: func(done, total int) {
			fyne.Do(func() { pd.Set(float64(done) / float64(total)) })
		}}
		_, err := archive.Export(src, year, path, opt)
		fyne.Do(func() {
			pd.Hide()
			var empty *archive.EmptyError
			switch {
			case errors.As(err, &empty):
				dialogs.Info("迎检档案", err.Error(), a.env.Win)
				return
			case err != nil:
				dialogs.Error(err, a.env.Win)
				return
			}
			a.env.Status("已导出 " + path)
			dialogs.FileWritten("迎检档案", path, a.env.Win)
			if len(problems.List) > 0 {
				dialogs.Info("迎检档案", fmt.Sprintf("以下 %s材料无法放入照片及文件页，已用说明页代替（电子文件仍在压缩包中）：\n%s", format.Count(len(problems.List), "份"), strings.Join(problems.List, "\n")), a.env.Win)
			}
		})
	}()
}
