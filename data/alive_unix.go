//go:build !windows

package data

import (
	"errors"
	"os"
	"syscall"
)

// processAlive reports whether a process of this computer still runs.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}
