package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"syscall"

	"junheng/data"
	"junheng/data/safefile"
)

// Exit codes: 0 done, 1 failed (the input may be fine: try again once the
// cause is gone), 2 invalid input or usage.
const (
	exitFailed  = 1
	exitInvalid = 2
)

// exitCode is the one mapping of an error to an exit code, used by every
// command: a file that is busy, locked by another office, on a full or
// read-only disk, without permission or with a disk error is a failure
// (1) — the data may be fine, so it is never reported as invalid input;
// everything else that stops a command reading its input is invalid
// input (2).
func exitCode(err error) int {
	if isAccessFailure(err) {
		return exitFailed
	}
	return exitInvalid
}

// isAccessFailure reports whether err says only that a file could not be
// reached or written at this moment, not that its content is wrong.
func isAccessFailure(err error) bool {
	var access *data.AccessError
	var locked *data.LockedError
	var write *data.WriteError
	if errors.As(err, &access) || errors.As(err, &locked) || errors.As(err, &write) {
		return true
	}
	for _, kind := range []error{data.ErrBusy, data.ErrDiskFull, data.ErrPermission, data.ErrIO} {
		if errors.Is(err, kind) {
			return true
		}
	}
	var sys *safefile.Error
	if errors.As(err, &sys) {
		// The system's own error: a missing file or a folder given as a
		// file is the clerk's input; any other (permission, disk full,
		// in use, disk error) is access.
		return !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.EISDIR) && !errors.Is(err, syscall.ENAMETOOLONG)
	}
	return false
}

// failed prints err (a Chinese sentence) and returns its exit code.
func failed(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, err)
	return exitCode(err)
}

// stdoutFailed says that writing to standard output failed (the pipe was
// closed, the disk of a redirect is full) in Chinese, without the
// system's English, and returns 1.
func stdoutFailed(stderr io.Writer, err error) int {
	why := "输出被中断（接收的程序已退出或管道已关闭）"
	switch {
	case errors.Is(err, syscall.ENOSPC):
		why = "磁盘空间已满"
	case errors.Is(err, fs.ErrPermission):
		why = "没有写入权限"
	}
	fmt.Fprintf(stderr, "写到标准输出失败：%s，输出不完整。\n", why)
	return exitFailed
}
