package screens

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"

	ev "junheng/app/evidence"
	"junheng/app/format"
	"junheng/data/safefile"
	"junheng/ui/dialogs"
	evedit "junheng/ui/evidenceedit"
)

// Dropper is a page that takes files dropped on the window.
type Dropper interface {
	Drop(paths []string)
}

// progressFrom is how many files make the adding show a progress dialog.
const progressFrom = 3

// Drop adds dropped files (a dropped folder: the files in it) to the
// item, school and entry chosen.
func (p *evidencePage) Drop(paths []string) { p.addPaths(expandFolders(paths)) }

func (p *evidencePage) chooseFile() {
	if !p.canAdd() {
		return
	}
	dialogs.OpenFile(p.env.Win, nil, folder(p.env), func(path string) { p.addPaths([]string{path}) })
}

func (p *evidencePage) chooseFolder() {
	if !p.canAdd() {
		return
	}
	dialogs.OpenFolder(p.env.Win, "选择要添加其中全部文件的文件夹", folder(p.env), func(dir string) {
		paths := expandFolders([]string{dir})
		if len(paths) == 0 {
			dialogs.Info("添加文件夹", "文件夹「"+dir+"」中没有文件（其中的子文件夹不会添加）。", p.env.Win)
			return
		}
		p.addPaths(paths)
	})
}

// canAdd refuses adding before an item is chosen, saying what to do.
func (p *evidencePage) canAdd() bool {
	if _, ok := ev.ItemOf(p.item); ok && p.draft != nil && p.loadErr == nil {
		return true
	}
	msg := "请先在左侧选择一项指标，再添加文件。"
	if p.loadErr != nil {
		msg = "无法读取佐证材料，不能添加：" + p.loadErr.Error()
	}
	dialogs.Info("添加文件", msg, p.env.Win)
	return false
}

// expandFolders replaces each folder by the files directly in it, in
// name order (sub-folders are not entered: a dropped 桌面 must not pull
// in everything below it).
func expandFolders(paths []string) []string {
	var out []string
	for _, path := range paths {
		st, err := os.Stat(path)
		if err != nil || !st.IsDir() {
			out = append(out, path) // a missing file is refused when read, naming it
			continue
		}
		ents, err := os.ReadDir(path)
		if err != nil {
			out = append(out, path)
			continue
		}
		for _, e := range ents {
			if e.Type().IsRegular() {
				out = append(out, filepath.Join(path, e.Name()))
			}
		}
	}
	return out
}

// prepared is one file read and prepared (or refused).
type prepared struct {
	file *ev.Prepared
	err  error
}

