package evidence

import (
	"fmt"
	"strings"

	"junheng/app/county"
	"junheng/app/format"
)

// Lengths of what the clerk writes about an attachment: a 题名 as long as
// a long document title, a 文号, a photo's caption of a few sentences.
const (
	TitleMaxLen   = 120
	DocNoMaxLen   = 60
	CaptionMaxLen = 500
)

// Clean checks what the clerk wrote of an attachment (named by what, e.g.
// 「音乐教室.jpg」) and returns it trimmed, its date written as
// 2025-03-08 (the one date parser of app/county). A problem is a Chinese
// sentence naming the attachment, the field and the value.
func (m Meta) Clean(what string) (Meta, error) {
	out := Meta{Title: strings.TrimSpace(m.Title), DocNo: strings.TrimSpace(m.DocNo),
		Caption: strings.TrimSpace(m.Caption), Entry: strings.TrimSpace(m.Entry)}
	check := func(label, v, why string) error {
		if why == "" {
			return nil
		}
		return fmt.Errorf("佐证材料%s的%s「%s」有误：%s。", format.Safe(what), label, format.Safe(v), why)
	}
	if strings.ContainsAny(out.Title, "\r\n") {
		return out, check("题名", out.Title, "题名不能换行")
	}
	if err := check("题名", out.Title, county.CheckText(out.Title, TitleMaxLen)); err != nil {
		return out, err
	}
	if err := check("文号", out.DocNo, county.CheckName(out.DocNo)); err != nil {
		return out, err
	}
	if err := check("文号", out.DocNo, county.CheckText(out.DocNo, DocNoMaxLen)); err != nil {
		return out, err
	}
	if err := check("说明", out.Caption, county.CheckText(out.Caption, CaptionMaxLen)); err != nil {
		return out, err
	}
	if err := check("清单项", out.Entry, county.CheckName(out.Entry)); err != nil {
		return out, err
	}
	if d := strings.TrimSpace(m.Date); d != "" {
		date, why := county.ParseDate(d)
		if err := check("日期", d, why); err != nil {
			return out, err
		}
		out.Date = date
	}
	return out, nil
}
