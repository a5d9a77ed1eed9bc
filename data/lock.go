package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"
)

// lockNote is written beside the data file (FILE.db.lock) while a program
// has it open for editing. SQLite's own locks last one transaction only;
// the note tells a second office, opening the same file on a share, who is
// working on it, so it can open it read-only instead of editing the same
// data twice.
type lockNote struct {
	Office string    `json:"office"`
	User   string    `json:"user"`
	Host   string    `json:"host"`
	PID    int       `json:"pid"`
	Since  time.Time `json:"since"`
}

func lockPath(path string) string { return path + ".lock" }

// takeLock writes our note, or returns a *LockedError naming the holder.
// A note left by a crashed program of this computer (its process is gone)
// is taken over silently; one from another computer only with takeOver.
func takeLock(path string, me lockNote, takeOver bool) error {
	lp := lockPath(path)
	for attempt := 0; attempt < 2; attempt++ {
		f, err := os.OpenFile(lp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			data, _ := json.Marshal(me)
			_, werr := f.Write(data)
			cerr := f.Close()
			if werr != nil || cerr != nil {
				os.Remove(lp)
				return fmt.Errorf("无法写入锁定标记：%w", osErr(lp, errors.Join(werr, cerr)))
			}
			return nil
		}
		if !errors.Is(err, os.ErrExist) {
			return fmt.Errorf("无法写入锁定标记（可以只读方式打开）：%w", osErr(lp, err))
		}
		held, rerr := readLock(path)
		stale := rerr != nil || held.stale(me)
		if !stale && !takeOver {
			return &LockedError{Path: path, Office: held.Office, User: held.User, Host: held.Host, Since: held.Since,
				Mine: held.Host == me.Host && held.User == me.User}
		}
		if err := os.Remove(lp); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("无法移除旧的锁定标记：%w", osErr(lp, err))
		}
	}
	return fmt.Errorf("无法写入锁定标记「%s」：另一个程序同时在打开此文件", lp)
}

// stale reports whether a note was left by a program of this computer that
// no longer runs (killed, crashed): it holds nothing and names no one.
func (n lockNote) stale(me lockNote) bool {
	return n.Host == me.Host && !processAlive(n.PID)
}

func readLock(path string) (lockNote, error) {
	var n lockNote
	data, err := os.ReadFile(lockPath(path))
	if err != nil {
		return n, err
	}
	err = json.Unmarshal(data, &n)
	return n, err
}

// releaseLock removes the note if it is still ours.
func releaseLock(path string, me lockNote) {
	held, err := readLock(path)
	if err == nil && held.Host == me.Host && held.PID == me.PID && held.Since.Equal(me.Since) {
		os.Remove(lockPath(path))
	}
}

// LockHolder is who holds the lock note beside the data file at path, as
// the *LockedError a second editor would get; nil when there is none or
// it cannot be read. The command line names it when it takes over.
func LockHolder(path string) *LockedError {
	n, err := readLock(path)
	if err != nil {
		return nil
	}
	return &LockedError{Path: path, Office: n.Office, User: n.User, Host: n.Host, Since: n.Since}
}
