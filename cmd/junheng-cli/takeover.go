package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"junheng/data"
)

// takeoverFlag adds --takeover to a command that opens a data file for
// editing: the command line's way to take over a lock note whose holder
// has closed the program (a crash on another computer leaves one).
func takeoverFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("takeover", false, "确认锁定文件的一方已关闭程序后，接管编辑")
}

// openForEdit opens a data file for editing, taking over its lock note
// with takeover and then saying, on notice, whose it was.
func openForEdit(path string, o data.OpenOptions, notice io.Writer) (*data.Store, error) {
	held := data.LockHolder(path)
	s, err := data.Open(path, o)
	if err != nil {
		var locked *data.LockedError
		if errors.As(err, &locked) {
			locked.TakeOverHint = "可加 --takeover 接管编辑"
		}
		return nil, err
	}
	if o.TakeOver && held != nil {
		fmt.Fprintf(notice, "已接管「%s」的编辑：原由%s自 %s 起锁定。\n", path, held.Holder(), held.Since.Local().Format("2006-01-02 15:04"))
	}
	return s, nil
}
