package data

import (
	"fmt"
	"os"
	"path/filepath"
)

// FolderName is the program's folder inside the user's documents.
const FolderName = "均衡评估助手"

// DefaultFolder is where new data files, the demo county and exports go
// unless the clerk chooses otherwise: 我的文档\均衡评估助手 on Windows (the
// Documents known folder, which may be redirected to OneDrive or a server),
// the XDG documents folder elsewhere. It is created when missing.
func DefaultFolder() (string, error) {
	docs, err := documentsDir()
	if err != nil {
		return "", fmt.Errorf("找不到「文档」文件夹：%w", osErr(FolderName, err))
	}
	dir := filepath.Join(docs, FolderName)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", osErr(dir, err)
	}
	return dir, nil
}