// prepareFile reads one chosen file and makes it ready to store; a file
// past the limit is refused from its size, before it is read.
func prepareFile(path string) (*ev.Prepared, error) {
	name := filepath.Base(path)
	st, err := os.Stat(path)
	if err != nil {
		return nil, safefile.Explain(path, err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("「%s」是文件夹，未添加。请打开文件夹选择其中的文件。", name)
	}
	if err := ev.TooBig(name, st.Size()); err != nil {
		return nil, err
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, safefile.Explain(path, err)
	}
	return ev.Prepare(name, raw)
}

// addPaths prepares the files off the UI thread (photos are reduced,
// which takes a while for many) with a progress dialog for several, then
// adds each as a pending step to the item, school and entry chosen when
// the files were given. The files refused are listed with their reasons.
func (p *evidencePage) addPaths(paths []string) {
	if len(paths) == 0 || !p.canAdd() {
		return
	}
	item, school, entry := p.item, p.school, p.entry
	finish := func(res []prepared) {
		var msgs []string
		added := 0
		for _, r := range res {
			if r.err == nil {
				r.err = p.draft.Add(item, school, entry, r.file)
			}
			if r.err != nil {
				msgs = append(msgs, r.err.Error())
				continue
			}
			added++
		}
		if added > 0 {
			p.env.Status(fmt.Sprintf("已添加 %s文件到 %s（未保存）", format.Count(added, "个"), item))
		}
		p.redraw()
		p.refused(msgs)
	}
	if p.env.S.Inline { // headless tests: one goroutine for the widgets
		res := make([]prepared, len(paths))
		for i, path := range paths {
			res[i].file, res[i].err = prepareFile(path)
		}
		finish(res)
		return
	}
	var prog *dialogs.Progress
	if len(paths) >= progressFrom {
		prog = dialogs.NewProgress(fmt.Sprintf("正在读取 %s文件…", format.Count(len(paths), "个")), p.env.Win)
	}
	go func() {
		res := make([]prepared, len(paths))
		for i, path := range paths {
			res[i].file, res[i].err = prepareFile(path)
			if prog != nil {
				done := float64(i+1) / float64(len(paths))
				fyne.Do(func() { prog.Set(done) })
			}
		}
		fyne.Do(func() {
			if prog != nil {
				prog.Hide()
			}
			finish(res)
		})
	}()
}

// openDir is where attachments are written to be opened by the system.
func openDir() string { return filepath.Join(os.TempDir(), "均衡评估助手-佐证材料") }

// openFile writes an attachment to a temporary folder under a safe name
// and hands it to the system's viewer, only on the clerk's click. A file
// the system might run (a program, a script, a shortcut) is never handed
// over: its folder is shown instead.
func (p *evidencePage) openFile(a evedit.Item) {
	data, err := p.bytesOf(a)
	if err != nil {
		dialogs.Error(fmt.Errorf("无法打开「%s」：%w", a.DisplayTitle(), err), p.env.Win)
		return
	}
	stem := a.DisplayTitle()
	if f, ok := p.filed[a.ID]; ok {
		stem = f.Code() + " " + stem
	}
	path := filepath.Join(openDir(), ev.SafeFileName(stem, a.Ext, 90))
	if err := os.MkdirAll(openDir(), 0o700); err != nil {
		dialogs.Error(safefile.Explain(openDir(), err), p.env.Win)
		return
	}
	if err := safefile.WriteBytes(path, data); err != nil {
		dialogs.Error(fmt.Errorf("无法打开「%s」：%w", a.DisplayTitle(), err), p.env.Win)
		return
	}
	target := path
	if !ev.Viewable(a.Ext) {
		target = openDir()
		dialogs.Info("未直接打开", fmt.Sprintf("「%s」不是文档或图片（扩展名「%s」），可能是程序或脚本，为安全起见本程序不直接打开它。已打开它所在的文件夹：\n%s", a.Name, a.Ext, openDir()), p.env.Win)
	}
	if err := dialogs.OpenURL(dialogs.FileURL(target)); err != nil {
		dialogs.Info("无法打开", "系统没有打开「"+target+"」。请在文件管理器中找到它。", p.env.Win)
	}
}

// bytesOf is the content of an attachment: the pending file's, or the
// stored bytes.
func (p *evidencePage) bytesOf(a evedit.Item) ([]byte, error) {
	if a.Pending() {
		return a.File.Data, nil
	}
	store, ok := p.env.S.Evidence()
	if !ok {
		return nil, fmt.Errorf("此数据文件不能保存佐证材料")
	}
	return store.AttachmentData(a.Hash)
}

// removeFile removes an attachment (pending until 保存; 撤销 brings it back).
func (p *evidencePage) removeFile(id string) {
	a, _ := p.draft.Get(id)
	if err := p.draft.Remove(id); err != nil {
		p.msg.SetText(err.Error())
		return
	}
	p.env.Status("已删除「" + a.DisplayTitle() + "」（未保存，可点「撤销」恢复）")
	p.redraw()
}

// entryNames are the names of an item's entries a file of school may
// answer (per-school entries for a school, county entries for the county).
func (p *evidencePage) entryNames(item, school string) []string {
	var out []string
	for _, e := range p.lists[item] {
		if e.PerSchool == (school != "") {
			out = append(out, e.Name)
		}
	}
	return slices.Clip(out)
}
