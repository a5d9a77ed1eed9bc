package data

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/google/uuid"

	"junheng/data/safefile"
)

// Manifest describes an exported file. It is stored in the file (meta key
// "manifest") and in the side folder 备份 beside it (ManifestPath, with the
// checksum of the whole file) so that the receiving office can check what
// it got.
type Manifest struct {
	Office         string         `json:"office"`
	User           string         `json:"user"`
	Host           string         `json:"host"`
	ProgramVersion string         `json:"program_version"`
	SchemaVersion  int            `json:"schema_version"`
	Time           time.Time      `json:"time"`
	Source         string         `json:"source"` // file_id of the exporting file
	Years          []string       `json:"years"`
	Schools        []string       `json:"schools,omitempty"` // chosen ids; empty = the whole file
	Rows           map[string]int `json:"rows"`              // table → row count
	Commits        int            `json:"commits"`           // commit_log rows at export: later edits make the checksum stale
	Checksum       string         `json:"checksum"`          // sha256 of the data (see contentChecksum)
	FileSHA256     string         `json:"file_sha256,omitempty"`
}

// ManifestPath is where the manifest of the export at out is written: in
// the one side folder 备份, named after the file.
func ManifestPath(out string) string {
	return filepath.Join(SideFolder(out), filepath.Base(out)+".manifest.json")
}

// legacyManifestPath is where earlier versions wrote it: beside the file.
func legacyManifestPath(out string) string { return out + ".manifest.json" }

// ReadManifest reads the manifest written with the export at path: from
// the side folder, or, for files exported by earlier versions and already
// sent out, from beside the file. It returns the manifest and where it
// was found.
func ReadManifest(path string) (Manifest, string, error) {
	var m Manifest
	for _, p := range []string{ManifestPath(path), legacyManifestPath(path)} {
		b, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return m, p, osErr(p, err)
		}
		if err := json.Unmarshal(b, &m); err != nil {
			return m, p, fileErr(p, ErrCorrupt, "无法读取：不是有效的导出清单。")
		}
		return m, p, nil
	}
	return m, "", fileErr(path, ErrNotFound, "没有导出清单（应在「%s」）。", ManifestPath(path))
}

// MatchesFile reports whether the file at path still has the bytes the
// manifest was written for (false once it was opened for editing, merged
// into or damaged).
func (m Manifest) MatchesFile(path string) (bool, error) {
	sum, err := fileSHA256(path)
	if err != nil {
		return false, osErr(path, err)
	}
	return m.FileSHA256 != "" && sum == m.FileSHA256, nil
}

// ExportSchools writes the whole file (ids empty) or the chosen schools
// (by id, in every year that has them, with the county facts) to a new
// database file at out, with their audit trail so the receiving office can
// merge it back, and its manifest to ManifestPath(out). out must not exist.
func (s *Store) ExportSchools(out string, ids []string) (Manifest, error) {
	return s.ExportSchoolsWith(out, ids, ExportOptions{})
}

// ExportOptions are ExportSchoolsWith's.
type ExportOptions struct {
	// Replace lets the export take the place of an existing file the clerk
	// chose to replace (the GUI's 替换 after its save dialog): renamed over
	// it once complete, so the old file stays whole until then. CheckOutput
	// still refuses a data file of this program (this one included), its
	// journal or lock note, a folder and anything not a regular file.
	Replace bool
}

