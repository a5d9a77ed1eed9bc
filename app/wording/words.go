package wording

import (
	"fmt"
	"strings"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/wording/counts"
)

// The count words of package counts (shared with app/eval, which cannot
// import this package): n words a count with its unit ("4 项"), join puts
// the non-empty parts together, when prints nothing for zero.
var (
	n    = counts.N
	join = counts.Join
	when = counts.When
)

// Summary is a part's line under its table: "共 15 项：达标 10 项，未达标 4 项，
// 不适用 1 项（G7）". Counts of zero are left out.
func (p PartTally) Summary() string {
	s := "共 " + n(p.Total, "项")
	detail := join("，", when(p.Pass, "达标 "+n(p.Pass, "项")), when(p.Fail, "未达标 "+n(p.Fail, "项")),
		when(p.Missing, "未填报 "+n(p.Missing, "项")), when(len(p.NA), "不适用 "+n(len(p.NA), "项")+"（"+strings.Join(p.NA, "、")+"）"))
	if detail != "" {
		s += "：" + detail
	}
	return s
}

// Short is a part in a sentence: "政府保障程度 15 项中达标 10 项、未达标 4 项、
// 不适用 1 项".
func (p PartTally) Short() string {
	if p.Total > 0 && p.Pass == p.Total {
		return p.Name + " " + n(p.Total, "项") + "全部达标"
	}
	return p.Name + " " + n(p.Total, "项") + "中" + join("、", when(p.Pass, "达标 "+n(p.Pass, "项")),
		when(p.Fail, "未达标 "+n(p.Fail, "项")), when(p.Missing, "未填报 "+n(p.Missing, "项")),
		when(len(p.NA), "不适用 "+n(len(p.NA), "项")))
}

// Shortfall words the items that fail and are not reported, part by part:
// "政府保障程度 4 项、教育经费保障 1 项未达标，教育质量 1 项未填报"; "" when none.
func (t Tally) Shortfall() string {
	var fail, miss []string
	for _, p := range t.Parts {
		if p.Fail > 0 {
			fail = append(fail, p.Name+" "+n(p.Fail, "项"))
		}
		if p.Missing > 0 {
			miss = append(miss, p.Name+" "+n(p.Missing, "项"))
		}
	}
	return join("，", when(len(fail), strings.Join(fail, "、")+"指标未达标"), when(len(miss), strings.Join(miss, "、")+"指标未填报"))
}

// SchoolProblems words the problems found at schools: "6 所学校、1 个教学点
// 存在 8 处学校层面的问题"; "" when none.
func (t Tally) SchoolProblems() string {
	if t.Problems == 0 {
		return join("", when(t.MissingAtSchools, "学校层面有 "+n(t.MissingAtSchools, "处")+"数据未填报"))
	}
	s := counts.Schools(t.ProblemSchools, t.ProblemPoints) + "存在 " + n(t.Problems, "处") + "学校层面的问题"
	if t.MissingAtSchools > 0 {
		s += "，另有 " + n(t.MissingAtSchools, "处") + "学校数据未填报"
	}
	return s
}

// Conclusion is the 评估结论 in one sentence.
func (t Tally) Conclusion() string {
	if t.Pass {
		return "达到县域义务教育优质均衡发展评估标准。"
	}
	gaps := join("；", t.Shortfall(), t.SchoolProblems())
	if gaps == "" {
		return "尚未达到县域义务教育优质均衡发展评估标准。"
	}
	return "尚未达到县域义务教育优质均衡发展评估标准：" + gaps + "。"
}

// Ledger is what the 整改台账 says of the to-do list: how many of its
// entries name measures, unit and deadline.
type Ledger struct{ Entries, Complete, Partial int }

// Sentence words the ledger's state for the letter: only what the ledger
// supports.
func (l Ledger) Sentence() string {
	switch {
	case l.Entries == 0:
		return ""
	case l.Complete == l.Entries:
		return "均已列入整改清单，明确了整改措施、责任单位和完成时限"
	case l.Complete == 0 && l.Partial == 0:
		return fmt.Sprintf("已列入整改清单（共 %s），整改措施、责任单位和完成时限尚待明确", n(l.Entries, "条"))
	}
	return fmt.Sprintf("已列入整改清单（共 %s），其中 %s已明确整改措施、责任单位和完成时限，其余尚待明确", n(l.Entries, "条"), n(l.Complete, "条"))
}

// StageSchools words how many school parts of a stage meet the school-level
// rule, schools (所) and 教学点 (个) counted apart: "10 所学校（部）中 8 所、
// 1 个教学点中 1 个达到校级要求".
func StageSchools(st *eval.Stage) string {
	var schools, points, sPass, pPass int
	for _, sp := range st.Schools {
		if sp.Type == county.TypePoint {
			points++
			if sp.Pass {
				pPass++
			}
			continue
		}
		schools++
		if sp.Pass {
			sPass++
		}
	}
	part := func(total, pass int, unit, noun string) string {
		if total == 0 {
			return ""
		}
		if pass == total {
			return n(total, unit) + noun + "全部"
		}
		return n(total, unit) + noun + "中 " + n(pass, unit)
	}
	return join("、", part(schools, sPass, "所", "学校（部）"), part(points, pPass, "个", "教学点")) + "达到校级配置要求"
}

// Gaps is a part's shortfall in a few words for a list (the 首页, the
// workbook): 「未达标 4 项，未填报 1 项；学校层面问题 3 处」; "" when none.
func (p PartTally) Gaps() string {
	items := join("，", when(p.Fail, "未达标 "+n(p.Fail, "项")), when(p.Missing, "未填报 "+n(p.Missing, "项")))
	return join("；", items, when(p.Problems, "学校层面问题 "+n(p.Problems, "处")))
}

// Excluded words the schools and 教学点 of a stage that do not enter it:
// 「另有 1 所学校、4 个教学点未纳入计算」; "" when none.
func Excluded(f *county.File, st *eval.Stage) string {
	points := map[string]bool{}
	if f != nil {
		for i := range f.Schools {
			points[f.Schools[i].ID] = f.Schools[i].Type == county.TypePoint
		}
	}
	var s, p int
	for _, e := range st.Excluded {
		if points[e.ID] {
			p++
		} else {
			s++
		}
	}
	if s+p == 0 {
		return ""
	}
	return "另有 " + counts.Schools(s, p) + "未纳入计算"
}
