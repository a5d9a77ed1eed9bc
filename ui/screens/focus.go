package screens

import (
	"fmt"
	"strings"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
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

// failedText is the banner of a refused save, compact: how many
// problems, the fields (their messages stand beside them, in red), then
// the problems of no field on the form in full. It never says 已保存.
func failedText(probs []w.Problem, rest []county.Problem) string {
	n := len(probs) + len(rest)
	if n == 0 { // refused by a part that shows its messages itself (a finance row)
		n = 1
	}
	text := fmt.Sprintf("未保存：有 %s需要修改", format.Count(n, "处"))
	if len(probs) > 0 {
		names := make([]string, len(probs))
		for i, pr := range probs {
			names[i] = pr.Label
		}
		text += "（已在栏目旁标红）：" + strings.Join(names, "、")
	}
	for i, r := range rest {
		sep := "；"
		if i == 0 && len(probs) == 0 {
			sep = "："
		}
		text += sep + r.String()
	}
	return text
}

// failure is the banner of a refused save that follows the fixes: as the
// clerk corrects the fields, it counts what is left, and it goes once
// nothing is (the problems of no field wait for the next save).
type failure struct {
	msg    w.Message
	probs  func() []w.Problem
	rest   []county.Problem
	active bool
}

func (f *failure) show(rest []county.Problem) {
	f.rest, f.active = rest, true
	f.msg.SetText(failedText(f.probs(), rest))
}

// edited follows a change of a field.
func (f *failure) edited() {
	if !f.active {
		return
	}
	probs := f.probs()
	if len(probs) == 0 {
		f.clear()
		return
	}
	f.msg.SetText(failedText(probs, f.rest))
}

func (f *failure) clear() { f.say("") }

// say shows another message (a store's refusal), which edits leave alone.
func (f *failure) say(text string) {
	f.active, f.rest = false, nil
	f.msg.SetText(text)
}
