// Package xlsx is the Excel (and WPS) side of the program: the fill-in
// templates the bureau sends to schools and fills in itself, the importer
// that reads them back (every cell checked, every problem named by school,
// sheet and cell, nothing applied while any is left) and the export of an
// evaluation for readers who have only Excel.
//
// Every sheet and column lives in one table (columns.go) that places a
// field of the catalogue (app/county: label, unit, kind, bounds, hint) in
// a sheet; every cell is read by the catalogue's one parser
// (FieldSpec.ParseText). The template, the importer, the diff and the
// export all read that table.
//
// The rules the importer keeps, so that a workbook cannot damage the
// county's data:
//   - an empty cell means "not provided" and leaves the saved value; only
//     「清空」 (ClearWord) clears one, listed as a clearing in the preview;
//   - ids are folded (county.CleanID) and the name beside an id must be the
//     school's name, on every sheet;
//   - a school the database does not have is listed apart and added only
//     when Plan.AddNewSchools confirms it;
//   - nothing read is dropped: a sheet, column, fact or row holding data
//     that the table does not know stops the import, naming it and the
//     likely meaning; so do dates (except in a date field: 申报日期,
//     完成时限, where a cell Excel keeps as a date is read as that date),
//     formulas without a stored result, error values and merged ranges;
//   - the 整改台账 sheet matches each row to a saved to-do item by its
//     编号 and 学校标识码 (none for a county item); a new pair adds one;
//   - .xls, .et, .ods, .csv and encrypted files are told apart by content
//     and each gets its sentence on how to save as .xlsx.
//
// API for the GUI and the command line:
//
//	WriteTemplate(w, f, schoolID)      the schools' workbook (f nil: blank; schoolID: that school only, pre-filled); no county sheets
//	WriteCountyTemplate(w, f)          the county's own workbook: facts, survey, finance, 整改台账, 达标规划设置 (f nil: blank)
//	ReadWorkbook(r, name)              parse and check every cell → *Import, or Errors (every cell problem)
//	PlanFor(store, imp, year)          merge into the saved year, county.Validate, diff → *Plan, or Errors
//	(*Import).Plan(current)            the same against a county file in memory
//	(*Plan).Summary()                  the preview's first paragraph: schools, values, changes, clearings, new schools
//	plan.AddNewSchools = true          the clerk confirmed the new schools (--new-schools, the GUI's checkbox)
//	Apply(store, plan)                 one transaction (data.Store.ApplyImport), every change recorded as imported from the workbook
//	ExportResults(w, f, result)        verdict, matrix per stage, coefficients, to-do list, raw inputs
//	WritePlan(w, plan.Report)          a 达标规划测算: 汇总, 按学校, 差异系数前后, 测算假设
//
// Errors is a list of CellError (School, Sheet, Cell, Field, Value,
// Message) whose String reads 学校基本信息!D7 学校「城关一小」（4112810001）的小学在校生数「一千」不是数字：….
// A Plan lists NewSchools and Changes (school, cell, field, old → new,
// Clear) for a preview. Nothing is written before Apply, and Apply writes
// all or nothing. Every sheet written prints landscape, one page wide,
// with its header rows repeated.
package xlsx
