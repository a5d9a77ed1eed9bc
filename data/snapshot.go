package data

import (
	"database/sql"
)

// snapshot is a whole data file in memory, for export checks and merges.
type snapshot struct {
	years   map[string]bool
	byUUID  map[string]*entRow
	byKey   map[yearKey]*entRow
	lines   map[lineKey]changeLine // the change table: every field's lineage
	commits map[string]commitRow
}

type yearKey struct{ year, kind, key string }

type lineKey struct{ entity, field, rev string }

type changeLine struct {
	old, new any
}

type commitRow struct {
	id, at, office, user, host, action, note string
}

func readSnapshot(q querier) (*snapshot, error) {
	sn := &snapshot{years: map[string]bool{}, byUUID: map[string]*entRow{}, byKey: map[yearKey]*entRow{},
		lines: map[lineKey]changeLine{}, commits: map[string]commitRow{}}
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
	rows, err = q.Query(`SELECT entity, field, rev, old, new FROM change`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var k lineKey
		var l changeLine
		if err := rows.Scan(&k.entity, &k.field, &k.rev, &l.old, &l.new); err != nil {
			rows.Close()
			return nil, err
		}
		l.old, l.new = normalize(l.old), normalize(l.new)
		sn.lines[k] = l
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
