//go:build windows

package data

import "os"

// processAlive reports whether a process of this computer still runs: on
// Windows FindProcess opens the process and fails when it is gone.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
