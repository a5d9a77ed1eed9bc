package entry

import "junheng/app/county"

// copySchool is a deep copy of a school for the grid, without the JSON
// round trip of Clone (the grid copies a school per typed cell): what a
// field's Store writes through — the teacher and staff blocks — and the
// room lists are copied (county.School.Copy). Scalar pointers are shared:
// Store replaces them, never writes through them.
func copySchool(s county.School) county.School { return s.Copy() }
