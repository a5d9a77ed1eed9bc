package data

import (
	"errors"
	"io/fs"
	"path/filepath"

	"junheng/app/format"
)

// readErr words an error met while reading the data file at path: the
// driver's own sentence (every SQLite error is worded by the connection)
// or, for what only database/sql says in English (a stored value it cannot
// scan: "sql: Scan error on column …"), a Chinese sentence that the file
// holds what this program never writes. A read never says 写入…失败.
func readErr(path string, err error) error {
	if err == nil {
		return nil
	}
	var worded *FileError
	var access *AccessError
	if errors.As(err, &worded) || errors.As(err, &access) {
		return err
	}
	if libraryError(err) != nil {
		return explain(path, err)
	}
	name := "数据文件"
	if path != "" {
		name = "「" + format.Safe(filepath.Base(path)) + "」"
	}
	return &FileError{Path: path, Kind: ErrCorrupt, Err: err,
		Detail: name + "中存有本程序不会写入的值，无法读取，文件可能被其他程序改动过。请用 junheng-cli check 查看问题所在，并从「" + SideFolderName + "」文件夹中的备份恢复。"}
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
