package entry

import (
	"slices"

	"junheng/app/county"
)

// copySchool is a deep copy of a school for the grid, without the JSON
// round trip of Clone (the grid copies a school per typed cell): the
// structs are copied, and what a field's Store writes through — the
// teacher blocks — and the room lists are copied too. Scalar pointers are
// shared: Store replaces them, never writes through them.
func copySchool(s county.School) county.School {
	out := s
	for _, t := range []**county.TeacherCounts{&out.Teachers.Primary, &out.Teachers.Junior} {
		if *t != nil {
			c := **t
			*t = &c
		}
	}
	if s.Staff != nil {
		st := *s.Staff
		out.Staff = &st
	}
	out.MusicRooms = slices.Clone(s.MusicRooms)
	out.ArtRooms = slices.Clone(s.ArtRooms)
	return out
}
