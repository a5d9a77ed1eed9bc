package data

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strings"
)

// quickCheckAbove is the size from which Open runs PRAGMA quick_check
// instead of the full integrity_check (which also verifies every index and
// takes seconds on a large file).
const quickCheckAbove = 64 << 20

// fileInfo is what inspect learnt about a file it accepted.
type fileInfo struct {
	schema     int    // PRAGMA user_version
	writtenBy  string // program version that last wrote the file, if known
	hotJournal bool   // a crashed writer left a journal to roll back
}

var sqliteMagic = []byte("SQLite format 3\x00")

// inspect decides whether path is one of our files that can be opened, by
// reading its header and then querying it over a read-only connection. It
// never writes to the file. A hot journal (left by a writer that crashed
// mid-transaction) is noted: SQLite rolls it back on the first read-write
// open, which restores the last committed state.
func inspect(path string) (fileInfo, error) {
	var info fileInfo
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return info, fileErr(path, ErrNotFound, "不存在。")
	}
	if err != nil {
		return info, fmt.Errorf("无法读取「%s」：%v", path, err)
	}
	if st.IsDir() {
		return info, fileErr(path, ErrNotOurs, "是一个文件夹，不是均衡评估助手的数据文件。")
	}
	if st.Size() == 0 {
		return info, fileErr(path, ErrEmpty, "是空文件（0 字节），不是均衡评估助手的数据文件，可能复制时出错。")
	}
	if j, err := os.Stat(path + "-journal"); err == nil && j.Size() > 0 {
		info.hotJournal = true
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		return info, fileErr(path, ErrNotOurs, "旁边有 -wal 日志文件：它由其他程序以 WAL 模式写入，不是均衡评估助手保存的文件。")
	}
	head := make([]byte, 100)
	f, err := os.Open(path)
	if err != nil {
		return info, fmt.Errorf("无法读取「%s」：%v", path, err)
	}
	n, _ := f.ReadAt(head, 0)
	f.Close()
	if n < len(head) || !bytes.Equal(head[:16], sqliteMagic) {
		if n >= 16 && bytes.Equal(head[:16], sqliteMagic) {
			return info, fileErr(path, ErrTruncated, "不完整（只有 %d 字节），可能复制或下载时中断。请从原处重新复制，或从备份恢复。", st.Size())
		}
		return info, fileErr(path, ErrNotOurs, "不是均衡评估助手的数据文件（内容不是数据库，可能是改了扩展名的其他文件）。")
	}
	if binary.BigEndian.Uint32(head[68:72]) != ApplicationID {
		return info, fileErr(path, ErrNotOurs, "是一个 SQLite 数据库，但不是均衡评估助手的数据文件。")
	}
	if head[18] == 2 || head[19] == 2 {
		return info, fileErr(path, ErrNotOurs, "被其他程序改成了 WAL 日志模式（本程序从不使用，它在网络共享文件夹上不安全）。请从备份恢复，或用原程序改回后再打开；文件未被改动。")
	}
	pageSize := int64(binary.BigEndian.Uint16(head[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return info, fileErr(path, ErrCorrupt, "已损坏（文件头无效）。请从备份恢复。")
	}
	pages := int64(binary.BigEndian.Uint32(head[28:32]))
	headerCountValid := bytes.Equal(head[24:28], head[92:96])
	if !info.hotJournal && (st.Size()%pageSize != 0 || (headerCountValid && st.Size() < pages*pageSize)) {
		return info, fileErr(path, ErrTruncated, "不完整（%d 字节，应为 %d 字节），可能复制或下载时中断。请从原处重新复制，或从备份恢复。",
			st.Size(), pages*pageSize)
	}
	info.schema = int(binary.BigEndian.Uint32(head[60:64]))
	if info.hotJournal {
		// The header may be a half-written state until the rollback; the
		// checks below run again after it (see Open).
		return info, nil
	}
	return info, inspectSQL(path, &info)
}

// inspectSQL checks version, schema objects and integrity over a read-only
// connection. trusted_schema is off and only our own SELECTs run, so no
// trigger or view of the file can execute.
func inspectSQL(path string, info *fileInfo) error {
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := db.QueryRow("PRAGMA user_version").Scan(&info.schema); err != nil {
		return sqlFileErr(path, err)
	}
	var writtenBy sql.NullString
	db.QueryRow(`SELECT value FROM meta WHERE key = 'written_by'`).Scan(&writtenBy)
	info.writtenBy = writtenBy.String
	if info.schema > SchemaVersion {
		by := ""
		if info.writtenBy != "" {
			by = "（程序版本 " + info.writtenBy + "）"
		}
		return fileErr(path, ErrNewer, "由较新版本的均衡评估助手%s保存，数据格式为第 %d 版，本程序（版本 %s）只认识到第 %d 版。请升级程序后再打开；文件未被改动。",
			by, info.schema, ProgramVersion, SchemaVersion)
	}
	if err := checkObjects(db, path, info.schema); err != nil {
		return err
	}
	return checkIntegrity(db, path)
}

// checkObjects refuses a file holding any trigger, view or table this
// program does not create.
func checkObjects(q interface {
	Query(string, ...any) (*sql.Rows, error)
}, path string, schema int) error {
	return checkObjectsIn(q, path, schema, "main")
}

func checkObjectsIn(q interface {
	Query(string, ...any) (*sql.Rows, error)
}, path string, schema int, dbName string) error {
	if schema == 0 {
		return nil // an empty file of ours being created: nothing yet
	}
	rows, err := q.Query(`SELECT type, name, tbl_name FROM ` + dbName + `.sqlite_schema`)
	if err != nil {
		return sqlFileErr(path, err)
	}
	defer rows.Close()
	var foreign []string
	found := map[string]bool{}
	for rows.Next() {
		var typ, name, tbl string
		if err := rows.Scan(&typ, &name, &tbl); err != nil {
			return sqlFileErr(path, err)
		}
		switch {
		case ourObjects[name] == typ:
			found[name] = true
		case optionalObjects[name] == typ:
		case typ == "index" && strings.HasPrefix(name, "sqlite_autoindex_") && ourObjects[tbl] == "table":
		case typ == "table" && strings.HasPrefix(name, "sqlite_stat"):
		default:
			kind := map[string]string{"trigger": "触发器", "view": "视图", "table": "表", "index": "索引"}[typ]
			foreign = append(foreign, kind+"「"+name+"」")
		}
	}
	if err := rows.Err(); err != nil {
		return sqlFileErr(path, err)
	}
	if len(foreign) > 0 {
		return fileErr(path, ErrForeignSQL, "含有本程序不会创建的内容：%s。文件可能被其他程序改动或被篡改，为安全起见拒绝打开，文件未被改动。",
			strings.Join(foreign, "、"))
	}
	for name := range ourObjects {
		if !found[name] {
			return fileErr(path, ErrCorrupt, "缺少数据表「%s」，文件不完整或被其他程序改动过。请从备份恢复；文件未被改动。", name)
		}
	}
	return nil
}

func checkIntegrity(db *sql.DB, path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	pragma := "PRAGMA integrity_check(20)"
	if st.Size() > quickCheckAbove {
		pragma = "PRAGMA quick_check(20)"
	}
	rows, err := db.Query(pragma)
	if err != nil {
		return sqlFileErr(path, err)
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return sqlFileErr(path, err)
		}
		if m != "ok" {
			msgs = append(msgs, m)
		}
	}
	if err := rows.Err(); err != nil {
		return sqlFileErr(path, err)
	}
	if len(msgs) > 0 {
		return fileErr(path, ErrCorrupt, "已损坏（完整性检查发现 %d 处问题）。请从备份恢复；文件未被改动。（技术信息：%s）", len(msgs), msgs[0])
	}
	return nil
}

// sqlFileErr words an SQLite error met while inspecting a file.
func sqlFileErr(path string, err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "not a database"), strings.Contains(msg, "malformed"), strings.Contains(msg, "corrupt"):
		return fileErr(path, ErrCorrupt, "已损坏，无法读取。请从备份恢复；文件未被改动。（技术信息：%v）", err)
	case strings.Contains(msg, "no such table"), strings.Contains(msg, "no such column"):
		return fileErr(path, ErrNotOurs, "缺少均衡评估助手的数据表，不是本程序保存的文件（%v）。", err)
	}
	return fmt.Errorf("读取「%s」失败：%w", path, err)
}
