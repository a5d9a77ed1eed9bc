package data

import "golang.org/x/sys/windows"

// documentsDir asks Windows for the Documents known folder, so a folder
// moved by the user or by policy is honoured.
func documentsDir() (string, error) {
	return windows.KnownFolderPath(windows.FOLDERID_Documents, windows.KF_FLAG_CREATE)
}