// ExportSchoolsWith is ExportSchools with options.
func (s *Store) ExportSchoolsWith(out string, ids []string, o ExportOptions) (Manifest, error) {
	var m Manifest
	if err := s.opened(); err != nil {
		return m, err
	}
	if o.Replace {
		if err := CheckOutput(out, OutputOptions{Force: true, Inputs: []string{s.path}}); err != nil {
			return m, err
		}
	} else if _, err := os.Stat(out); err == nil {
		return m, fmt.Errorf("文件「%s」已存在，不会覆盖", out)
	}
	if err := s.refuseFaulty("导出"); err != nil {
		return m, err
	}
	// A journal left beside a file that no longer exists would be taken
	// for the new export's own and rolled back onto it at its first open.
	if err := os.Remove(out + "-journal"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return m, fmt.Errorf("导出到「%s」失败：%w", out, osErr(out+"-journal", err))
	}
	if len(ids) > 0 {
		known := map[string]bool{}
		rows, err := s.db.Query(`SELECT DISTINCT key FROM entity WHERE kind = 'school'`)
		if err != nil {
			return m, dbErr(err)
		}
		for rows.Next() {
			var k string
			rows.Scan(&k)
			known[k] = true
		}
		rows.Close()
		for _, id := range ids {
			if !known[id] {
				return m, fmt.Errorf("文件中没有标识码为「%s」的学校，未导出", id)
			}
		}
	}
	side := ManifestPath(out)
	if err := os.MkdirAll(filepath.Dir(side), 0o755); err != nil {
		return m, fmt.Errorf("导出到「%s」失败：%w", out, osErr(filepath.Dir(side), err))
	}
	// Built in a fresh temporary file of the one atomic writer (nothing
	// stale beside it), then flushed and renamed to out: a half-written
	// export (a USB stick pulled out) never passes for one. The manifest is
	// written before the rename, so an export never lacks its manifest.
	wroteSide := false
	err := safefile.WriteNamed(out, func(tmp string) error {
		if _, err := s.db.Exec(`VACUUM INTO ?`, tmp); err != nil {
			return fmt.Errorf("导出到「%s」失败：%w", out, blameOutput(out, dbErr(err)))
		}
		var err error
		if m, err = finishExport(tmp, out, ids, s.set, s.me.Host); err != nil {
			return fmt.Errorf("导出到「%s」失败：%w", out, explain(out, err))
		}
		if m.FileSHA256, err = fileSHA256(tmp); err != nil {
			return safefile.Explain(out, err)
		}
		b, _ := json.MarshalIndent(m, "", "  ")
		if err := safefile.WriteBytes(side, b); err != nil {
			return err
		}
		wroteSide = true
		return nil
	})
	if err != nil {
		if wroteSide {
			os.Remove(side)
		}
		return m, err
	}
	return m, nil
}

