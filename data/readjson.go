package data

import (
	"errors"
	"fmt"
	"io"
	"os"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/data/safefile"
)

// ErrTooLarge is the kind of a county file refused for its size: more
// than MaxJSONBytes, or more than MaxSchools schools in its year.
var ErrTooLarge = errors.New("县域数据文件超过上限")

// ReadCountyJSON is the one reader of a county JSON file, for every
// command and the program alike: path, or stdin when path is "-". A path
// that is not a regular file (a pipe, a device, a folder) is refused at
// once; a file or stream of more than MaxJSONBytes is refused before or
// while it is read, never read past the limit; a year of more than
// MaxSchools schools is refused after decoding. Every refusal is a
// *FileError naming the file; a file the system cannot read is its
// *safefile.Error.
func ReadCountyJSON(path string, stdin io.Reader) (*county.File, error) {
	shown := path
	var r io.Reader = stdin
	if path == "-" {
		shown = "标准输入"
	} else {
		st, err := os.Stat(path)
		if err != nil {
			return nil, safefile.Explain(path, err)
		}
		if st.IsDir() {
			return nil, fileErr(path, ErrNotOurs, "是一个文件夹，不是县域数据 JSON 文件。请指定一个 .json 文件。")
		}
		if !st.Mode().IsRegular() {
			return nil, fileErr(path, ErrNotOurs, "不是普通文件（是管道、设备或套接字），未读取。请先把数据保存为 .json 文件，或用 - 从标准输入读取。")
		}
		if st.Size() > MaxJSONBytes {
			return nil, tooLarge(path, st.Size())
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, safefile.Explain(path, err)
		}
		defer f.Close()
		r = f
	}
	raw, err := io.ReadAll(io.LimitReader(r, MaxJSONBytes+1))
	if err != nil {
		return nil, safefile.Explain(path, err)
	}
	if len(raw) > MaxJSONBytes {
		return nil, tooLarge(shown, int64(len(raw)))
	}
	f, err := county.Decode(raw)
	if err != nil {
		return nil, &FileError{Path: path, Kind: ErrNotOurs, Err: err, Detail: fmt.Sprintf("「%s」：%v", format.Safe(baseName(shown)), err)}
	}
	if len(f.Schools) > MaxSchools {
		return nil, &FileError{Path: path, Kind: ErrTooLarge, Detail: fmt.Sprintf("「%s」的 %s 学年有 %s 所学校，超过一个学年的上限 %s 所，未读取。请按市或县分成几个文件。",
			format.Safe(baseName(shown)), format.Safe(f.Year), format.Int(len(f.Schools)), format.Int(MaxSchools))}
	}
	return f, nil
}

// tooLarge refuses a file or stream of size bytes (at least, for a stream
// cut at the limit).
func tooLarge(name string, size int64) error {
	what := fmt.Sprintf("有 %s MB，超过", format.Int(int(size>>20)))
	if name == "标准输入" {
		what = "的内容超过" // a stream is cut at the limit: its size is not known
	}
	return &FileError{Path: name, Kind: ErrTooLarge, Detail: fmt.Sprintf("「%s」%s县域数据文件的上限 %s MB（一个学年最多 %s 所学校），未读取。请按市或县分成几个文件。",
		format.Safe(baseName(name)), what, format.Int(MaxJSONBytes>>20), format.Int(MaxSchools))}
}
