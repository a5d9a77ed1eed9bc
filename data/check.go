package data

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"sync"

	"modernc.org/sqlite"

	"junheng/app/format"
)

// quickCheckAbove is the size from which Open runs PRAGMA quick_check
// instead of the full integrity_check (which also verifies every index and
// takes seconds on a large file).
const quickCheckAbove = 64 << 20

// fileInfo is what inspect learnt about a file it accepted.
type fileInfo struct {
	schema     int    // PRAGMA user_version
	writtenBy  string // program version that last wrote the file, if known
	hotJournal bool   // a crashed writer left a journal SQLite must roll back first
}

var sqliteMagic = []byte("SQLite format 3\x00")

// inspect is the one inspection every open of a data file runs first — for
// editing, for reading, as a merge source, as a backup to restore: header,
// version, every schema object and the integrity check. It never writes to
// the file and no SQL of the file runs: the header is read by hand, the
// rest over a read-only connection (mode=ro, trusted_schema off) that
// reads nothing but sqlite_schema until the schema is known to be ours.
//
// A journal beside the file is not taken on trust. SQLite itself decides
// whether it is hot (a writer crashed after changing the file; no process
// holds the file's write lock): a read-only connection then refuses with
// SQLITE_READONLY_ROLLBACK without touching anything, and inspect reports
// hotJournal for the caller to recover (see recoverJournal and
// openReading) and inspect again. A journal that is not hot — a live
// writer's, or one whose header a crash left zeroed — is ignored by
// SQLite and here; the full inspection runs as if it were not there.
func inspect(path string) (fileInfo, error) { return inspectAs(path, path) }

