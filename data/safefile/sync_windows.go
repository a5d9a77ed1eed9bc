//go:build windows

package safefile

const windows = true

// syncDir is not needed on Windows: NTFS journals the rename itself.
func syncDir(string) {}
