package data

import (
	"database/sql"
)

// snapshot is a whole data file in memory, for export checks and merges.
type snapshot struct {
	years   map[string]bool
	byUUID  map[string]*entRow
	byKey   map[yearKey]*entRow
	lines   map[lineKey]struct{} // lineage of the fields that differ (see loadLineage)
	commits map[string]commitRow
	// provenance is false for a file of schema 2 (a merge source written
	// by the previous release): no kind, source, origin or lineage columns.
	provenance bool
}

// hasProvenance reports whether a file has the provenance columns of
// schema 3.
func hasProvenance(q querier) (bool, error) {
	var n int
	err := q.QueryRow(`SELECT count(*) FROM pragma_table_info('change') WHERE name = 'origin'`).Scan(&n)
	return n > 0, err
}

type yearKey struct{ year, kind, key string }

type lineKey struct{ entity, field, rev string }

type commitRow struct {
	id, at, office, user, host, action, note, kind, source string
}

func readSnapshot(q querier) (*snapshot, error) {
	sn := &snapshot{years: map[string]bool{}, byUUID: map[string]*entRow{}, byKey: map[yearKey]*entRow{},
		lines: map[lineKey]struct{}{}, commits: map[string]commitRow{}}
	rows, err := q.Query(`SELECT year FROM year`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var y string
		if err := rows.Scan(&y); err != nil {
			rows.Close()
			return nil, err
		}
		sn.years[y] = true
	}
	rows.Close()
	// Rows first, without their values: a merge reads the values only of
	// the rows whose digests differ (see loadValues).
	rows, err = q.Query(`SELECT uuid, year, kind, key, pos, coalesce(digest, '') FROM entity`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		e := &entRow{}
		if err := rows.Scan(&e.uuid, &e.year, &e.kind, &e.key, &e.pos, &e.digest); err != nil {
			rows.Close()
			return nil, err
		}
		sn.byUUID[e.uuid] = e
		sn.byKey[yearKey{e.year, e.kind, e.key}] = e
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// Names, for the merge plan's rows (one pass over the value table, only
	// the name cells are handed to Go).
	rows, err = q.Query(`SELECT entity, val FROM value WHERE field = 'name'`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var u string
		var v any
		if err := rows.Scan(&u, &v); err != nil {
			rows.Close()
			return nil, err
		}
		if e := sn.byUUID[u]; e != nil {
			e.name, _ = normalize(v).(string)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	prov, err := hasProvenance(q)
	if err != nil {
		return nil, err
	}
	sn.provenance = prov
	cq := `SELECT id, at, office, user, host, action, note, kind, source FROM commit_log`
	if !prov {
		cq = `SELECT id, at, office, user, host, action, note, '', '' FROM commit_log`
	}
	rows, err = q.Query(cq)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var c commitRow
		if err := rows.Scan(&c.id, &c.at, &c.office, &c.user, &c.host, &c.action, &c.note, &c.kind, &c.source); err != nil {
			return nil, err
		}
		sn.commits[c.id] = c
	}
	return sn, rows.Err()
}

// hasSeen reports whether rev ever set the field of entity in this file.
func (sn *snapshot) hasSeen(entity, field, rev string) bool {
	_, ok := sn.lines[lineKey{entity, field, rev}]
	return ok
}

// fullLine is one audit line with its values, copied by a merge.
type fullLine struct {
	lineKey
	old, new any
	origin   any // the revision that first set a merged value, or nil
}

// readLines reads the audit lines of the given (entity, field) pairs: one
// query per pair when few, one scan of the table when many.
func readLines(q querier, pairs map[[2]string]bool) (map[[2]string][]fullLine, error) {
	out := map[[2]string][]fullLine{}
	if len(pairs) == 0 {
		return out, nil
	}
	prov, err := hasProvenance(q)
	if err != nil {
		return nil, err
	}
	scan := func(rows *sql.Rows) error {
		defer rows.Close()
		for rows.Next() {
			var l fullLine
			if err := rows.Scan(&l.entity, &l.field, &l.rev, &l.old, &l.new, &l.origin); err != nil {
				return err
			}
			k := [2]string{l.entity, l.field}
			if pairs[k] {
				l.old, l.new, l.origin = normalize(l.old), normalize(l.new), normalize(l.origin)
				out[k] = append(out[k], l)
			}
		}
		return rows.Err()
	}
	sel := `SELECT entity, field, rev, old, new, origin FROM change`
	if !prov {
		sel = `SELECT entity, field, rev, old, new, NULL FROM change`
	}
	if len(pairs) > 2000 {
		rows, err := q.Query(sel)
		if err != nil {
			return nil, err
		}
		return out, scan(rows)
	}
	for k := range pairs {
		rows, err := q.Query(sel+` WHERE entity = ? AND field = ?`, k[0], k[1])
		if err != nil {
			return nil, err
		}
		if err := scan(rows); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// loadLineage reads the lineage (the revisions in the change table) of the
// given (entity, field) pairs: only fields whose values differ between two
// files need it, usually a few among tens of thousands.
func (sn *snapshot) loadLineage(q querier, pairs map[[2]string]bool) error {
	add := func(rows *sql.Rows) error {
		defer rows.Close()
		for rows.Next() {
			var k lineKey
			if err := rows.Scan(&k.entity, &k.field, &k.rev); err != nil {
				return err
			}
			if pairs[[2]string{k.entity, k.field}] {
				sn.lines[k] = struct{}{}
			}
		}
		return rows.Err()
	}
	const sel = `SELECT entity, field, rev FROM change`
	if len(pairs) > 2000 {
		rows, err := q.Query(sel)
		if err != nil {
			return err
		}
		return add(rows)
	}
	for k := range pairs {
		rows, err := q.Query(sel+` WHERE entity = ? AND field = ?`, k[0], k[1])
		if err != nil {
			return err
		}
		if err := add(rows); err != nil {
			return err
		}
	}
	return nil
}

// loadValues reads the values and revisions of the given rows: one query
// per row when few, one scan of the value table when many.
func (sn *snapshot) loadValues(q querier, ents []*entRow) error {
	want := map[string]*entRow{}
	for _, e := range ents {
		if e.vals == nil {
			e.vals, e.revs = fields{}, map[string]string{}
			want[e.uuid] = e
		}
	}
	if len(want) == 0 {
		return nil
	}
	add := func(rows *sql.Rows) error {
		defer rows.Close()
		for rows.Next() {
			var u, f, rev string
			var v any
			if err := rows.Scan(&u, &f, &v, &rev); err != nil {
				return err
			}
			if e := want[u]; e != nil {
				e.vals[f], e.revs[f] = normalize(v), rev
			}
		}
		return rows.Err()
	}
	const sel = `SELECT entity, field, val, rev FROM value`
	if len(want) > len(sn.byUUID)/4 {
		rows, err := q.Query(sel)
		if err != nil {
			return err
		}
		return add(rows)
	}
	for u := range want {
		rows, err := q.Query(sel+` WHERE entity = ?`, u)
		if err != nil {
			return err
		}
		if err := add(rows); err != nil {
			return err
		}
	}
	return nil
}