// inspectAs inspects file but names shown in its messages (a recovered
// copy is checked under the name of the file it stands for).
func inspectAs(file, shown string) (fileInfo, error) {
	var info fileInfo
	st, err := os.Stat(file)
	if errors.Is(err, fs.ErrNotExist) {
		return info, fileErr(shown, ErrNotFound, "不存在。")
	}
	if err != nil {
		return info, osErr(shown, err)
	}
	if st.IsDir() {
		return info, fileErr(shown, ErrNotOurs, "是一个文件夹，不是均衡评估助手的数据文件。")
	}
	if err := notSpecial(file); err != nil {
		return info, err
	}
	if st.Size() == 0 {
		return info, fileErr(shown, ErrEmpty, "是空文件（0 字节），不是均衡评估助手的数据文件，可能复制时出错。")
	}
	if _, err := os.Stat(file + "-wal"); err == nil {
		return info, fileErr(shown, ErrNotOurs, "旁边有 -wal 日志文件：它由其他程序以 WAL 模式写入，不是均衡评估助手保存的文件。")
	}
	head := make([]byte, 100)
	f, err := os.Open(file)
	if err != nil {
		return info, osErr(shown, err)
	}
	n, _ := f.ReadAt(head, 0)
	f.Close()
	if n < len(head) || !bytes.Equal(head[:16], sqliteMagic) {
		if n >= 16 && bytes.Equal(head[:16], sqliteMagic) {
			return info, fileErr(shown, ErrTruncated, "不完整（只有 %d 字节），可能复制或下载时中断。请从原处重新复制，或从备份恢复。", st.Size())
		}
		return info, fileErr(shown, ErrNotOurs, "不是均衡评估助手的数据文件（内容不是数据库，可能是改了扩展名的其他文件）。")
	}
	if binary.BigEndian.Uint32(head[68:72]) != ApplicationID {
		return info, fileErr(shown, ErrNotOurs, "是一个 SQLite 数据库，但不是均衡评估助手的数据文件。")
	}
	if head[18] == 2 || head[19] == 2 {
		return info, fileErr(shown, ErrNotOurs, "被其他程序改成了 WAL 日志模式（本程序从不使用，它在网络共享文件夹上不安全）。请从备份恢复，或用原程序改回后再打开。")
	}
	pageSize := int64(binary.BigEndian.Uint16(head[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return info, fileErr(shown, ErrCorrupt, "已损坏（文件头无效）。请从备份恢复。")
	}
	// The version decides before anything else may touch the file: a
	// newer program's file is not recovered, migrated or written by us.
	if v := int64(int32(binary.BigEndian.Uint32(head[60:64]))); v > SchemaVersion {
		return info, checkVersion(shown, v, writtenBy(file, shown))
	} else if err := checkVersion(shown, v, ""); err != nil {
		return info, err
	}
	journal := false
	if j, err := os.Stat(file + "-journal"); err == nil && j.Size() > 0 {
		journal = true // the file may be mid-transaction: its size says nothing yet
	}
	pages := int64(binary.BigEndian.Uint32(head[28:32]))
	headerCountValid := bytes.Equal(head[24:28], head[92:96])
	if !journal && (st.Size()%pageSize != 0 || (headerCountValid && st.Size() < pages*pageSize)) {
		return info, fileErr(shown, ErrTruncated, "不完整（%d 字节，应为 %d 字节），可能复制或下载时中断。请从原处重新复制，或从备份恢复。",
			st.Size(), pages*pageSize)
	}
	err = inspectSQL(file, shown, &info)
	var sq *sqlite.Error
	if errors.As(err, &sq) && sq.Code() == sqREADONLY_ROLLBACK {
		info.hotJournal = true
		return info, nil
	}
	return info, err
}

// notSpecial refuses, without reading it, a path that is a pipe, a
// device or a socket: reading one may never end (a FIFO, /dev/zero).
func notSpecial(path string) error {
	st, err := os.Stat(path)
	if err != nil || st.Mode().IsRegular() || st.IsDir() {
		return nil // a missing file or a folder is said by the caller
	}
	return fileErr(path, ErrNotOurs, "不是普通文件（是管道、设备或套接字），未读取。请指定一个数据文件。")
}

// checkVersion refuses a user_version this program cannot handle: newer
// than it knows, or not a version at all (negative).
func checkVersion(path string, v int64, writtenBy string) error {
	if v < 0 {
		return fileErr(path, ErrNotOurs, "的数据格式版本号无效（%d），不是均衡评估助手保存的文件，或被其他程序改动过。请从备份恢复。", v)
	}
	if v > SchemaVersion {
		by := ""
		if writtenBy != "" {
			by = "（程序版本 " + format.Safe(writtenBy) + "）"
		}
		return fileErr(path, ErrNewer, "由较新版本的均衡评估助手%s保存，数据格式为第 %d 版，本程序（版本 %s）只认识到第 %d 版。请升级程序后再打开。",
			by, v, ProgramVersion, SchemaVersion)
	}
	return nil
}

// inspectSQL checks version, schema objects and integrity over a read-only
// connection. Until the schema is known to be ours it reads only
// sqlite_schema and pragmas: a view or virtual table named like ours is
// never queried.
func inspectSQL(file, shown string, info *fileInfo) error {
	db := openSQLAs(file, shown, true)
	defer db.Close()
	db.SetMaxOpenConns(1)
	var v, app int64
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if err := db.QueryRow("PRAGMA application_id").Scan(&app); err != nil {
		return err
	}
	if uint32(app) != ApplicationID {
		return fileErr(shown, ErrNotOurs, "是一个 SQLite 数据库，但不是均衡评估助手的数据文件。")
	}
	if v > SchemaVersion {
		return checkVersion(shown, v, writtenBy(file, shown))
	}
	if err := checkVersion(shown, v, ""); err != nil {
		return err
	}
	info.schema = int(v)
	if err := checkSchema(db, shown, info.schema); err != nil {
		return err
	}
	var writtenBy sql.NullString
	if info.schema > 0 {
		if err := db.QueryRow(`SELECT value FROM meta WHERE key = 'written_by'`).Scan(&writtenBy); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	info.writtenBy = writtenBy.String
	return checkIntegrity(db, file, shown)
}

// writtenBy reads which program version wrote a newer file, for the
// message refusing it: over a read-only connection, and only if its meta
// table is the one this program knows ("" otherwise).
func writtenBy(file, shown string) string {
	db := openSQLAs(file, shown, true)
	defer db.Close()
	var by sql.NullString
	objs, err := readSchema(db)
	if err != nil {
		return ""
	}
	for _, o := range objs {
		if o.name == "meta" && o == referenceSchema()[SchemaVersion]["meta"] {
			db.QueryRow(`SELECT value FROM meta WHERE key = 'written_by'`).Scan(&by)
		}
	}
	return by.String
}

// schemaObject is one row of sqlite_schema, its SQL normalized.
type schemaObject struct{ typ, name, table, sql string }

// referenceSchema is what the migrations create for a version: the only
// objects a file of that version may hold. It is computed by running the
// migrations on an in-memory database, so it cannot drift from them.
var referenceSchema = sync.OnceValue(func() []map[string]schemaObject {
	refs := make([]map[string]schemaObject, SchemaVersion+1)
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		panic("data: in-memory database: " + err.Error())
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for v := 0; v <= SchemaVersion; v++ {
		if v > 0 {
			if err := migrateStep(db, v-1); err != nil {
				panic(fmt.Sprintf("data: migration %d: %v", v-1, err))
			}
		}
		objs, err := readSchema(db)
		if err != nil {
			panic("data: reading the reference schema: " + err.Error())
		}
		refs[v] = map[string]schemaObject{}
		for _, o := range objs {
			refs[v][o.name] = o
		}
	}
	return refs
})

// optionalSchema may be present without being required: an index that
// pre-release files of schema 1 carried (dropped because every audit line
// paid for it and no query needs it), and the statistics tables ANALYZE
// creates (they steer the query planner, nothing else).
var optionalSchema = map[string]schemaObject{
	"change_by_rev": {"index", "change_by_rev", "change", "CREATE INDEX change_by_rev ON change(rev)"},
	"sqlite_stat1":  {"table", "sqlite_stat1", "sqlite_stat1", "CREATE TABLE sqlite_stat1(tbl,idx,stat)"},
	"sqlite_stat4":  {"table", "sqlite_stat4", "sqlite_stat4", "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)"},
}

var sqlComment = regexp.MustCompile(`--[^\n]*`)

// normSQL drops comments and folds white space, so that the text SQLite
// stored compares with the text of the migrations.
func normSQL(s string) string {
	s = sqlComment.ReplaceAllString(s, " ")
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(s, "( ", "(")
	return strings.ReplaceAll(s, " )", ")")
}

func readSchema(q querier) ([]schemaObject, error) {
	rows, err := q.Query(`SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schemaObject
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.typ, &o.name, &o.table, &o.sql); err != nil {
			return nil, err
		}
		o.sql = normSQL(o.sql)
		out = append(out, o)
	}
	return out, rows.Err()
}

// checkSchema refuses a file holding any object this program does not
// create — a trigger, a view, a virtual table, an extra table or index —
// or one of ours defined differently (a virtual table named "value", a
// table with other columns), and one missing a table of ours.
func checkSchema(q querier, path string, schema int) error {
	ref := referenceSchema()[schema]
	objs, err := readSchema(q)
	if err != nil {
		return err
	}
	kinds := map[string]string{"trigger": "触发器", "view": "视图", "table": "表", "index": "索引"}
	var foreign []string
	found := map[string]bool{}
	for _, o := range objs {
		want, ours := ref[o.name]
		if !ours {
			want, ours = optionalSchema[o.name]
		}
		kind := kinds[o.typ]
		if kind == "" {
			kind = o.typ
		}
		if strings.HasPrefix(strings.ToUpper(o.sql), "CREATE VIRTUAL TABLE") {
			kind = "虚拟表"
		}
		switch {
		case ours && o == want:
			found[o.name] = true
		case ours:
			foreign = append(foreign, kind+"「"+o.name+"」（定义与本程序不同）")
		default:
			foreign = append(foreign, kind+"「"+o.name+"」")
		}
	}
	if len(foreign) > 0 {
		return fileErr(path, ErrForeignSQL, "含有本程序不会创建的内容：%s。文件可能被其他程序改动或被篡改，为安全起见拒绝打开。",
			strings.Join(foreign, "、"))
	}
	for name, o := range ref {
		if !found[name] && o.typ == "table" {
			return fileErr(path, ErrCorrupt, "缺少数据表「%s」，文件不完整或被其他程序改动过。请从备份恢复。", name)
		}
	}
	for name, o := range ref {
		if !found[name] {
			return fileErr(path, ErrCorrupt, "缺少索引「%s」，文件不完整或被其他程序改动过。请从备份恢复。", o.name)
		}
	}
	return nil
}

// checkIntegrity runs SQLite's own check of every page (quick_check on a
// large file).
func checkIntegrity(db *sql.DB, file, shown string) error {
	st, err := os.Stat(file)
	if err != nil {
		return osErr(shown, err)
	}
	pragmas := []string{"PRAGMA integrity_check(20)"}
	if st.Size() > quickCheckAbove {
		pragmas = []string{"PRAGMA quick_check(20)"}
		if hasBlobs(db) {
			// Attachments make a file large: walking every page of their
			// bytes would cost seconds at each open. The tables of values
			// and history are checked whole; an attachment's bytes are
			// checked against their SHA-256 each time they are read
			// (AttachmentData, the archive export).
			pragmas = nil
			for _, t := range []string{"meta", "year", "commit_log", "entity", "value", "change"} {
				pragmas = append(pragmas, "PRAGMA quick_check("+t+")")
			}
		}
	}
	var msgs []string
	for _, pragma := range pragmas {
		rows, err := db.Query(pragma)
		if err != nil {
			return err
		}
		for rows.Next() {
			var m string
			if err := rows.Scan(&m); err != nil {
				rows.Close()
				return err
			}
			if m != "ok" {
				msgs = append(msgs, m)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	if len(msgs) > 0 {
		return fileErr(shown, ErrCorrupt, "已损坏（完整性检查发现 %d 处问题）。请从备份恢复。", len(msgs))
	}
	return nil
}

// sqlFileErr words an SQLite error met while reading another file.
func sqlFileErr(path string, err error) error { return explain(path, err) }

// hasBlobs reports whether a file holds attachment bytes (schema 4 and
// at least one row in blob).
func hasBlobs(q querier) bool {
	var n int
	err := q.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'blob'`).Scan(&n)
	if err != nil || n == 0 {
		return false
	}
	err = q.QueryRow(`SELECT EXISTS (SELECT 1 FROM blob)`).Scan(&n)
	return err == nil && n == 1
}
