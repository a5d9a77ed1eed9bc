package data

import (
	"database/sql"
	"fmt"
	"slices"
	"strconv"

	"junheng/app/county"
)

// entKey is the natural key of an entity inside a school year.
type entKey struct{ kind, key string }

// entRow is one entity with its values and their revisions.
type entRow struct {
	uuid   string
	year   string
	digest string // as stored; only read by snapshots
	name   string // the name value, for merge plans; only read by snapshots
	kind   string
	key    string
	pos    int
	vals   fields
	revs   map[string]string // read by snapshots only (nil in a yearState)
}

func (e *entRow) deleted() bool {
	v, _ := e.vals[deletedField].(int64)
	return v == 1
}

// yearState is every entity of a school year as stored, read in one query.
type yearState struct {
	year string
	ents map[entKey]*entRow
}

type querier interface {
	Query(query string, args ...any) (*sql.Rows, error)
	QueryRow(query string, args ...any) *sql.Row
}

// loadState reads a school year; ok is false when the year does not exist.
func loadState(q querier, year string) (st *yearState, ok bool, err error) {
	return loadStateOf(q, year, "")
}

// loadStateOf reads the entities of one kind of a school year (every kind
// when only is ""): listing a year's attachments need not read every
// value of every school.
func loadStateOf(q querier, year, only string) (st *yearState, ok bool, err error) {
	var n int
	if err := q.QueryRow(`SELECT count(*) FROM year WHERE year = ?`, year).Scan(&n); err != nil {
		return nil, false, err
	}
	st = &yearState{year: year, ents: map[entKey]*entRow{}}
	if n == 0 {
		return st, false, nil
	}
	// Revisions are not read: a write needs the values only, and a year of
	// a province holds close to a million of them (the merge reads its
	// rows' revisions through a snapshot).
	rows, err := q.Query(`SELECT e.uuid, e.kind, e.key, e.pos, v.field, v.val
		FROM entity e LEFT JOIN value v ON v.entity = e.uuid WHERE e.year = ? AND (? = '' OR e.kind = ?)`, year, only, only)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	names := fieldNames{}
	var (
		u, kind, key string
		field        sql.RawBytes
	)
	for rows.Next() {
		var (
			pos int
			val any
		)
		if err := rows.Scan(&u, &kind, &key, &pos, &field, &val); err != nil {
			return nil, false, err
		}
		k := entKey{kind, key}
		e := st.ents[k]
		if e == nil {
			e = &entRow{uuid: u, year: year, kind: kind, key: key, pos: pos, vals: fields{}}
			st.ents[k] = e
		}
		if field != nil {
			e.vals[names.of(field)] = normalize(val)
		}
	}
	return st, true, rows.Err()
}

// fieldNames interns field paths: a province's year repeats some hundred
// paths close to a million times, and each scanned string would be its own
// allocation.
type fieldNames map[string]string

func (n fieldNames) of(b []byte) string {
	if s, ok := n[string(b)]; ok {
		return s
	}
	s := string(b)
	n[s] = s
	return s
}

// normalize turns what the driver returns into the stored value types.
func normalize(v any) any {
	if b, ok := v.([]byte); ok {
		return string(b)
	}
	return v
}

// live lists the entities of a kind that are not deleted, in display order.
func (st *yearState) live(kind string) []*entRow {
	var out []*entRow
	for _, e := range st.ents {
		if e.kind == kind && !e.deleted() {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b *entRow) int {
		if a.pos != b.pos {
			return a.pos - b.pos
		}
		return compareStrings(a.key, b.key)
	})
	return out
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// file assembles the county file of the year.
func (st *yearState) file() (*county.File, error) {
	f := &county.File{Format: county.Format, Year: st.year}
	if c := st.ents[entKey{kindCounty, ""}]; c != nil {
		if err := unflatten(&f.County, c.vals); err != nil {
			return nil, fmt.Errorf("%s 学年的县级数据：%w", st.year, err)
		}
	}
	for _, e := range st.live(kindFinance) {
		var fy county.FinanceYear
		if err := unflatten(&fy, e.vals); err != nil {
			return nil, fmt.Errorf("%s 学年 %s 年度经费数据：%w", st.year, e.key, err)
		}
		f.County.Finance = append(f.County.Finance, fy)
	}
	for _, e := range st.live(kindSchool) {
		var s county.School
		if err := unflatten(&s, e.vals); err != nil {
			return nil, fmt.Errorf("%s 学年学校「%s」：%w", st.year, e.key, err)
		}
		f.Schools = append(f.Schools, s)
	}
	return f, nil
}

func financeKey(year int) string { return strconv.Itoa(year) }
