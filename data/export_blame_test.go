package data

import (
	"errors"
	"strings"
	"testing"
)

// Issue 21 §8, as found: on a full disk `export` blamed the source file
// (SQLite's error on the source's connection, which VACUUM INTO runs on).
// The message names the file being written and keeps the kind (exit 1).
func TestExportFullDiskNamesTheOutput(t *testing.T) {
	src := &AccessError{Path: "/县/义马.db", Kind: ErrDiskFull, Detail: "「义马.db」无法写入：磁盘空间已满。"}
	err := blameOutput("/盘/给乡镇.db", src)
	if !strings.Contains(err.Error(), "给乡镇.db") || strings.Contains(err.Error(), "义马.db") || !errors.Is(err, ErrDiskFull) {
		t.Errorf("full disk while exporting: %v", err)
	}
	busy := &AccessError{Path: "/县/义马.db", Kind: ErrBusy, Detail: "「义马.db」正被另一程序使用"}
	if got := blameOutput("/盘/给乡镇.db", busy); got != busy {
		t.Errorf("a busy source is the source's: %v", got)
	}
}
