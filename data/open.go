package data

import (
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"junheng/data/safefile"
)

// reading is a data file inspected and opened for reading only: the file
// itself, or — when a crashed writer left a hot journal beside it — a
// private copy of file and journal that SQLite rolled back, so that the
// last saved state is read without writing a byte of the original.
type reading struct {
	db      *sql.DB
	info    fileInfo
	file    string // the file db reads: path, or the recovered copy
	scratch string // folder of the recovered copy, removed by close
}

func (r *reading) close() {
	if r.db != nil {
		r.db.Close()
		r.db = nil
	}
	if r.scratch != "" {
		os.RemoveAll(r.scratch)
		r.scratch = ""
	}
}

// openReading is the one way to open a data file for reading: Open with
// ReadOnly, PlanMerge's other file and Restore's backup all come here, so
// all get the same inspection.
func openReading(path string) (*reading, error) {
	for attempt := 0; ; attempt++ {
		info, err := inspect(path)
		if err != nil {
			return nil, err
		}
		if !info.hotJournal {
			return &reading{db: openSQL(path, true), info: info, file: path}, nil
		}
		r, err := recoverCopy(path)
		if errors.Is(err, fs.ErrNotExist) && attempt == 0 {
			continue // another program rolled the journal back meanwhile
		}
		return r, err
	}
}

// recoverCopy lets SQLite roll a hot journal back on a private copy of the
// file and journal, and inspects the result.
func recoverCopy(path string) (*reading, error) {
	dir, err := os.MkdirTemp("", "junheng-recover-")
	if err != nil {
		return nil, osErr(os.TempDir(), err)
	}
	r := &reading{scratch: dir, file: filepath.Join(dir, "recovered.db")}
	fail := func(err error) (*reading, error) { r.close(); return nil, err }
	if err := safefile.CopyFile(r.file, path); err != nil {
		return fail(err)
	}
	if err := safefile.CopyFile(r.file+"-journal", path+"-journal"); err != nil {
		if _, statErr := os.Stat(path + "-journal"); errors.Is(statErr, fs.ErrNotExist) {
			return fail(statErr)
		}
		return fail(err)
	}
	rollErr := rollBack(r.file, path)
	info, err := inspectAs(r.file, path)
	if rollErr != nil {
		err = rollErr
	} else if err == nil && info.hotJournal {
		err = fileErr(path, ErrCorrupt, "的日志无法回滚。")
	}
	if err != nil {
		return fail(fileErr(path, ErrJournal, "旁边有上次写入中断时留下的日志文件「%s」，但按它恢复得到的不是完好的均衡评估助手数据文件（%s）。这份日志可能不属于此文件。只读打开没有改动文件和日志；请以编辑方式打开一次，程序会先备份二者再处理。",
			filepath.Base(path)+"-journal", reason(path, err)))
	}
	r.info = info
	r.db = openSQLAs(r.file, path, true)
	return r, nil
}

// rollBack opens file read-write once, so that SQLite rolls back the hot
// journal beside it (and deletes the journal).
func rollBack(file, shown string) error {
	db := openSQLAs(file, shown, false)
	defer db.Close()
	var n int
	return db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&n)
}

// recoverJournal rolls back the hot journal beside the store's file in
// place, for an editing open. Before SQLite touches anything, byte copies
// of the file and of its journal go to the backup folder (reason 恢复前,
// the journal copy beside the file copy, so the pair is the state as
// found). If the rolled-back file is not a healthy file of ours — the
// journal belonged to another file, say — the copy is put back and the
// message says so, and whether the bytes are provably those found.
func (s *Store) recoverJournal(before openedSum) error {
	path, journal := s.path, s.path+"-journal"
	copyPath, err := s.backupName("恢复前")
	if err != nil {
		return err
	}
	if err := safefile.CopyFile(copyPath, path); err != nil {
		return fileErr(path, ErrJournal, "旁边有上次写入中断时留下的日志文件，恢复前需要先备份，但备份失败，未恢复：%s", err)
	}
	if err := safefile.CopyFile(copyPath+"-journal", journal); err != nil {
		os.Remove(copyPath)
		if _, statErr := os.Stat(journal); errors.Is(statErr, fs.ErrNotExist) {
			return nil // another program rolled it back meanwhile; the caller inspects again
		}
		return fileErr(path, ErrJournal, "旁边有上次写入中断时留下的日志文件，恢复前需要先备份，但备份失败，未恢复：%s", err)
	}
	rollErr := rollBack(path, path)
	info, err := inspect(path)
	if rollErr != nil {
		err = rollErr
	} else if err == nil && info.hotJournal {
		err = fileErr(path, ErrCorrupt, "的日志无法回滚。")
	}
	if err == nil {
		s.prune()
		return nil
	}
	why := reason(path, err)
	// Put the file back as it was found.
	if cerr := safefile.CopyFile(path, copyPath); cerr != nil {
		return fileErr(path, ErrJournal, "旁边有上次写入中断时留下的日志文件「%s」，按它恢复后文件不是完好的均衡评估助手数据文件（%s），而放回原文件也失败了（%s）。原文件和日志的副本保存在「%s」，请勿删除，从那里或其他备份恢复。",
			filepath.Base(journal), why, cerr, copyPath)
	}
	after, _ := before.again(path)
	state := "已把文件放回恢复前的样子（与打开前逐字节相同）"
	if after != before.v || !before.full {
		state = "已把文件放回恢复前备份的样子，但它与打开前读到的内容不一致，可能另一程序同时在写入它"
	}
	jstate := "日志已被移走"
	if _, err := os.Stat(journal); err == nil {
		jstate = "日志仍在原处"
	}
	return fileErr(path, ErrJournal, "旁边有上次写入中断时留下的日志文件「%s」，但按它恢复后文件不是完好的均衡评估助手数据文件（%s），这份日志多半不属于此文件。%s，%s；恢复前的文件和日志的副本保存在「%s」。可以再打开一次；若仍有问题，请从备份恢复。",
		filepath.Base(journal), why, state, jstate, filepath.Dir(copyPath))
}

