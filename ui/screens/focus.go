package screens

import (
	"fmt"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/ui/entry"
	w "junheng/ui/widgets"
)

// fieldSep joins a school id and a field path in a page target.
const fieldSep = "#"

// FieldTarget is the target of Env.Goto that opens a school's form on one
// field (学校档案).
func FieldTarget(schoolID, path string) string {
	if path == "" {
		return schoolID
	}
	return schoolID + fieldSep + path
}

// FocusField opens the form of a school with a field focused, scrolled
// into view and highlighted (整改清单 → the exact field to fix).
func FocusField(env *Env, schoolID, path string) {
	env.Goto(Schools, FieldTarget(schoolID, path))
}

// TodoTarget is the 学校档案 target of a to-do item of a school: the school
// with the field the item is computed from (the first empty one when the
// item is missing).
func TodoTarget(env *Env, t eval.Todo) string {
	var s *sch
	if env != nil && env.S != nil {
		s = env.S.School(t.SchoolID)
	}
	if s == nil {
		return t.SchoolID
	}
	if !t.Missing {
		return FieldTarget(t.SchoolID, entry.FixField(t.Code, t.Stage, &sch{Type: s.Type}))
	}
	return FieldTarget(t.SchoolID, entry.FixField(t.Code, t.Stage, s))
}

// failedText is the banner of a refused save: how many problems, each on
// its line (the fields' own first, in form order). It never says 已保存.
func failedText(probs []w.Problem, rest []county.Problem) string {
	n := len(probs) + len(rest)
	if n == 0 { // refused by a part that shows its messages itself (a finance row)
		n = 1
	}
	text := fmt.Sprintf("未保存：有 %d 处需要修改。", n)
	for _, pr := range probs {
		text += "\n· " + pr.String()
	}
	for _, r := range rest {
		text += "\n· " + r.String()
	}
	return text
}
