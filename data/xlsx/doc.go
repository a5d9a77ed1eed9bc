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
//	WriteTemplate(w, f, schoolID)      the template (f nil: blank)
//	ReadWorkbook(r, name)              parse and check every cell → *Import or Errors
//	(*Import).Plan(current)            merge into a county file, validate, diff → *Plan or Errors
//	Apply(store, plan)                 one transaction, audited with the file name
//	ExportResults(w, f, result)        matrix, coefficients, to-do list, raw inputs
package xlsx
