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
}

type yearKey struct{ year, kind, key string }

type lineKey struct{ entity, field, rev string }

type commitRow struct {
	id, at, office, user, host, action, note string
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
	rows, err = q.Query(`SELECT e.uuid, e.year, e.kind, e.key, e.pos, v.field, v.val, v.rev
		FROM entity e LEFT JOIN value v ON v.entity = e.uuid`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var (
			u, year, kind, key string
			pos                int
			field, rev         sql.NullString
			val                any
		)
		if err := rows.Scan(&u, &year, &kind, &key, &pos, &field, &val, &rev); err != nil {
			rows.Close()
			return nil, err
		}
		e := sn.byUUID[u]
		if e == nil {
			e = &entRow{uuid: u, year: year, kind: kind, key: key, pos: pos, vals: fields{}, revs: map[string]string{}}
			sn.byUUID[u] = e
			sn.byKey[yearKey{year, kind, key}] = e
		}
		if field.Valid {
			e.vals[field.String] = normalize(val)
			e.revs[field.String] = rev.String
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = q.Query(`SELECT id, at, office, user, host, action, note FROM commit_log`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var c commitRow
		if err := rows.Scan(&c.id, &c.at, &c.office, &c.user, &c.host, &c.action, &c.note); err != nil {
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
}

// readLines reads the audit lines of the given (entity, field) pairs: one
// query per pair when few, one scan of the table when many.
func readLines(q querier, pairs map[[2]string]bool) (map[[2]string][]fullLine, error) {
	out := map[[2]string][]fullLine{}
	if len(pairs) == 0 {
		return out, nil
	}
	scan := func(rows *sql.Rows) error {
		defer rows.Close()
		for rows.Next() {
			var l fullLine
			if err := rows.Scan(&l.entity, &l.field, &l.rev, &l.old, &l.new); err != nil {
				return err
			}
			k := [2]string{l.entity, l.field}
			if pairs[k] {
				l.old, l.new = normalize(l.old), normalize(l.new)
				out[k] = append(out[k], l)
			}
		}
		return rows.Err()
	}
	const sel = `SELECT entity, field, rev, old, new FROM change`
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
