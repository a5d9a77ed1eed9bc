package data

import (
	"errors"
	"fmt"
	"time"
)

// Problem kinds of a file that cannot be opened. Test with errors.Is.
var (
	ErrNotFound   = errors.New("文件不存在")
	ErrEmpty      = errors.New("文件是空的")
	ErrNotOurs    = errors.New("不是均衡评估助手的数据文件")
	ErrTruncated  = errors.New("文件不完整")
	ErrCorrupt    = errors.New("文件已损坏")
	ErrNewer      = errors.New("文件来自较新版本的程序")
	ErrForeignSQL = errors.New("文件含有本程序不会创建的触发器或视图")
	ErrReadOnly   = errors.New("文件以只读方式打开")
)

// FileError says why a file was refused, in Chinese, for the clerk. The
// file has not been modified.
type FileError struct {
	Path   string
	Kind   error  // one of the Err… values above
	Detail string // the full Chinese explanation
}

func (e *FileError) Error() string { return e.Detail }

// Unwrap lets errors.Is(err, data.ErrNewer) and the like work.
func (e *FileError) Unwrap() error { return e.Kind }

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
}

func (e *LockedError) Error() string {
	who := e.User
	if e.Office != "" {
		who = e.Office + " 的 " + who
	}
	return fmt.Sprintf("文件「%s」正由%s（计算机 %s）自 %s 起编辑。可以只读方式打开；若确认对方已关闭程序，可选择接管编辑。",
		e.Path, who, e.Host, e.Since.Local().Format("2006-01-02 15:04"))
}
