package data

import (
	"database/sql"
	"fmt"
	"strings"
)

// ApplicationID marks a SQLite file as ours (PRAGMA application_id, bytes
// 68–71 of the header): "JHNG".
const ApplicationID = 0x4A484E47

// SchemaVersion is the PRAGMA user_version this program writes. A file with
// a higher one comes from a newer program and is refused; a lower one is
// migrated after a backup.
const SchemaVersion = 4

// ProgramVersion is written into every file this program changes, so that
// an older program refusing it can say which version wrote it. The build
// may set it with -ldflags "-X junheng/data.ProgramVersion=…".
var ProgramVersion = "0.1.0"

// migrations[i] brings a file from user_version i to i+1. Never edit a
// published step: add one.
var migrations = []string{
	// 0 → 1: the first layout, described in doc.go.
	`
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE year (
	year       TEXT PRIMARY KEY,          -- 学年, e.g. 2024-2025
	created_at TEXT NOT NULL,
	created_by TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE commit_log (
	id     TEXT PRIMARY KEY,               -- UUID: revisions travel between files
	at     TEXT NOT NULL,                  -- RFC 3339 UTC
	office TEXT NOT NULL,
	user   TEXT NOT NULL,
	host   TEXT NOT NULL,
	action TEXT NOT NULL,                  -- save, delete, import, copy, merge, …
	note   TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE entity (
	uuid       TEXT PRIMARY KEY,
	year       TEXT NOT NULL REFERENCES year(year),
	kind       TEXT NOT NULL CHECK (kind IN ('county', 'school', 'finance')),
	key        TEXT NOT NULL,              -- 学校标识码, finance calendar year, '' for the county
	pos        INTEGER NOT NULL,           -- display order (order of the JSON file)
	updated_at TEXT NOT NULL,
	updated_by TEXT NOT NULL,              -- office / user
	UNIQUE (year, kind, key)
);

CREATE TABLE value (
	entity TEXT NOT NULL REFERENCES entity(uuid),
	field  TEXT NOT NULL,                  -- JSON path inside the entity
	val,                                   -- INTEGER, REAL, TEXT or NULL (未填报)
	rev    TEXT NOT NULL REFERENCES commit_log(id),
	PRIMARY KEY (entity, field)
) WITHOUT ROWID;

CREATE TABLE change (
	entity TEXT NOT NULL REFERENCES entity(uuid),
	field  TEXT NOT NULL,
	rev    TEXT NOT NULL REFERENCES commit_log(id),
	old,
	new,
	PRIMARY KEY (entity, field, rev)
) WITHOUT ROWID;
`,
	// 1 → 2: a digest of each row's values, so that a merge reads only the
	// rows that differ. Filled by migrateDigests for existing rows.
	`ALTER TABLE entity ADD COLUMN digest TEXT;`,
	// 2 → 3: provenance (see provenance.go). A commit says what kind of
	// write it was and from which file; a change line written by a merge
	// names the other file's revision that first set the adopted value
	// (origin); lines copied from another file only as a merge's lineage
	// are marked (lineage = 1), so that the history lists each change
	// once. Older commits get their kind from their action. Plain SQL, so
	// that the reference schema of the open check (check.go) has it.
	`
ALTER TABLE commit_log ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE commit_log ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE change ADD COLUMN origin TEXT;
ALTER TABLE change ADD COLUMN lineage INTEGER NOT NULL DEFAULT 0;
UPDATE commit_log SET kind = CASE action
	WHEN 'save' THEN 'typed' WHEN 'delete' THEN 'typed'
	WHEN 'import' THEN 'imported' WHEN 'merge' THEN 'merged' WHEN 'copy' THEN 'copied'
	ELSE '' END;
`,
	// 3 → 4: 佐证材料 (see evidence.go). An attachment is an entity of kind
	// 'evidence' (its fields audited and merged like any value), an item's
	// checklist one of kind 'checklist'; migrateKinds widens the kind
	// CHECK. The bytes live once per content hash in blob, with a
	// thumbnail for photos; a rowid table, since its rows are large.
	`
CREATE TABLE blob (
	hash  TEXT PRIMARY KEY,                -- SHA-256 hex of data
	size  INTEGER NOT NULL,
	data  BLOB NOT NULL,
	thumb BLOB                             -- JPEG thumbnail of a photo
);
`,
}