// finishExport trims the copy to the chosen schools and stamps it with a
// new file id and the manifest; file is the copy, shown the name its
// messages give it.
func finishExport(file, shown string, ids []string, set Settings, host string) (Manifest, error) {
	m := Manifest{Office: set.Office, User: set.User, Host: host, ProgramVersion: ProgramVersion,
		SchemaVersion: SchemaVersion, Time: time.Now().UTC().Truncate(time.Second), Schools: ids}
	db := openSQLAs(file, shown, false)
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		return m, err
	}
	defer tx.Rollback()
	if len(ids) > 0 {
		tx.Exec(`CREATE TEMP TABLE keep(key TEXT PRIMARY KEY)`)
		for _, id := range ids {
			if _, err := tx.Exec(`INSERT OR IGNORE INTO keep VALUES (?)`, id); err != nil {
				return m, err
			}
		}
		for _, q := range []string{
			`CREATE TEMP TABLE gone AS SELECT uuid FROM entity WHERE kind = 'school' AND key NOT IN (SELECT key FROM keep)`,
			// Attachments travel with their school; the county's own stay
			// at the bureau (a township's export is for its schools).
			`INSERT INTO gone SELECT e.uuid FROM entity e WHERE e.kind = 'evidence' AND
				coalesce((SELECT v.val FROM value v WHERE v.entity = e.uuid AND v.field = 'school'), '') NOT IN (SELECT key FROM keep)`,
			`DELETE FROM change WHERE entity IN (SELECT uuid FROM gone)`,
			`DELETE FROM value WHERE entity IN (SELECT uuid FROM gone)`,
			`DELETE FROM entity WHERE uuid IN (SELECT uuid FROM gone)`,
			// Only the bytes of the attachments that travel.
			dropUnusedBlobs,
			`DELETE FROM commit_log WHERE id NOT IN (SELECT rev FROM change) AND id NOT IN (SELECT rev FROM value)
				AND id NOT IN (SELECT origin FROM change WHERE origin IS NOT NULL)`,
		} {
			if _, err := tx.Exec(q); err != nil {
				return m, err
			}
		}
	}
	var source string
	tx.QueryRow(`SELECT value FROM meta WHERE key = 'file_id'`).Scan(&source)
	m.Source = source
	if err := setMeta(tx, "file_id", uuid.NewString()); err != nil {
		return m, err
	}
	if err := setMeta(tx, "exported_from", source); err != nil {
		return m, err
	}
	m.Rows = map[string]int{}
	for _, t := range []string{"year", "entity", "value", "change", "commit_log"} {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM ` + t).Scan(&n); err != nil {
			return m, err
		}
		m.Rows[t] = n
	}
	m.Commits = m.Rows["commit_log"]
	yrows, err := tx.Query(`SELECT year FROM year ORDER BY year`)
	if err != nil {
		return m, err
	}
	for yrows.Next() {
		var y string
		yrows.Scan(&y)
		m.Years = append(m.Years, y)
	}
	yrows.Close()
	if m.Checksum, err = contentChecksum(tx); err != nil {
		return m, err
	}
	data, _ := json.Marshal(m)
	if err := setMeta(tx, "manifest", string(data)); err != nil {
		return m, err
	}
	if err := tx.Commit(); err != nil {
		return m, err
	}
	if len(ids) > 0 {
		// Deleted rows linger in free pages: the file goes to another
		// office, so the other schools' numbers must not travel with it.
		if _, err := db.Exec(`VACUUM`); err != nil {
			return m, err
		}
	}
	return m, db.Close()
}

// contentChecksum hashes every value with its entity and revision, in a
// fixed order, so it does not depend on the page layout of the file.
func contentChecksum(q querier) (string, error) {
	rows, err := q.Query(`SELECT e.year, e.kind, e.key, v.field, v.val, v.rev
		FROM value v JOIN entity e ON e.uuid = v.entity ORDER BY e.year, e.kind, e.key, v.field`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	h := sha256.New()
	for rows.Next() {
		var year, kind, key, field, rev string
		var val any
		if err := rows.Scan(&year, &kind, &key, &field, &val, &rev); err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x1f%s\x1f%s\x1f%s\x1f%T:%v\x1f%s\n", year, kind, key, field, normalize(val), normalize(val), rev)
	}
	return hex.EncodeToString(h.Sum(nil)), rows.Err()
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// verifyManifest checks a file against the manifest it carries, when it
// has not been edited since the export: a mismatch means the data was
// damaged or altered on the way.
func verifyManifest(q querier, path string) error {
	var text string
	if err := q.QueryRow(`SELECT value FROM meta WHERE key = 'manifest'`).Scan(&text); err != nil {
		return nil // not an export, or edited as a working file: nothing to check
	}
	var m Manifest
	if err := json.Unmarshal([]byte(text), &m); err != nil {
		return fileErr(path, ErrCorrupt, "的导出清单无法读取（内容不是本程序写的），文件可能被改动过，拒绝合并。请发来文件的单位重新导出。")
	}
	var commits int
	if err := q.QueryRow(`SELECT count(*) FROM commit_log`).Scan(&commits); err != nil {
		return err
	}
	if commits != m.Commits {
		return nil // edited after the export: the checksum no longer applies
	}
	sum, err := contentChecksum(q)
	if err != nil {
		return err
	}
	if sum != m.Checksum {
		return fileErr(path, ErrCorrupt, "的数据与导出时的校验值不符，可能在传递过程中被改动或损坏，拒绝合并。")
	}
	return nil
}

// blameOutput words a failed write of a copy (VACUUM INTO, run on the
// source's connection, so SQLite's error names the source) as a failure
// to write out: a full disk, a read-only folder or a disk error is the
// destination's, never the file being copied.
func blameOutput(out string, err error) error {
	var ae *AccessError
	if !errors.As(err, &ae) {
		return err
	}
	sys := map[error]error{ErrDiskFull: syscall.ENOSPC, ErrPermission: fs.ErrPermission, ErrIO: syscall.EIO}[ae.Kind]
	if sys == nil {
		return err
	}
	return &AccessError{Path: out, Kind: ae.Kind, Err: err, Detail: safefile.Explain(out, sys).Error()}
}
