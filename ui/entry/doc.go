// Package entry is what the clerk types, without any widget: the field
// accessors of the forms (path, label, unit, hint, how a text becomes a
// value of the county model and back), the school fields in the order of
// the paper form, the grid of many schools (批量录入) with its change set,
// and the parsing of a block pasted from a spreadsheet. It imports no
// Fyne, so that every rule of data entry is tested without a window; the
// forms and the grid screen are thin views over it.
package entry
