package xlsx

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"

	"junheng/app/county"
)

// The 整改台账 (county.rectification): one row per to-do item, matched to
// the saved item by its code and school. An empty cell keeps the saved
// value, 「清空」 clears it, a row for an item not saved yet adds it.

func ownerRectify(code, schoolID string) string { return "rectify:" + code + "\x00" + schoolID }

var rectifyIndex = regexp.MustCompile(`^county\.rectification\[(\d+)\]\.(.+)$`)

// rectification merges the ledger rows into p (the county as it will be
// saved); schools are the year's schools after the import, for the check
// of the name typed beside an id.
func (pl *planner) rectification(cur *county.File, p *county.Profile, schools []county.School) {
	for _, rec := range pl.imp.rectify {
		code := rec.key
		id, _ := rec.vals["school_id"].(string)
		if rec.filled() == 0 {
			continue // the item alone: nothing provided
		}
		if id != "" {
			k := slices.IndexFunc(schools, func(s county.School) bool { return s.ID == id })
			switch {
			case k < 0:
				pl.errs = append(pl.errs, CellError{Sheet: rec.sheet.name, Cell: rec.cells["school_id"], Field: hdrID, Value: id,
					Message: "不是本学年任何一所学校的标识码。请核对标识码；县级整改事项请把学校标识码留空"})
				continue
			case rec.name != "" && !sameName(rec.name, schools[k].Name):
				pl.errs = append(pl.errs, CellError{School: schoolLabel(schools[k].Name, id), Sheet: rec.sheet.name, Cell: rec.nameAt, Field: hdrName, Value: rec.name,
					Message: fmt.Sprintf("与标识码不符：标识码 %s 是「%s」。请核对这一行的标识码和学校名称，改正填错的一个", id, schools[k].Name)})
				continue
			}
		}
		same := func(r county.Rectification) bool { return r.Code == code && idOf(r.SchoolID) == id }
		owner := ownerRectify(code, id)
		i := slices.IndexFunc(p.Rectification, same)
		var r county.Rectification
		if i >= 0 {
			r = *clone(&p.Rectification[i])
		} else {
			r.Code = code
			if id != "" {
				r.SchoolID = &id
			}
		}
		pl.applyLedger(&r, rec, owner)
		what := "整改台账 " + code
		if id != "" {
			what += "（" + id + "）"
		}
		if i < 0 {
			p.Rectification = append(p.Rectification, r)
			pl.plan.Changes = append(pl.plan.Changes, Change{Cell: rec.sheet.name + "!" + rec.keyAt, Field: "整改台账",
				Path: "rectification", Old: "无", New: "新增" + what})
			continue
		}
		p.Rectification[i] = r
		var old county.Rectification
		if k := slices.IndexFunc(cur.County.Rectification, same); k >= 0 {
			old = cur.County.Rectification[k]
		}
		before := len(pl.plan.Changes)
		pl.diff(&old, &r, []*record{rec}, "", "", owner)
		for k := before; k < len(pl.plan.Changes); k++ {
			pl.plan.Changes[k].Field = what + " " + pl.plan.Changes[k].Field
		}
	}
}

// applyLedger sets a row's values into one item, its keys aside (the code
// and school are what matched it).
func (pl *planner) applyLedger(r *county.Rectification, rec *record, owner string) {
	for _, c := range rec.cols {
		pl.cells[owner+"\x00"+c.path] = cellRef{rec.sheet.name, rec.cells[c.path], c}
		v := rec.vals[c.path]
		switch {
		case rec.sheet.isKeyCol(c) || v == nil:
		case isClear(v):
			set(r, c.path, nil)
		default:
			set(r, c.path, v)
		}
	}
}

// locateLedger finds the cell of a validation problem of an item.
func (pl *planner) locateLedger(field string, after *county.File) (cellRef, bool) {
	m := rectifyIndex.FindStringSubmatch(field)
	if m == nil {
		return cellRef{}, false
	}
	i, _ := strconv.Atoi(m[1])
	if i >= len(after.County.Rectification) {
		return cellRef{}, false
	}
	r := after.County.Rectification[i]
	ref, ok := pl.cells[ownerRectify(r.Code, idOf(r.SchoolID))+"\x00"+m[2]]
	return ref, ok
}

func idOf(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
