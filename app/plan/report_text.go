package plan

import (
	"fmt"
	"strings"

	"junheng/app/format"
)

// Money prints an amount of a plan in 元: whole 元, with separators.
func Money(x float64) string { return format.Number(x, 0) + " 元" }

// OptCV prints a coefficient, or — where it cannot be computed.
func OptCV(x *float64) string {
	if x == nil {
		return "—"
	}
	return format.CV(*x)
}

// PassWord is 达标 or 未达标.
func PassWord(ok bool) string {
	if ok {
		return "达标"
	}
	return "未达标"
}

// Note is the sentence every plan prints with its figures (plan.md §3.4).
const Note = "以上金额和数值均为测算，按所列单价和选项估算，仅供规划参考。"

// Text is the plan as a Chinese summary for the command line.
func (r Report) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s（%s 学年）\n\n", r.Title, format.Safe(r.Year))
	fmt.Fprintf(&b, "测算总投入：%s（%d 项措施）\n", Money(r.Total), r.actionCount())
	for _, k := range r.ByKind {
		fmt.Fprintf(&b, "  %s：%s（%d 项）\n", k.Name, Money(k.Cost), k.Count)
	}
	fmt.Fprintf(&b, "\n未达标的学校学段：规划前 %d 个 → 规划后 %d 个（测算）\n", r.Before.FailingParts, r.After.FailingParts)
	fmt.Fprintf(&b, "音乐、美术专用教室（G3）未达标的学校：规划前 %d 所 → 规划后 %d 所（测算）\n", r.Before.G3Failing, r.After.G3Failing)
	if len(r.CV) > 0 {
		b.WriteString("\n差异系数（测算，规划前 → 规划后）：\n")
		for _, c := range r.CV {
			fmt.Fprintf(&b, "  %s %s %s：%s（%s）→ %s（%s）\n", c.StageName, c.Code, c.Name,
				OptCV(c.Before), PassWord(c.PassBefore), OptCV(c.After), PassWord(c.PassAfter))
		}
	}
	b.WriteString("\n按学校的措施（测算）：\n")
	if len(r.Schools) == 0 {
		b.WriteString("  无需增加措施。\n")
	}
	for _, s := range r.Schools {
		fmt.Fprintf(&b, "  %s（%s）：合计 %s\n", format.Safe(s.Name), format.Safe(s.ID), Money(s.Cost))
		for _, a := range s.Actions {
			fmt.Fprintf(&b, "    %s　%s　责任单位：%s\n", a.Text, Money(a.Cost), format.Safe(a.Responsible))
		}
	}
	if len(r.Unresolved) > 0 {
		b.WriteString("\n规划无法解决的问题：\n")
		for _, u := range r.Unresolved {
			fmt.Fprintf(&b, "  %s　%s\n", u.Item, u.Where()+"："+format.Safe(u.Detail))
		}
	}
	b.WriteString("\n测算假设（单价）：\n")
	for _, a := range r.Costs {
		fmt.Fprintf(&b, "  %s：%s\n", a.Label, a.Value)
	}
	b.WriteString("测算假设（选项）：\n")
	for _, a := range r.Options {
		fmt.Fprintf(&b, "  %s：%s\n", a.Label, a.Value)
	}
	b.WriteString("\n" + Note + "\n")
	return b.String()
}

func (r Report) actionCount() int {
	n := 0
	for _, s := range r.Schools {
		n += len(s.Actions)
	}
	return n
}

// Where names the school of an unresolved item, or 全县.
func (u Unresolved) Where() string {
	switch {
	case u.School == "":
		return "全县"
	case u.Name != "":
		return format.Safe(u.Name) + "（" + format.Safe(u.School) + "）"
	}
	return format.Safe(u.School)
}
