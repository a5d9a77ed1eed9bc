package proofread

import "fmt"

// NoneFound is what a report says when no contradiction was found.
const NoneFound = "文字材料中的数字与本文件数据一致。"

// Sentence is the finding as one Chinese line, the same in the command
// line's 材料自查 and the text report: where, what, stated, computed and
// the sentence it was read from.
func (c Finding) Sentence() string {
	if c.Note != "" {
		if c.Text == "" {
			return fmt.Sprintf("%s：%s——%s。", WhereName(c.Where), c.About, c.Note)
		}
		return fmt.Sprintf("%s：%s——%s。原文：「%s」", WhereName(c.Where), c.About, c.Note, c.Text)
	}
	return fmt.Sprintf("%s：%s——文中为 %s，按本文件数据计算为 %s。原文：「%s」",
		WhereName(c.Where), c.About, c.Stated, c.Computed, c.Text)
}

// WhereName names a text of the file in Chinese.
func WhereName(where string) string {
	switch where {
	case "narrative.request":
		return "申请报告"
	case "narrative.basic":
		return "自评报告·县域义务教育基本情况"
	case "narrative.foundation":
		return "自评报告·工作基础"
	case "narrative.problems":
		return "自评报告·存在的问题和原因分析"
	case "narrative.measures":
		return "自评报告·保障措施"
	case "rectification":
		return "整改台账"
	}
	return where
}
