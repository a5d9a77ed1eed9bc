package screens

import (
	"junheng/app/county"
	"junheng/ui/entry"
	w "junheng/ui/widgets"
)

type sch = county.School

// newSchoolForm lays out every input of a school in the order of the
// school's paper form (学校基本情况表): the same fields, in the same
// sections, as the grid entry. Only the stages of the school's type are
// shown (a field holding a value always is).
func newSchoolForm() *w.Form[sch] {
	f := &w.Form[sch]{}
	f.Show = func(fl *entry.Field[sch], s *sch) bool { return entry.Applies(fl, s.Type) }
	f.OnChoice = func(path string) {
		if path == "type" {
			f.Refilter()
		}
	}
	for _, sec := range append([]entry.Section[sch]{entry.SchoolBasics()}, entry.SchoolSections()...) {
		f.Section(sec.Title)
		for _, fl := range sec.Fields {
			f.Add(w.Wrap(fl))
		}
	}
	return f
}

// tidySchool drops the teacher blocks the form created in s but left
// empty; a block the stored record (was) already had stays as it was.
func tidySchool(s, was *sch) {
	for _, pair := range []struct{ now, old **county.TeacherCounts }{
		{&s.Teachers.Primary, &was.Teachers.Primary}, {&s.Teachers.Junior, &was.Teachers.Junior},
	} {
		c := *pair.now
		if *pair.old == nil && c != nil && c.FullTime == nil && c.Certified == nil && c.AboveDegree == nil && c.Backbone == nil &&
			c.PE == nil && c.Music == nil && c.Art == nil && c.MidTitle == nil {
			*pair.now = nil
		}
	}
	if was.Staff == nil && s.Staff != nil && s.Staff.Primary == nil && s.Staff.Junior == nil {
		s.Staff = nil
	}
}
