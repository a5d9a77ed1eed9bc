package data

import "fmt"

// CountyID is what tells one county's data from another's: its name and
// its administrative code (行政区划代码, may be empty).
type CountyID struct{ Name, Code string }

func (c CountyID) String() string {
	if c.Code == "" {
		return "「" + c.Name + "」"
	}
	return fmt.Sprintf("「%s」（代码 %s）", c.Name, c.Code)
}

// differs reports whether two counties are different ones: another name,
// or another code where both have one.
func (c CountyID) differs(o CountyID) bool {
	return c.Name != o.Name || c.Code != "" && o.Code != "" && c.Code != o.Code
}

func countyOf(e *entRow) CountyID {
	name, _ := e.vals["name"].(string)
	code, _ := e.vals["code"].(string)
	return CountyID{Name: name, Code: code}
}

// OtherCountyError refuses to import or merge another county's data into
// this file (an office that picked the wrong file would otherwise add a
// whole county's schools). The GUI detects it with errors.As, asks the
// clerk, and retries with the confirmation (ImportOptions.OtherCounty,
// MergeOptions.OtherCounty); the command line with --other-county.
type OtherCountyError struct {
	File   string // the file brought in
	Year   string // the school year compared
	Ours   CountyID
	Theirs CountyID
}

func (e *OtherCountyError) Error() string {
	file := "要导入的数据"
	if e.File != "" {
		file = "「" + baseName(e.File) + "」"
	}
	return fmt.Sprintf("%s是%s的数据（%s 学年），本文件是%s的数据：不是同一个县，未导入或合并任何内容，本文件未被改动。"+
		"如确实要把另一个县的数据并入本文件，请明确确认（命令行加 --other-county）。", file, e.Theirs, e.Year, e.Ours)
}

// otherCounty returns the refusal when theirs is another county than ours.
func otherCounty(file, year string, ours, theirs CountyID) *OtherCountyError {
	if ours.Name == "" || !ours.differs(theirs) {
		return nil
	}
	return &OtherCountyError{File: file, Year: year, Ours: ours, Theirs: theirs}
}

// countyIDs reads the county of every school year of a file.
func countyIDs(q querier) (map[string]CountyID, error) {
	rows, err := q.Query(`SELECT e.year, v.field, v.val FROM entity e JOIN value v ON v.entity = e.uuid
		WHERE e.kind = 'county' AND v.field IN ('name', 'code')`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]CountyID{}
	for rows.Next() {
		var year, field string
		var v any
		if err := rows.Scan(&year, &field, &v); err != nil {
			return nil, err
		}
		id := out[year]
		s, _ := normalize(v).(string)
		if field == "name" {
			id.Name = s
		} else {
			id.Code = s
		}
		out[year] = id
	}
	return out, rows.Err()
}

// sameCounty refuses another file whose county differs from ours: in a
// school year both hold, or, when they share none, in the latest of each.
func sameCounty(ourDB, theirDB querier, file string) error {
	ours, err := countyIDs(ourDB)
	if err != nil {
		return dbErr(err)
	}
	theirs, err := countyIDs(theirDB)
	if err != nil {
		return sqlFileErr(file, err)
	}
	latest := func(m map[string]CountyID) string {
		y := ""
		for k := range m {
			y = max(y, k)
		}
		return y
	}
	shared := false
	for y, t := range theirs {
		if o, ok := ours[y]; ok {
			shared = true
			if e := otherCounty(file, y, o, t); e != nil {
				return e
			}
		}
	}
	if !shared && len(ours) > 0 && len(theirs) > 0 {
		y := latest(theirs)
		if e := otherCounty(file, y, ours[latest(ours)], theirs[y]); e != nil {
			return e
		}
	}
	return nil
}
