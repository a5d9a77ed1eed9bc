package data

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"modernc.org/sqlite"

	"junheng/app/format"
	"junheng/data/safefile"
)

// Problem kinds of a file that cannot be opened, read or written. Test with
// errors.Is.
var (
	ErrNotFound   = errors.New("文件不存在")
	ErrEmpty      = errors.New("文件是空的")
	ErrNotOurs    = errors.New("不是均衡评估助手的数据文件")
	ErrTruncated  = errors.New("文件不完整")
	ErrCorrupt    = errors.New("文件已损坏")
	ErrNewer      = errors.New("文件来自较新版本的程序")
	ErrForeignSQL = errors.New("文件含有本程序不会创建的触发器或视图")
	ErrReadOnly   = errors.New("文件以只读方式打开")
	ErrJournal    = errors.New("文件旁的日志文件不属于它")

	// Kinds of a failed read or write of a file that is itself fine.
	ErrBusy       = errors.New("文件正被另一程序使用")
	ErrDiskFull   = errors.New("磁盘空间已满")
	ErrPermission = errors.New("没有权限或文件只读")
	ErrIO         = errors.New("磁盘读写错误")
)

// FileError says what is wrong with a file, in Chinese, for the clerk: a
// file refused by Open (not found, not ours, damaged, newer, foreign SQL),
// or damage met while reading it (then Err is the library's own error, for
// logs). A file merely busy or not writable is an *AccessError instead.
type FileError struct {
	Path   string
	Kind   error  // one of the Err… values above
	Detail string // the full Chinese explanation
	Err    error  // the underlying library or system error, if any
}

func (e *FileError) Error() string { return e.Detail }

// Unwrap lets errors.Is(err, data.ErrNewer) and the like work.
func (e *FileError) Unwrap() []error {
	if e.Err != nil {
		return []error{e.Kind, e.Err}
	}
	return []error{e.Kind}
}

func fileErr(path string, kind error, format string, args ...any) *FileError {
	return &FileError{Path: path, Kind: kind, Detail: fmt.Sprintf("「%s」", path) + fmt.Sprintf(format, args...)}
}

// LockedError is returned by Open when another user holds the file for
// editing. The caller may open it with OpenOptions.ReadOnly, or with
// OpenOptions.TakeOver once the other user confirms they have closed it.
type LockedError struct {
	Path   string
	Office string
	User   string
	Host   string
	Since  time.Time
	Mine   bool // the same user on this computer: another window of the clerk's own
	// TakeOverHint is how this front end takes over a lock (the command
	// line's --takeover); "" for the GUI's own choice.
	TakeOverHint string
}

func (e *LockedError) Error() string {
	if e.Mine {
		return fmt.Sprintf("文件「%s」已在本机另一个均衡评估助手窗口中打开编辑（使用人 %s，自 %s 起）。请切换到那个窗口继续；也可以只读方式打开。",
			e.Path, format.Safe(e.User), e.Since.Local().Format("2006-01-02 15:04"))
	}
	hint := e.TakeOverHint
	if hint == "" {
		hint = "可选择接管编辑"
	}
	return fmt.Sprintf("文件「%s」正由%s自 %s 起编辑。可以只读方式打开；若确认对方已关闭程序，%s。", e.Path, e.Holder(), e.Since.Local().Format("2006-01-02 15:04"), hint)
}

// Holder names who holds the lock: office, user and computer, safe to
// print (the note is a file anyone may write).
func (e *LockedError) Holder() string {
	who := format.Safe(e.User)
	if e.Office != "" {
		who = format.Safe(e.Office) + " 的 " + who
	}
	return who + "（计算机 " + format.Safe(e.Host) + "）"
}

// explain is the one translator of SQLite and system errors about the data
// file at path into a Chinese sentence naming the file. Errors already
// worded (FileError, LockedError, safefile.Error, the validator's
// problems, our own Chinese sentences) pass through; an error wrapping a
// library error keeps its Chinese context and gets the sentence instead
// of the library's English. nil stays nil.
func explain(path string, err error) error {
	if err == nil || err == io.EOF || errors.Is(err, driver.ErrBadConn) || errors.Is(err, driver.ErrSkip) {
		return err
	}
	var fe *FileError
	var ae *AccessError
	var le *LockedError
	var se *safefile.Error
	if errors.As(err, &fe) || errors.As(err, &ae) || errors.As(err, &le) || errors.As(err, &se) {
		return err
	}
	inner := libraryError(err)
	if inner == nil {
		return err
	}
	worded := explainLibrary(path, inner)
	if inner != err {
		// Keep the caller's Chinese context ("升级数据格式失败：…").
		context := strings.TrimSuffix(err.Error(), inner.Error())
		worded = &FileError{Path: path, Kind: worded.Kind, Err: err, Detail: context + worded.Detail}
	}
	return sortOut(worded)
}

// AccessError is a file that could not be read or written at this moment
// — busy, disk full, no permission, a disk error — while nothing is known
// to be wrong with its content (that is a *FileError). Trying again once
// the cause is gone may succeed; a command line reports it as a failure,
// never as invalid input.
type AccessError struct {
	Path   string
	Kind   error  // ErrBusy, ErrDiskFull, ErrPermission or ErrIO
	Detail string // the full Chinese explanation
	Err    error  // the underlying library or system error
}

