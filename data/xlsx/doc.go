// Package xlsx is the Excel (and WPS) side of the program: the fill-in
// template the bureau sends to schools, the importer that reads it back
// (every cell checked, every problem named by sheet and cell, nothing
// applied while any is left) and the export of an evaluation for readers
// who have only Excel.
//
// Every sheet and column lives in one table (columns.go) that maps a
// Chinese header to a field path of the county file; the template, the
// importer, the diff and the export all read that table.
//
// API for the GUI and the command line:
//
//	WriteTemplate(w, f, schoolID)      the template (f nil: blank; schoolID: that school only, pre-filled)
//	ReadWorkbook(r, name)              parse and check every cell → *Import, or Errors (every cell problem)
//	PlanFor(store, imp, year)          merge into the saved year, county.Validate, diff → *Plan, or Errors
//	(*Import).Plan(current)            the same against a county file in memory
//	Apply(store, plan)                 one transaction (data.Store.ApplyImport), audited 导入 Excel「name」
//	ExportResults(w, f, result)        verdict, matrix per stage, coefficients, to-do list, raw inputs
//
// Errors is a list of CellError (Sheet, Cell, Field, Value, Message) whose
// String reads 学校基本信息!D7 小学在校生数「一千」不是数字. A Plan lists
// NewSchools and Changes (school, cell, field, old → new) for a preview.
// Nothing is written before Apply, and Apply writes all or nothing.
package xlsx
