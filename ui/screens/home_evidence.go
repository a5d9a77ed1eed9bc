package screens

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"junheng/app/format"
)

// homeGaps is how many items missing evidence the 首页 names; the rest
// are counted (the 整改清单 and the 佐证材料 page list them all).
const homeGaps = 2

// showGaps is the 首页's 佐证材料 line under the verdict: the first items
// missing evidence, each opening the 佐证材料 page on it, and the total.
// Links truncate, so the line never widens the page.
func (h *home) showGaps() {
	h.gaps.RemoveAll()
	head := widget.NewLabelWithStyle("佐证材料：", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	line := func(o fyne.CanvasObject) { h.gaps.Add(container.NewBorder(nil, nil, head, nil, o)) }
	if _, ok := h.env.S.Evidence(); !ok {
		line(widget.NewLabel("此数据文件不保存佐证材料。"))
		return
	}
	gaps, err := h.env.S.Gaps()
	if err != nil {
		l := widget.NewLabel("无法读取：" + err.Error())
		l.Truncation = fyne.TextTruncateEllipsis
		line(l)
		return
	}
	if len(gaps) == 0 {
		ok := widget.NewLabel("各项清单均已齐备。")
		ok.Importance = widget.SuccessImportance
		line(ok)
		return
	}
	link := func(text string, open func()) *widget.Hyperlink {
		l := widget.NewHyperlink(text, nil)
		l.Truncation = fyne.TextTruncateEllipsis
		l.OnTapped = open
		return l
	}
	total := 0
	for _, g := range gaps {
		total += g.Count
	}
	var links []fyne.CanvasObject
	for i, g := range gaps {
		if i == homeGaps {
			break
		}
		links = append(links, link(g.Sentence(), func() { h.env.Goto(Evidence, g.Item) }))
	}
	more := link(fmt.Sprintf("共 %s指标缺 %s →", format.Count(len(gaps), "个"), format.Count(total, "项")), func() { h.env.Goto(Evidence, gaps[0].Item) })
	more.Truncation = fyne.TextTruncateOff // short: the gaps' links give way
	line(container.NewBorder(nil, nil, nil, more, container.NewGridWithColumns(len(links), links...)))
}
