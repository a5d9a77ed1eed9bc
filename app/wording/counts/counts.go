// Package counts words counts with their units: the small part of the
// wording that app/eval needs for its own details. It lives apart from
// app/wording, which reads eval's results (and so imports app/eval): eval
// importing app/wording would be a cycle. app/wording words every count
// through it too, so a count of schools reads the same everywhere.
//
// 所 for schools, 个 for 教学点, counted apart; a count of zero is never
// printed.
package counts

import (
	"strings"

	"junheng/app/format"
)

// N words a count with its unit: "4 项", "1,200 所".
func N(k int, unit string) string { return format.Int(k) + " " + unit }

// Join puts the non-empty parts together with sep.
func Join(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// When is s if k > 0, else "" (nothing is printed for zero).
func When(k int, s string) string {
	if k <= 0 {
		return ""
	}
	return s
}

// Schools words schools and 教学点 apart: "3 所学校、1 个教学点",
// "4 所学校", "2 个教学点"; "" for none.
func Schools(schools, points int) string {
	return Join("、", When(schools, N(schools, "所")+"学校"), When(points, N(points, "个")+"教学点"))
}

// Set is a set of schools and 教学点 by their counts.
type Set struct{ Schools, Points int }

// Total is the number of schools and 教学点 together.
func (s Set) Total() int { return s.Schools + s.Points }

// Plus is both sets together.
func (s Set) Plus(o Set) Set { return Set{s.Schools + o.Schools, s.Points + o.Points} }

// String words the set: "3 所学校、1 个教学点".
func (s Set) String() string { return Schools(s.Schools, s.Points) }

// Some words a part of the set: by its unit alone where the set is of one
// kind (「4 所学校中 1 所」, 「4 个教学点中 1 个」); with its nouns where the set holds both (「1 所学校」,
// 「1 个教学点」, 「1 所学校、1 个教学点」).
func (s Set) Some(part Set) string {
	switch {
	case s.Points == 0 && part.Points == 0:
		return When(part.Schools, N(part.Schools, "所"))
	case s.Schools == 0 && part.Schools == 0:
		return When(part.Points, N(part.Points, "个"))
	}
	return part.String()
}

// Among words how many of the set are what: 「4 所学校中 1 所未达标」,
// 「3 所学校、1 个教学点中 1 所学校未达标」.
func (s Set) Among(part Set, what string) string {
	return s.String() + "中 " + s.Some(part) + what
}

// Add counts one more: a 教学点 when point, else a school.
func (s *Set) Add(point bool) {
	if point {
		s.Points++
	} else {
		s.Schools++
	}
}
