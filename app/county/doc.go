// Package county holds the county data file (junheng-county/1): the typed
// model, the one field catalogue, the one parser for what clerks type, the
// one decoder rule set, the validation and the encoder.
//
// # Field catalogue (catalogue.go, catalogue_fields.go)
//
// Every field of the file is described once by a FieldSpec: Chinese Label
// (without unit), Unit, Kind, bounds Min/Max (numbers) or MaxLen (texts,
// lists), Options (enums), a Hint quoting the standard, the Item it serves,
// its Stage, the school Types it applies to, the Decimals to show and a
// typical Example value.
//
//	Spec(path) (FieldSpec, bool)  // path with or without list indexes
//	SchoolSpecs(), CountySpecs()  // in form order
//	FieldLabel(path) string       // Spec(path).Label, "" when unknown
//	(FieldSpec).Title()           // "教学及辅助用房面积（㎡）"
//	(FieldSpec).AppliesTo(type)   // a 小学 has no 初中 fields
//	(FieldSpec).CheckNumber(x)    // "" or a Chinese message naming the bound
//
// The bounds are the constants Max… in catalogue.go (students per stage ≤
// 20,000, areas ≤ 10,000,000 ㎡, county money ≤ 10^8 万元 = 10^12 元,
// county counts ≤ 10^7, …); every integer bound is far below 2^53. A
// school's funds and equipment value also have a bound per pupil
// (FieldSpec.PerPupilMax: 100,000 元 of funds, 200,000 元 of equipment, a
// school counted as at least 100 pupils), which Validate checks.
//
// # Parser (parse.go)
//
//	ParseNumber(text) (float64, reason)          // full-width, separators, blanks; never units, dates, %, negatives
//	(FieldSpec).ParseText(text) (value, empty, reason) // by kind; "" = not provided
//	ParseDate(text) (iso, reason)
//	CleanID(s)                                   // trim, fold full-width, strip one leading apostrophe
//	CheckID(id, maxLen), CheckName(s), CheckText(s, maxLen)
//
// # Decoder rule set
//
// Decode applies the byte-level rules (UTF-8 only, a BOM dropped, no
// duplicate or case-variant keys, malformed JSON worded in Chinese with
// line and column), folds ids with CleanID, and then Validate. Validate
// applies the catalogue (bounds, names, ids, texts) and the rules between
// fields; the database, the Excel import and the GUI call it too, so every
// way a county arrives meets the same rules.
package county
