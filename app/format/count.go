package format

// Count is a count with its unit as a label shows it: 「5个单元格」,
// 「0项」, 「5,000人」. Nothing separates the number from its unit: Fyne
// (2.8) wraps a label at any space, the no-break ones (U+00A0, U+202F)
// included, since it asks unicode.IsSpace; a space there could leave the
// number at the end of a line and its unit at the start of the next.
// In a message that wraps, put a space before the count: Fyne breaks a
// run without spaces at any character once it is wider than the line, and
// a count that starts its run is never the part cut.
func Count(n int, unit string) string { return Int(n) + unit }
