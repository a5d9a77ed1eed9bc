package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Error is a failed file operation worded for the clerk. Err keeps the
// system's own error for logs and errors.Is.
type Error struct {
	Path    string
	Message string // the whole Chinese sentence, naming the file
	Err     error
}

func (e *Error) Error() string { return e.Message }
func (e *Error) Unwrap() error { return e.Err }

// Explain turns a system error about the file at path into a Chinese
// sentence that names the file and says what to do. An *Error passes
// through unchanged; nil stays nil.
func Explain(path string, err error) error {
	if err == nil {
		return nil
	}
	var already *Error
	if errors.As(err, &already) {
		return already
	}
	name := filepath.Base(path)
	return &Error{Path: path, Err: err, Message: fmt.Sprintf("「%s」%s", name, reason(path, err))}
}

// reason is the part of the sentence after the file name.
func reason(path string, err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC) || isWindowsErrno(err, 112, 39): // ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL
		return "无法写入：磁盘空间已满。请删除不需要的文件或换一个磁盘后再试。"
	case errors.Is(err, syscall.EROFS):
		return "无法写入：所在磁盘或共享文件夹是只读的。请换一个可写的文件夹后再试。"
	case isWindowsErrno(err, 32, 33): // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
		return "正被另一程序使用，请关闭它（例如 Excel、WPS 或 PDF 阅读器）后再试。"
	case errors.Is(err, fs.ErrPermission):
		return "无法访问：没有权限。请确认文件未设为只读、未被其他程序打开，并有该文件夹的写入权限。"
	case errors.Is(err, fs.ErrNotExist):
		if _, statErr := os.Stat(filepath.Dir(path)); statErr != nil {
			return fmt.Sprintf("无法访问：文件夹「%s」不存在。请先选择一个存在的文件夹。", filepath.Dir(path))
		}
		return "不存在。请检查文件名和所在文件夹。"
	case errors.Is(err, syscall.EISDIR):
		return "是一个文件夹，不是文件。请选择一个文件。"
	case errors.Is(err, syscall.ENAMETOOLONG) || isWindowsErrno(err, 206):
		return "的文件名过长。请换一个较短的文件名或文件夹。"
	case errors.Is(err, syscall.EIO):
		return "读写时出现磁盘错误。请检查磁盘或网络连接后再试。"
	}
	return "读写失败（" + plain(err) + "）。请检查文件和所在文件夹后再试。"
}

// plain keeps only the system's own description of err, without Go's
// "open /path:" prefix, for the rare case no sentence above fits.
func plain(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	return strings.TrimSpace(err.Error())
}

// isWindowsErrno reports whether err carries one of the given Windows
// error numbers (syscall.Errno has the same type name on every system).
func isWindowsErrno(err error, codes ...uintptr) bool {
	var no syscall.Errno
	if !errors.As(err, &no) {
		return false
	}
	if !windows {
		return false
	}
	for _, c := range codes {
		if uintptr(no) == c {
			return true
		}
	}
	return false
}
