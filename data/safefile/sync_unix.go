//go:build !windows

package safefile

import "os"

const windows = false

// syncDir flushes the folder entry of a rename, so the new name survives a
// power cut. Errors are ignored: some file systems cannot sync a folder.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
