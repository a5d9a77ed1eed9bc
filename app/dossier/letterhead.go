package dossier

import (
	"strings"

	"junheng/app/format"
)

// The 请示 as a 公文 (GB/T 9704): 发文字号 and 签发人 above the title, the
// title broken only between its words, 附件 after the body, 联系人 and
// 电话 under the date.

// requestTitle is the 请示's title as the words it may break between.
func requestTitle(applicant string) []string {
	return []string{clean(applicant, false), "关于申请", "县域义务教育", "优质均衡发展", "督导评估认定的请示"}
}

// phraseLines packs words onto lines no wider than width, breaking only
// between them; a word wider than a line is broken as text is.
func phraseLines(words []string, width float64, m Measure) []string {
	var lines []string
	cur := ""
	for _, w := range words {
		if w == "" {
			continue
		}
		if m(cur+w) <= width {
			cur += w
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
			cur = ""
		}
		if m(w) <= width {
			cur = w
			continue
		}
		ws := Wrap(w, width, m)
		lines = append(lines, ws[:len(ws)-1]...)
		cur = ws[len(ws)-1]
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// docNoLine prints 发文字号 at the left and 签发人 at the right of one line.
func (c *ctx) docNoLine() {
	d := c.d
	no, signer := strings.TrimSpace(c.fa.DocNo), strings.TrimSpace(c.fa.Signer)
	if no == "" && signer == "" {
		return
	}
	size := textSize + 1.5
	d.font(false, size)
	y := d.y()
	if no != "" {
		d.pdf.SetXY(d.left(), y)
		d.cellf(d.width()/2, lineH(size), d.fit(clean(no, false), d.width()/2), "", 0, "LM", false, 0)
	}
	if signer != "" {
		d.pdf.SetXY(d.left()+d.width()/2, y)
		d.cellf(d.width()/2, lineH(size), d.fit("签发人："+clean(signer, false), d.width()/2), "", 0, "RM", false, 0)
	}
	d.setY(y + lineH(size) + 2)
	d.pdf.SetLineWidth(0.4)
	d.pdf.Line(d.left(), d.y(), d.right(), d.y())
	d.setY(d.y() + 4)
}

// attachmentList prints 「附件：1. …」 under the body, one title a line,
// the titles aligned after 「附件：」.
func (c *ctx) attachmentList() {
	var list []string
	for _, l := range strings.Split(c.fa.Attachments, "\n") {
		if l = strings.TrimSpace(clean(l, false)); l != "" {
			list = append(list, l)
		}
	}
	if len(list) == 0 {
		return
	}
	d := c.d
	size := textSize + 1.5
	h := lineH(size)
	d.font(false, size)
	d.setY(d.y() + h)
	x := d.left() + 2*size*ptToMM
	label := d.measure("附件：")
	for i, l := range list {
		if len(list) > 1 {
			l = format.Int(i+1) + ". " + l
		}
		for k, line := range Wrap(l, d.right()-x-label, d.measure) {
			d.ensure(h)
			if i == 0 && k == 0 {
				d.pdf.SetX(x)
				d.cellf(label, h, "附件：", "", 0, "LM", false, 0)
			}
			d.pdf.SetX(x + label)
			d.cellf(d.right()-x-label, h, line, "", 1, "LM", false, 0)
		}
	}
	d.font(false, textSize)
}

// contactNote prints 「（联系人：…，联系电话：…）」 under the signature.
func (c *ctx) contactNote() {
	parts := nonEmpty(labelled("联系人：", c.fa.Contact), labelled("联系电话：", c.fa.Phone))
	if len(parts) == 0 {
		return
	}
	d := c.d
	d.setY(d.y() + lineH(textSize))
	d.paragraph("（"+strings.Join(parts, "，")+"）", textSize+1.5, true)
}

func labelled(label, v string) string {
	if strings.TrimSpace(v) == "" {
		return ""
	}
	return label + clean(strings.TrimSpace(v), false)
}
