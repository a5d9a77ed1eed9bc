package data

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// BackupInfo is one backup copy of the data file.
type BackupInfo struct {
	Path   string
	Time   time.Time // when it was taken (local time in the name)
	Reason string    // 手动, 导入前, 合并前, 升级前, 恢复前
	Size   int64
}

const backupTimeLayout = "20060102-150405.000" // milliseconds: backups of one second keep their order

// BackupDir is where the backups of this file go: the setting, or a folder
// FILE.db.backups beside the file (so it travels with the file on a share).
func (s *Store) BackupDir() string {
	if s.set.BackupDir != "" {
		return s.set.BackupDir
	}
	return s.path + ".backups"
}

// backupName is BASE-20261123-190512.345-导入前.db, unique in dir.
func (s *Store) backupName(reason string) (string, error) {
	dir := s.BackupDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("无法建立备份文件夹「%s」：%v", dir, err)
	}
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	stamp := time.Now().Format(backupTimeLayout)
	for i := 0; ; i++ {
		name := fmt.Sprintf("%s-%s-%s.db", base, stamp, reason)
		if i > 0 {
			name = fmt.Sprintf("%s-%s-%s-%d.db", base, stamp, reason, i)
		}
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); os.IsNotExist(err) {
			return p, nil
		}
	}
}

// Backup takes a backup copy now (reason 手动) and returns its path. The
// copy is a consistent snapshot (VACUUM INTO) even while the file is in use.
func (s *Store) Backup() (string, error) { return s.autoBackup("手动") }

// autoBackup snapshots the open database and keeps the last BackupsKept.
func (s *Store) autoBackup(reason string) (string, error) {
	if err := s.opened(); err != nil {
		return "", err
	}
	p, err := s.backupName(reason)
	if err != nil {
		return "", err
	}
	if _, err := s.db.Exec(`VACUUM INTO ?`, p); err != nil {
		os.Remove(p)
		return "", fmt.Errorf("备份到「%s」失败：%v", p, err)
	}
	s.prune()
	return p, nil
}

// copyBackup copies the file byte for byte; used before a migration, when
// the file is not open yet and must not be touched by SQLite.
func (s *Store) copyBackup(reason string) (string, error) {
	p, err := s.backupName(reason)
	if err != nil {
		return "", err
	}
	if err := copyFile(s.path, p); err != nil {
		os.Remove(p)
		return "", err
	}
	s.prune()
	return p, nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// ListBackups lists the backups of this file, newest first.
func (s *Store) ListBackups() ([]BackupInfo, error) {
	entries, err := os.ReadDir(s.BackupDir())
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path)) + "-"
	var out []BackupInfo
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, base) || !strings.HasSuffix(name, ".db") {
			continue
		}
		rest := strings.TrimSuffix(strings.TrimPrefix(name, base), ".db")
		if len(rest) < len(backupTimeLayout)+2 {
			continue
		}
		t, err := time.ParseInLocation(backupTimeLayout, rest[:len(backupTimeLayout)], time.Local)
		if err != nil {
			continue
		}
		reason := rest[len(backupTimeLayout)+1:]
		if i := strings.LastIndexByte(reason, '-'); i >= 0 {
			reason = reason[:i]
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, BackupInfo{Path: filepath.Join(s.BackupDir(), name), Time: t, Reason: reason, Size: info.Size()})
	}
	slices.SortStableFunc(out, func(a, b BackupInfo) int { return strings.Compare(b.Path, a.Path) })
	return out, nil
}

// prune keeps the newest BackupsKept backups.
func (s *Store) prune() {
	list, err := s.ListBackups()
	if err != nil {
		return
	}
	for i := s.set.BackupsKept; i < len(list); i++ {
		os.Remove(list[i].Path)
	}
}

// Restore replaces the content of the open file with a backup (or any file
// of ours), after checking that file and backing up the current state
// (reason 恢复前). The lock note stays. It closes and reopens the database:
// call it when no other call on this store is running.
func (s *Store) Restore(backup string) error {
	if err := s.writable(); err != nil {
		return err
	}
	info, err := inspect(backup)
	if err != nil {
		return err
	}
	if info.hotJournal || info.schema != SchemaVersion {
		return fmt.Errorf("备份「%s」的数据格式（第 %d 版）与本程序不同，请先单独打开它", backup, info.schema)
	}
	if _, err := s.autoBackup("恢复前"); err != nil {
		return fmt.Errorf("恢复前备份当前文件失败，未恢复：%w", err)
	}
	tmp := s.path + ".restore-tmp"
	os.Remove(tmp)
	if err := copyFile(backup, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("复制备份失败，未恢复：%v", err)
	}
	if err := s.db.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	s.db = nil
	renameErr := os.Rename(tmp, s.path)
	if renameErr != nil {
		os.Remove(tmp)
	}
	db, err := openDB(s.path)
	if err != nil {
		return err
	}
	s.db = db
	if renameErr != nil {
		return fmt.Errorf("恢复失败，文件保持原样：%v", renameErr)
	}
	return nil
}
