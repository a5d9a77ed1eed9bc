package screens

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// homeGaps is how many items missing evidence the 首页 names; the rest
// are counted (the 整改清单 and the 佐证材料 page list them all).
const homeGaps = 3

// showGaps is the 首页's 佐证材料 summary: the first items missing
// evidence, each opening the 佐证材料 page on it, and the total.
func (h *home) showGaps() {
	h.gaps.RemoveAll()
	if _, ok := h.env.S.Evidence(); !ok {
		h.gaps.Add(widget.NewLabel("此数据文件不保存佐证材料。"))
		return
	}
	gaps, err := h.env.S.Gaps()
	if err != nil {
		l := widget.NewLabel("无法读取佐证材料：" + err.Error())
		l.Wrapping = fyne.TextWrapWord
		h.gaps.Add(l)
		return
	}
	if len(gaps) == 0 {
		ok := widget.NewLabel("各项佐证材料清单均已齐备。")
		ok.Importance = widget.SuccessImportance
		h.gaps.Add(ok)
		return
	}
	total := 0
	for _, g := range gaps {
		total += g.Count
	}
	for i, g := range gaps {
		if i == homeGaps {
			break
		}
		b := widget.NewButton("× "+g.Sentence(), func() { h.env.Goto(Evidence, g.Item) })
		b.Importance = widget.LowImportance
		h.gaps.Add(container.NewHBox(b))
	}
	more := widget.NewButton(fmt.Sprintf("佐证材料：共 %d 个指标缺 %d 项 →", len(gaps), total), func() { h.env.Goto(Evidence, gaps[0].Item) })
	h.gaps.Add(container.NewHBox(more))
}