// reason is what is wrong, from a refusal: its first sentence without the
// file name it starts with.
func reason(path string, err error) string {
	msg := explain(path, err).Error()
	for _, name := range []string{"「" + path + "」", "「" + filepath.Base(path) + "」"} {
		if rest, ok := strings.CutPrefix(msg, name); ok {
			msg = rest
			break
		}
	}
	if i := strings.Index(msg, "。"); i >= 0 {
		msg = msg[:i] // the first sentence: what is wrong, not what to do
	}
	return msg
}

// hashFile is the SHA-256 of the file's bytes (zero when it cannot be read).
func hashFile(path string) ([32]byte, error) {
	var sum [32]byte
	f, err := os.Open(path)
	if err != nil {
		return sum, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return sum, err
	}
	copy(sum[:], h.Sum(nil))
	return sum, nil
}

// claimUnchanged ends a refusal with 文件未被改动 only when the file's bytes
// are provably those found before (same SHA-256), and says so when they
// are not. recovered: before is the state after a journal was rolled back.
func claimUnchanged(path string, before openedSum, haveBefore, recovered bool, err error) error {
	var fe *FileError
	if !errors.As(err, &fe) || errors.Is(err, ErrNotFound) || strings.Contains(err.Error(), "逐字节") || !haveBefore {
		return err
	}
	after, herr := before.again(path)
	if herr != nil {
		return err
	}
	msg := strings.TrimRight(err.Error(), "。") + "。"
	switch {
	case after == before.v && recovered:
		msg += "除按日志恢复到最后保存的状态外（恢复前的副本在「" + SideFolderName + "」文件夹），文件未被改动。"
	case after == before.v:
		msg += "文件未被改动。"
	default:
		msg += "注意：文件在打开过程中发生了变化，可能另一程序正在写入它。"
	}
	return &FileError{Path: fe.Path, Kind: fe.Kind, Err: err, Detail: msg}
}

// fullSumUpTo is the size up to which Open hashes the whole file to tell,
// when it refuses it, whether the bytes are those it found. A file of
// attachments may hold 2 GB: hashing it would cost seconds at each open.
const fullSumUpTo = 64 << 20

// openedSum is what Open knows of a file's bytes when it starts: the
// SHA-256 of all of them (full), or, for a large file with no journal
// beside it, of its size, modification time and first and last MB — a
// write by another program changes the time, and nothing of ours writes
// before the checks that may refuse the file.
type openedSum struct {
	full bool
	v    [32]byte
}

// openSum takes the openedSum of path: whole when small or when a journal
// lies beside it (its recovery compares bytes).
func openSum(path string) (openedSum, error) {
	st, err := os.Stat(path)
	if err != nil {
		return openedSum{}, err
	}
	_, jerr := os.Stat(path + "-journal")
	s := openedSum{full: st.Size() <= fullSumUpTo || jerr == nil}
	s.v, err = s.again(path)
	return s, err
}

// again sums path the same way as s was taken.
func (s openedSum) again(path string) ([32]byte, error) {
	if s.full {
		return hashFile(path)
	}
	var sum [32]byte
	f, err := os.Open(path)
	if err != nil {
		return sum, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return sum, err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%d %d\n", st.Size(), st.ModTime().UnixNano())
	const part = 1 << 20
	if _, err := io.Copy(h, io.NewSectionReader(f, 0, part)); err != nil {
		return sum, err
	}
	if _, err := io.Copy(h, io.NewSectionReader(f, max(0, st.Size()-part), part)); err != nil {
		return sum, err
	}
	copy(sum[:], h.Sum(nil))
	return sum, nil
}
