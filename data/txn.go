package data

import (
	"database/sql"
	"errors"
	"os"
	"strings"

	"github.com/google/uuid"
)

// txn is one write: one SQLite transaction and one commit_log row whose id
// is the revision of every value it sets. A write that changes nothing is
// rolled back and leaves no trace.
type txn struct {
	s       *Store
	tx      *sql.Tx
	rev     string
	at      string
	who     string
	changed int
	touched map[string]*entRow // rows whose updated_at and digest must move

	// Values and audit lines are written in multi-row statements: one
	// statement per row costs more than SQLite's work for a big import.
	pendVals    []any
	pendChanges []any
	valStmt     *sql.Stmt // prepared for a full batch, on first use
	changeStmt  *sql.Stmt
}

const batchRows = 100

// newID is a time-ordered UUID (version 7): rows created together sit
// together in the B-trees, which keeps a large import fast.
func newID() string {
	id, err := uuid.NewV7()
	if err != nil {
		return uuid.NewString()
	}
	return id.String()
}

// update runs fn in a transaction recorded as one commit: its action
// (save, delete, import, copy, merge), note and provenance. Any error (or
// panic) rolls everything back: the file is exactly as before.
func (s *Store) update(action, note string, src Provenance, fn func(t *txn) error) error {
	if err := s.writable(); err != nil {
		return err
	}
	office, user := s.set.Office, s.set.User
	if src.Office != "" || src.User != "" {
		office, user = src.Office, src.User
	}
	if src.Kind == "" {
		src.Kind = kindOf(action)
	}
	tx, err := s.db.Begin()
	if err != nil {
		return dbErr(err)
	}
	defer tx.Rollback()
	t := &txn{s: s, tx: tx, rev: newID(), at: now(), who: office + " / " + user, touched: map[string]*entRow{}}
	if _, err := tx.Exec(`INSERT INTO commit_log(id, at, office, user, host, action, note, kind, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		t.rev, t.at, office, user, s.me.Host, action, note, string(src.Kind), baseName(src.File)); err != nil {
		return dbErr(err)
	}
	if err := fn(t); err != nil {
		return err
	}
	if err := t.flush(); err != nil {
		return err
	}
	if t.changed == 0 {
		return nil // nothing to record; the deferred rollback drops the commit row
	}
	for u, e := range t.touched {
		if _, err := tx.Exec(`UPDATE entity SET updated_at = ?, updated_by = ?, digest = ? WHERE uuid = ?`, t.at, t.who, digest(e.vals), u); err != nil {
			return dbErr(err)
		}
	}
	if err := setMeta(tx, "written_by", ProgramVersion); err != nil {
		return dbErr(err)
	}
	return dbErr(tx.Commit())
}

// ensureYear creates the school year row if needed.
func (t *txn) ensureYear(year string) error {
	res, err := t.tx.Exec(`INSERT INTO year(year, created_at, created_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, year, t.at, t.who)
	if err != nil {
		return dbErr(err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		t.changed++
	}
	return nil
}

// entity returns the entity of a natural key, creating it (with a new
// UUID) when missing.
func (t *txn) entity(st *yearState, kind, key string, pos int) (*entRow, error) {
	k := entKey{kind, key}
	if e := st.ents[k]; e != nil {
		if e.pos != pos {
			if _, err := t.tx.Exec(`UPDATE entity SET pos = ? WHERE uuid = ?`, pos, e.uuid); err != nil {
				return nil, dbErr(err)
			}
			e.pos = pos
		}
		return e, nil
	}
	e := &entRow{uuid: newID(), year: st.year, kind: kind, key: key, pos: pos, vals: fields{}}
	if _, err := t.tx.Exec(`INSERT INTO entity(uuid, year, kind, key, pos, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		e.uuid, st.year, kind, key, pos, t.at, t.who); err != nil {
		return nil, dbErr(err)
	}
	st.ents[k] = e
	return e, nil
}

// put makes the entity hold want: every field that differs is written and
// audited. With partial, fields absent from want are left alone; otherwise
// they become 未填报.
func (t *txn) put(e *entRow, want fields, partial bool) error {
	for f, v := range want {
		if err := t.set(e, f, v); err != nil {
			return err
		}
	}
	if !partial {
		for f, v := range e.vals {
			if _, ok := want[f]; !ok && v != nil {
				if err := t.set(e, f, nil); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// set writes one field when its value changes.
func (t *txn) set(e *entRow, field string, v any) error {
	old, had := e.vals[field]
	if had && sameValue(old, v) {
		return nil
	}
	if !had && v == nil {
		return nil
	}
	return t.record(e, field, v, old, nil)
}

// record writes a value under this commit's revision and audits it: one
// change line. origin is, for a value a merge adopts, the revision that
// first set it in the other file (nil otherwise).
func (t *txn) record(e *entRow, field string, v, old any, origin any) error {
	return t.line(e, field, v, old, origin, 0)
}

// decide stamps a field with this commit's revision without changing its
// value: a merge conflict decided for our side. The line is lineage only
// (not a change, so the history does not list it) but it tells the other
// file, when it next merges ours, that its value was seen and declined.
func (t *txn) decide(e *entRow, field string) error {
	v := e.vals[field]
	return t.line(e, field, v, v, nil, 1)
}

func (t *txn) line(e *entRow, field string, v, old, origin any, lineage int) error {
	rev := t.rev
	t.pendVals = append(t.pendVals, e.uuid, field, v, rev)
	t.pendChanges = append(t.pendChanges, e.uuid, field, rev, old, v, origin, lineage)
	if len(t.pendVals) >= 4*batchRows {
		if err := t.flush(); err != nil {
			return err
		}
	}
	e.vals[field] = v
	if e.revs != nil {
		e.revs[field] = rev
	}
	t.changed++
	t.touched[e.uuid] = e
	return nil
}

// dbErr words an SQLite error of a write.
func dbErr(err error) error {
	if err == nil {
		return nil
	}
	if pe, ok := err.(*os.PathError); ok {
		return pe
	}
	var worded *FileError // every SQLite error is worded by the connection (see openSQL)
	var access *AccessError
	if errors.As(err, &worded) || errors.As(err, &access) {
		return err
	}
	if strings.HasPrefix(err.Error(), "sql: Scan error") {
		// database/sql's own English, met only reading: a stored value of
		// a type this program never writes. Not a failed write.
		return readErr("", err)
	}
	return &WriteError{Err: err}
}

// WriteError is a failed write; nothing of it was saved.
type WriteError struct{ Err error }

func (e *WriteError) Error() string {
	msg := e.Err.Error()
	switch {
	case strings.Contains(msg, "database is locked"), strings.Contains(msg, "SQLITE_BUSY"):
		return "数据文件正被另一个程序写入，等待超时，本次修改未保存（之前保存的数据不受影响）。请稍后再试。"
	case strings.Contains(msg, "disk is full"), strings.Contains(msg, "SQLITE_FULL"):
		return "磁盘已满，本次修改未保存（之前保存的数据不受影响）。请腾出空间后再试。"
	case strings.Contains(msg, "readonly"), strings.Contains(msg, "read-only"):
		return "数据文件或所在文件夹是只读的，本次修改未保存。"
	}
	return "写入数据文件失败，本次修改未保存（之前保存的数据不受影响）：" + msg
}

func (e *WriteError) Unwrap() error { return e.Err }

// flush writes the pending values and audit lines. Rows of one key are
// applied in order, so a field set twice in a batch ends with the last.
func (t *txn) flush() error {
	if err := t.execRows(&t.valStmt, `INSERT INTO value(entity, field, val, rev) VALUES `, `
		ON CONFLICT(entity, field) DO UPDATE SET val = excluded.val, rev = excluded.rev`, 4, t.pendVals); err != nil {
		return err
	}
	if err := t.execRows(&t.changeStmt, `INSERT INTO change(entity, field, rev, old, new, origin, lineage) VALUES `, `
		ON CONFLICT(entity, field, rev) DO UPDATE SET new = excluded.new, lineage = min(lineage, excluded.lineage)`, 7, t.pendChanges); err != nil {
		return err
	}
	t.pendVals, t.pendChanges = t.pendVals[:0], t.pendChanges[:0]
	return nil
}

// execRows inserts rows of width values each; a full batch reuses one
// prepared statement (preparing costs as much as inserting).
func (t *txn) execRows(full **sql.Stmt, head, tail string, width int, args []any) error {
	for len(args) > 0 {
		n := min(len(args)/width, batchRows)
		chunk := args[:n*width]
		args = args[n*width:]
		if n == batchRows && *full != nil {
			if _, err := (*full).Exec(chunk...); err != nil {
				return dbErr(err)
			}
			continue
		}
		row := "(?" + strings.Repeat(", ?", width-1) + ")"
		q := head + row + strings.Repeat(", "+row, n-1) + tail
		if n == batchRows {
			st, err := t.tx.Prepare(q)
			if err != nil {
				return dbErr(err)
			}
			*full = st
			if _, err := st.Exec(chunk...); err != nil {
				return dbErr(err)
			}
			continue
		}
		if _, err := t.tx.Exec(q, chunk...); err != nil {
			return dbErr(err)
		}
	}
	return nil
}