// goSteps run after the SQL step of the same index, in the same
// transaction, for what SQL alone cannot compute.
var goSteps = map[int]func(tx *sql.Tx) error{
	1: migrateDigests,
	3: migrateKinds,
}

// runStep brings a file from version v to v+1 inside tx: the SQL step,
// then the Go step of the same index. Migrations and the reference schema
// the inspection compares files with (check.go) both run it, so the two
// cannot drift apart.
func runStep(tx *sql.Tx, v int) error {
	if _, err := tx.Exec(migrations[v]); err != nil {
		return err
	}
	if step := goSteps[v]; step != nil {
		return step(tx)
	}
	return nil
}

// migrateStep runs step v in a transaction of its own on db.
func migrateStep(db *sql.DB, v int) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := runStep(tx, v); err != nil {
		return err
	}
	return tx.Commit()
}

// migrate runs the missing steps and stamps the file, in one transaction.
func migrate(db *sql.DB, from int) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for v := from; v < SchemaVersion; v++ {
		if err := runStep(tx, v); err != nil {
			return fmt.Errorf("升级数据格式（第 %d 版到第 %d 版）失败：%w", v, v+1, err)
		}
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", SchemaVersion, ApplicationID)); err != nil {
		return err
	}
	if err := setMeta(tx, "written_by", ProgramVersion); err != nil {
		return err
	}
	return tx.Commit()
}

type execer interface {
	Exec(query string, args ...any) (sql.Result, error)
}

func setMeta(x execer, key, value string) error {
	_, err := x.Exec(`INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

// migrateDigests computes the digest of every row of a file from before
// schema 2.
func migrateDigests(tx *sql.Tx) error {
	rows, err := tx.Query(`SELECT entity, field, val FROM value`)
	if err != nil {
		return err
	}
	vals := map[string]fields{}
	for rows.Next() {
		var u, f string
		var v any
		if err := rows.Scan(&u, &f, &v); err != nil {
			rows.Close()
			return err
		}
		if vals[u] == nil {
			vals[u] = fields{}
		}
		vals[u][f] = normalize(v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for u, fs := range vals {
		if _, err := tx.Exec(`UPDATE entity SET digest = ? WHERE uuid = ?`, digest(fs), u); err != nil {
			return err
		}
	}
	return nil
}

// entityKindsV3 and entityKindsV4 are the kind CHECK of the entity table
// before and after schema 4.
const (
	entityKindsV3 = "CHECK (kind IN ('county', 'school', 'finance'))"
	entityKindsV4 = "CHECK (kind IN ('county', 'school', 'finance', 'evidence', 'checklist'))"
)

// migrateKinds widens the kind CHECK of the entity table. SQLite cannot
// alter a CHECK, and rebuilding the table would break the foreign keys of
// value and change (on in every connection); a wider CHECK changes no
// stored row or index, which is the case SQLite documents for editing
// sqlite_schema directly (https://sqlite.org/lang_altertable.html, "making
// other kinds of table schema changes"): write the new text, bump
// schema_version so every connection re-reads it, in the same transaction.
func migrateKinds(tx *sql.Tx) error {
	var text string
	if err := tx.QueryRow(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'entity'`).Scan(&text); err != nil {
		return err
	}
	if !strings.Contains(text, entityKindsV3) {
		return fmt.Errorf("数据表 entity 的定义与本程序不同，无法升级")
	}
	var version int
	if err := tx.QueryRow(`PRAGMA schema_version`).Scan(&version); err != nil {
		return err
	}
	for _, q := range []string{
		`PRAGMA writable_schema = ON`,
		`UPDATE sqlite_schema SET sql = replace(sql, '` + strings.ReplaceAll(entityKindsV3, "'", "''") + `', '` +
			strings.ReplaceAll(entityKindsV4, "'", "''") + `') WHERE type = 'table' AND name = 'entity'`,
		fmt.Sprintf(`PRAGMA schema_version = %d`, version+1),
		`PRAGMA writable_schema = OFF`,
	} {
		if _, err := tx.Exec(q); err != nil {
			return err
		}
	}
	return nil
}
