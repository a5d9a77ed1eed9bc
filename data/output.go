package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrOutputExists is the kind of a refusal to replace an existing file
// that the clerk may replace on purpose (--force; the GUI's 替换).
var ErrOutputExists = errors.New("输出文件已存在")

// ErrOutputProtected is the kind of a refusal to write over a file that is
// never replaced, not even on purpose: the input, a data file, a data
// file's journal or lock note.
var ErrOutputProtected = errors.New("输出文件不能替换")

// journalMagic and walMagics open a rollback journal and a WAL file.
var (
	journalMagic = []byte{0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7}
	walMagics    = []uint32{0x377f0682, 0x377f0683}
)

// OutputOptions says how CheckOutput may treat an existing file.
type OutputOptions struct {
	// Force allows replacing an existing file that is none of the
	// protected ones (the command line's --force, the GUI's 替换).
	Force bool
	// Inputs are the files the command reads: the output may never be one
	// of them, under whatever name.
	Inputs []string
}

// CheckOutput is the one guard before any file is written at a name the
// clerk gave (a PDF, a workbook, an archive, an export): it returns nil
// when out does not exist, or exists and may be replaced (Force). It
// refuses, even with Force, the input itself, a junheng data file (SQLite
// header and this program's application id), a data file's journal or
// lock note, a folder and anything not a regular file, with a Chinese
// sentence naming the file and what to do.
func CheckOutput(out string, o OutputOptions) error {
	name := filepath.Base(out)
	if base, kind := beside(out); base != "" && IsDataFile(base) {
		return &FileError{Path: out, Kind: ErrOutputProtected, Detail: "「" + name + "」是数据文件「" + filepath.Base(base) + "」的" + kind +
			"，不能写在这个名字上（否则数据文件会被破坏）。请换一个文件名。"}
	}
	st, err := os.Stat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return osErr(out, err)
	}
	protected := func(what string) error {
		return &FileError{Path: out, Kind: ErrOutputProtected, Detail: "「" + name + "」" + what + "，任何情况下都不会被替换。请换一个文件名。"}
	}
	for _, in := range o.Inputs {
		if in == "" || in == "-" {
			continue
		}
		if ist, err := os.Stat(in); err == nil && os.SameFile(st, ist) {
			return protected("就是本命令读取的输入文件「" + filepath.Base(in) + "」")
		}
	}
	switch {
	case st.IsDir():
		return protected("是一个文件夹")
	case !st.Mode().IsRegular():
		return protected("不是普通文件（可能是设备或管道）")
	case IsDataFile(out):
		return protected("是均衡评估助手的数据文件")
	case isJournal(out):
		return protected("是数据库的日志文件")
	}
	if !o.Force {
		return &FileError{Path: out, Kind: ErrOutputExists, Detail: "「" + name + "」已存在，不会覆盖。请换一个文件名；确要替换它，请加 --force。"}
	}
	return nil
}

// beside returns, for a name of the form FILE-journal, FILE-wal or
// FILE.lock, FILE and what the name is to it ("" if none).
func beside(out string) (string, string) {
	for suffix, kind := range map[string]string{"-journal": "日志文件", "-wal": "日志文件", ".lock": "锁定标记"} {
		if base, ok := strings.CutSuffix(out, suffix); ok && base != "" {
			return base, kind
		}
	}
	return "", ""
}

// IsDataFile reports whether the file at path begins as a junheng data
// file: SQLite's header with this program's application id. Only the
// first 100 bytes are read.
func IsDataFile(path string) bool {
	head := readHead(path, 100)
	return len(head) == 100 && bytes.Equal(head[:16], sqliteMagic) && binary.BigEndian.Uint32(head[68:72]) == ApplicationID
}

// isJournal reports whether the file at path begins as an SQLite rollback
// journal or WAL file.
func isJournal(path string) bool {
	head := readHead(path, 8)
	if len(head) < 8 {
		return false
	}
	if bytes.Equal(head, journalMagic) {
		return true
	}
	w := binary.BigEndian.Uint32(head[:4])
	return w == walMagics[0] || w == walMagics[1]
}

// readHead reads up to n bytes from the start of a regular file.
func readHead(path string, n int) []byte {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	b := make([]byte, n)
	k, _ := f.ReadAt(b, 0)
	return b[:k]
}
