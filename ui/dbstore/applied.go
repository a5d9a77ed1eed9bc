package dbstore

import (
	"encoding/json"
	"strconv"
	"strings"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/data"
	"junheng/ui/session"
)

// appliedValues lists the values a merge takes from the other file
// without question: per changed row of a school or the county, each field
// with our value, theirs and who set theirs (the other file's history),
// read from both files as they are. New rows are named in Added already.
func (s Store) appliedValues(other string, p *data.MergePlan) []session.AppliedValue {
	theirs, err := data.Open(other, data.OpenOptions{ReadOnly: true})
	if err != nil {
		return nil // the plan still counts them
	}
	defer theirs.Close()
	ourYears, theirYears := map[string]*county.File{}, map[string]*county.File{}
	load := func(st *data.Store, cache map[string]*county.File, year string) *county.File {
		if f, ok := cache[year]; ok {
			return f
		}
		f, _ := st.LoadYear(year)
		cache[year] = f
		return f
	}
	var out []session.AppliedValue
	for _, r := range p.Rows {
		if r.Status == data.RowNew || len(r.Applied) == 0 || (r.Kind != "school" && r.Kind != "county") {
			continue
		}
		ours, theirsF := load(s.Store, ourYears, r.Year), load(theirs, theirYears, r.Year)
		if ours == nil || theirsF == nil {
			continue
		}
		by := map[string]string{}
		key := r.Key
		if r.Kind == "county" {
			key = "county"
		}
		if cs, err := theirs.History(data.Filter{Year: r.Year, SchoolID: key}); err == nil {
			for _, c := range cs { // newest first: the first line of a field set its value
				if _, seen := by[c.Field]; !seen {
					by[c.Field] = strings.TrimSpace(c.Office + " " + c.User)
				}
			}
		}
		for _, path := range r.Applied {
			label := county.FieldLabel(path)
			if label == "" {
				continue // the presence mark of a group, not a value
			}
			out = append(out, session.AppliedValue{Year: r.Year, Where: r.What(), Label: label,
				Old: valueOf(ours, r.Kind, r.Key, path), New: valueOf(theirsF, r.Kind, r.Key, path), By: by[path]})
			if len(out) == session.MaxListedValues {
				return out
			}
		}
	}
	return out
}

// valueOf is a field's value in a county file as the clerk reads it ("" =
// not filled in): the school's (kind school) or the county's.
func valueOf(f *county.File, kind, key, path string) string {
	var root any
	switch kind {
	case "school":
		for i := range f.Schools {
			if f.Schools[i].ID == key {
				root = &f.Schools[i]
			}
		}
	case "county":
		root, path = &f.County, strings.TrimPrefix(path, "county.")
	}
	if root == nil {
		return ""
	}
	b, err := json.Marshal(root)
	if err != nil {
		return ""
	}
	var v any
	if json.Unmarshal(b, &v) != nil {
		return ""
	}
	for _, seg := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = m[seg]
	}
	return valueText(v)
}

// valueText prints a decoded JSON value: numbers through app/format, 是/否,
// room lists joined by 、.
func valueText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		if x == float64(int64(x)) {
			return format.Int(int(x))
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		if x {
			return "是"
		}
		return "否"
	case string:
		return x
	case []any:
		if len(x) == 0 {
			return "无"
		}
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = valueText(e)
		}
		return strings.Join(parts, "、")
	}
	return ""
}