func (e *AccessError) Error() string   { return e.Detail }
func (e *AccessError) Unwrap() []error { return []error{e.Kind, e.Err} }

// sortOut returns a worded error as a *FileError when the file's content
// is in question, as an *AccessError when only the access failed.
func sortOut(e *FileError) error {
	switch e.Kind {
	case ErrBusy, ErrDiskFull, ErrPermission, ErrIO:
		return &AccessError{Path: e.Path, Kind: e.Kind, Detail: e.Detail, Err: e.Err}
	}
	return e
}

// libraryError finds the SQLite or system error inside err, if any.
func libraryError(err error) error {
	var sq *sqlite.Error
	if errors.As(err, &sq) {
		return sq
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le
	}
	var no syscall.Errno
	if errors.As(err, &no) {
		return no
	}
	return nil
}

// SQLite result codes (sqlite3.h): the primary code is the low byte.
const (
	sqPERM              = 3
	sqABORT             = 4
	sqBUSY              = 5
	sqLOCKED            = 6
	sqNOMEM             = 7
	sqREADONLY          = 8
	sqINTERRUPT         = 9
	sqIOERR             = 10
	sqCORRUPT           = 11
	sqFULL              = 13
	sqCANTOPEN          = 14
	sqTOOBIG            = 18
	sqAUTH              = 23
	sqFORMAT            = 24
	sqNOTADB            = 26
	sqREADONLY_ROLLBACK = sqREADONLY | 3<<8
	sqIOERR_NOMEM       = sqIOERR | 12<<8
)

// explainLibrary words one SQLite or system error.
func explainLibrary(path string, err error) *FileError {
	var sq *sqlite.Error
	if !errors.As(err, &sq) {
		return osFileErr(path, err)
	}
	name := filepath.Base(path)
	if path == "" {
		name = "数据文件"
	}
	f := func(kind error, format string, args ...any) *FileError {
		return &FileError{Path: path, Kind: kind, Err: err, Detail: fmt.Sprintf("「%s」", name) + fmt.Sprintf(format, args...)}
	}
	code := sq.Code()
	switch code & 0xff {
	case sqBUSY, sqLOCKED:
		return f(ErrBusy, "正被另一程序使用，请关闭它后再试（已等待 %d 秒）。之前保存的数据不受影响。", busyTimeoutMS/1000)
	case sqFULL:
		return wrapOS(path, err, syscall.ENOSPC, ErrDiskFull)
	case sqREADONLY:
		if code == sqREADONLY_ROLLBACK {
			return f(ErrCorrupt, "上次写入时程序意外中断，需要先恢复到最后保存的状态；以编辑方式打开一次即可恢复。")
		}
		return wrapOS(path, err, syscall.EACCES, ErrPermission)
	case sqPERM, sqAUTH:
		return wrapOS(path, err, syscall.EACCES, ErrPermission)
	case sqCANTOPEN:
		if _, statErr := os.Stat(path); errors.Is(statErr, fs.ErrNotExist) {
			return wrapOS(path, err, syscall.ENOENT, ErrNotFound)
		}
		return wrapOS(path, err, syscall.EACCES, ErrPermission)
	case sqCORRUPT, sqNOTADB, sqFORMAT:
		return f(ErrCorrupt, "已损坏，无法读取。请从备份恢复。")
	case sqIOERR:
		if code == sqIOERR_NOMEM {
			return f(ErrIO, "读写时内存不足。请关闭其他程序后再试。")
		}
		return wrapOS(path, err, syscall.EIO, ErrIO)
	case sqNOMEM:
		return f(ErrIO, "读写时内存不足。请关闭其他程序后再试。")
	case sqINTERRUPT, sqABORT:
		return f(ErrIO, "的操作被中断，本次操作未完成。请再试一次。")
	case sqTOOBIG:
		return f(ErrIO, "中的一项数据过大，无法保存。")
	}
	msg := sq.Error()
	if strings.Contains(msg, "no such table") || strings.Contains(msg, "no such column") {
		return f(ErrNotOurs, "缺少均衡评估助手的数据表，不是本程序保存的文件，或由较新版本的程序改动过。")
	}
	return f(ErrIO, "读写失败（数据库内部错误，代码 %d）。请检查文件和所在文件夹后再试；如果反复出现，请从备份恢复。", code)
}

// osErr words a system error with safefile's sentences, the one wording of
// file-system errors.
func osErr(path string, err error) error { return sortOut(osFileErr(path, err)) }

func osFileErr(path string, err error) *FileError {
	kind := ErrIO
	switch {
	case errors.Is(err, syscall.ENOSPC):
		kind = ErrDiskFull
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		kind = ErrPermission
	case errors.Is(err, fs.ErrNotExist):
		kind = ErrNotFound
	}
	return &FileError{Path: path, Kind: kind, Err: err, Detail: safefile.Explain(path, err).Error()}
}

// wrapOS words an SQLite error through the system error it stands for.
func wrapOS(path string, err error, errno syscall.Errno, kind error) *FileError {
	e := osFileErr(path, &fs.PathError{Op: "sqlite", Path: path, Err: errno})
	e.Kind, e.Err = kind, err
	return e
}
