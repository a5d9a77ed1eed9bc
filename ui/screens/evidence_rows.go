package screens

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	ev "junheng/app/evidence"
	evedit "junheng/ui/evidenceedit"

	"junheng/app/format"
)

// thumbSide is the size of a thumbnail in the list, in units: large
// enough to recognise a room, small enough for two lines of text.
const thumbSide = 64

// newRow is the template of the item list: the item and its count.
func (p *evidencePage) newRow() fyne.CanvasObject {
	name := widget.NewLabel("G15 随迁子女与留守儿童")
	name.Truncation = fyne.TextTruncateEllipsis
	state := widget.NewLabel("已有 99 件 · 缺 99 项")
	return container.NewBorder(nil, nil, nil, state, name)
}

func (p *evidencePage) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(p.rows) {
		return
	}
	c := o.(*fyne.Container)
	name, state := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Label)
	r := p.rows[i]
	if r.item == nil {
		name.TextStyle = fyne.TextStyle{Bold: true}
		name.SetText(r.heading)
		state.Hide()
		return
	}
	name.TextStyle = fyne.TextStyle{}
	name.SetText("  " + r.item.Code + " " + r.item.ShortName())
	state.Show()
	if r.state.Missing > 0 {
		state.Importance = widget.DangerImportance
		state.SetText(fmt.Sprintf("已有 %s · 缺 %s", format.Count(r.state.Files, "件"), format.Count(r.state.Missing, "项")))
	} else {
		state.Importance = widget.SuccessImportance
		state.SetText(fmt.Sprintf("已有 %s · 齐全", format.Count(r.state.Files, "件")))
	}
}

// newFileRow is the template of a file: thumbnail (or the kind of
// file), two lines of description, and its buttons.
func (p *evidencePage) newFileRow() fyne.CanvasObject {
	img := canvas.NewImageFromResource(nil)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSize(thumbSide, thumbSide))
	kind := widget.NewLabelWithStyle("PDF 文件", fyne.TextAlignCenter, fyne.TextStyle{})
	thumb := container.NewStack(img, container.NewCenter(kind))
	lines := make([]fyne.CanvasObject, 2)
	for i := range lines {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		lines[i] = l
	}
	lines[0].(*widget.Label).TextStyle = fyne.TextStyle{Bold: true}
	buttons := container.NewHBox(widget.NewButton("打开", nil), widget.NewButton("修改…", nil), widget.NewButton("删除", nil))
	return container.NewBorder(nil, nil, thumb, container.NewCenter(buttons), container.NewVBox(lines...))
}

func (p *evidencePage) updateFileRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(p.shown) {
		return
	}
	a := p.shown[i]
	c := o.(*fyne.Container)
	text := c.Objects[0].(*fyne.Container).Objects
	thumb := c.Objects[1].(*fyne.Container)
	buttons := c.Objects[2].(*fyne.Container).Objects[0].(*fyne.Container).Objects
	img := thumb.Objects[0].(*canvas.Image)
	kind := thumb.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
	if res := p.thumb(a); res != nil {
		img.Resource = res
		img.Show()
		kind.Hide()
	} else {
		img.Resource = nil
		img.Hide()
		kind.SetText(ev.KindNames[a.Kind])
		kind.Show()
	}
	img.Refresh()
	head := a.DisplayTitle()
	if f, ok := p.filed[a.ID]; ok {
		head = "件号 " + f.Code() + "  " + head
	}
	if a.Pending() {
		head += "（未保存）"
	}
	text[0].(*widget.Label).SetText(head)
	text[1].(*widget.Label).SetText(describeFile(a))
	buttons[0].(*widget.Button).OnTapped = func() { p.openFile(a) }
	buttons[1].(*widget.Button).OnTapped = func() { p.editFile(a.ID) }
	buttons[2].(*widget.Button).OnTapped = func() { p.removeFile(a.ID) }
}

// describeFile is the second line of a file: 日期, 文号, entry, size, file
// name and caption (a photo without one says what to write).
func describeFile(a evedit.Item) string {
	var parts []string
	if a.Date != "" {
		parts = append(parts, a.Date)
	} else {
		parts = append(parts, "日期未填")
	}
	if a.DocNo != "" {
		parts = append(parts, a.DocNo)
	}
	if a.Entry != "" {
		parts = append(parts, "「"+a.Entry+"」")
	}
	parts = append(parts, sizeText(a.Size)) // the kind is shown where a photo's thumbnail is
	switch {
	case a.Caption != "":
		parts = append(parts, "说明："+a.Caption)
	case a.Kind == ev.KindPhoto:
		parts = append(parts, "说明未填（时间、地点、人物、事件）")
	}
	if a.Name != "" {
		parts = append(parts, a.Name)
	}
	return strings.Join(parts, " · ")
}

// sizeText is a file size as a clerk reads it.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}

// thumb is the thumbnail of a photo, read once per hash from the store
// (never the photo itself) or from the pending file's prepared thumbnail.
func (p *evidencePage) thumb(a evedit.Item) fyne.Resource {
	if a.Kind != ev.KindPhoto {
		return nil
	}
	if res, ok := p.thumbs[a.Hash]; ok {
		return res
	}
	var b []byte
	if a.Pending() {
		b = a.File.Thumb
	} else if store, ok := p.env.S.Evidence(); ok {
		b, _ = store.Thumbnail(a.Hash) // none: the kind is shown instead
	}
	var res fyne.Resource
	if len(b) > 0 {
		res = fyne.NewStaticResource(a.Hash[:min(16, len(a.Hash))]+".jpg", b)
	}
	if !a.Pending() || res != nil { // a pending file's thumbnail is asked again once stored
		p.thumbs[a.Hash] = res
	}
	return res
}
