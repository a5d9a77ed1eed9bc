package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"junheng/data/safefile"
)

// BackupInfo is one backup copy of the data file.
type BackupInfo struct {
	Path   string
	Time   time.Time // when it was taken (local time in the name)
	Reason string    // 手动, 导入前, 合并前, 升级前, 恢复前
	Size   int64
}

const backupTimeLayout = "20060102-150405.000" // milliseconds: backups of one second keep their order

// SideFolderName is the one folder, beside the data files, where the
// program keeps what belongs to them: backups and export manifests. One
// named folder per folder of data files, not a folder or a file beside
// every data file.
const SideFolderName = "备份"

// SideFolder is the program's side folder of the data file at path (it is
// not created here). Backups are named after their file, so the data files
// of one folder share it.
func SideFolder(path string) string {
	return filepath.Join(filepath.Dir(path), SideFolderName)
}

// legacyBackupDir is where earlier versions kept this file's backups.
func legacyBackupDir(path string) string { return path + ".backups" }

// BackupDir is where the backups of this file go: the setting, or the side
// folder 备份 beside the file (so it travels with the file on a share).
func (s *Store) BackupDir() string {
	if s.set.BackupDir != "" {
		return s.set.BackupDir
	}
	return SideFolder(s.path)
}

// backupBase is the part of a backup's name that says whose it is.
func (s *Store) backupBase() string {
	return strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path)) + "-"
}

// backupName is BASE-20261123-190512.345-导入前.db, unique in the folder.
func (s *Store) backupName(reason string) (string, error) {
	dir := s.BackupDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("「%s」无法备份：%w", filepath.Base(s.path), osErr(dir, err))
	}
	// Backups are listed in the order of their stamps: two taken within one
	// millisecond (a 手动 backup, then an import's 导入前) would tie, so a
	// new stamp is always later than the newest backup already there.
	now := time.Now().Truncate(time.Millisecond)
	if list, err := s.ListBackups(); err == nil && len(list) > 0 && !now.After(list[0].Time) {
		now = list[0].Time.Add(time.Millisecond)
	}
	stamp := now.Format(backupTimeLayout)
	for i := 0; ; i++ {
		name := fmt.Sprintf("%s%s-%s.db", s.backupBase(), stamp, reason)
		if i > 0 {
			name = fmt.Sprintf("%s%s-%s-%d.db", s.backupBase(), stamp, reason, i)
		}
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			return p, nil
		}
	}
}

// Backup takes a backup copy now (reason 手动) and returns its path.
func (s *Store) Backup() (string, error) { return s.autoBackup("手动") }

// autoBackup copies the file byte for byte, through safefile, while a
// read transaction holds SQLite's shared lock: no writer can commit during
// the copy, and in rollback-journal mode every committed byte is in the
// file, so the copy is the last saved state — complete or absent.
func (s *Store) autoBackup(reason string) (string, error) {
	if err := s.opened(); err != nil {
		return "", err
	}
	p, err := s.backupName(reason)
	if err != nil {
		return "", err
	}
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		return "", err
	}
	defer conn.ExecContext(ctx, "ROLLBACK")
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
		return "", err
	}
	if err := safefile.CopyFile(p, s.dbFile()); err != nil {
		return "", fmt.Errorf("备份失败：%w", err)
	}
	s.prune()
	return p, nil
}

// dbFile is the file the store's connections read: the data file, or the
// recovered copy a read-only store of an interrupted file reads.
func (s *Store) dbFile() string {
	if s.scratch != "" {
		return filepath.Join(s.scratch, "recovered.db")
	}
	return s.path
}

// copyBackup copies the file byte for byte; used before a migration, when
// the file is not open yet and must not be touched by SQLite.
func (s *Store) copyBackup(reason string) (string, error) {
	p, err := s.backupName(reason)
	if err != nil {
		return "", err
	}
	if err := safefile.CopyFile(p, s.path); err != nil {
		return "", err
	}
	s.prune()
	return p, nil
}

// ListBackups lists the backups of this file, newest first: those in the
// backup folder and those earlier versions kept in FILE.db.backups.
func (s *Store) ListBackups() ([]BackupInfo, error) {
	var out []BackupInfo
	dirs := []string{s.BackupDir()}
	if s.set.BackupDir == "" {
		dirs = append(dirs, legacyBackupDir(s.path))
	}
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, osErr(dir, err)
		}
		for _, e := range entries {
			if b, ok := s.parseBackup(dir, e); ok {
				out = append(out, b)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b BackupInfo) int {
		if c := b.Time.Compare(a.Time); c != 0 {
			return c
		}
		return strings.Compare(b.Path, a.Path)
	})
	return out, nil
}

// parseBackup reads BASE-STAMP-REASON[-N].db; another file's backups in
// the shared folder (乡镇-2024.db beside 乡镇.db) do not parse.
func (s *Store) parseBackup(dir string, e os.DirEntry) (BackupInfo, bool) {
	name := e.Name()
	rest, ok := strings.CutPrefix(name, s.backupBase())
	if e.IsDir() || !ok || !strings.HasSuffix(rest, ".db") {
		return BackupInfo{}, false
	}
	rest = strings.TrimSuffix(rest, ".db")
	if len(rest) < len(backupTimeLayout)+2 || rest[len(backupTimeLayout)] != '-' {
		return BackupInfo{}, false
	}
	t, err := time.ParseInLocation(backupTimeLayout, rest[:len(backupTimeLayout)], time.Local)
	if err != nil {
		return BackupInfo{}, false
	}
	reason := rest[len(backupTimeLayout)+1:]
	if i := strings.LastIndexByte(reason, '-'); i >= 0 {
		reason = reason[:i]
	}
	info, err := e.Info()
	if err != nil {
		return BackupInfo{}, false
	}
	return BackupInfo{Path: filepath.Join(dir, name), Time: t, Reason: reason, Size: info.Size()}, true
}

// prune keeps the newest BackupsKept backups (a journal copied beside one
// goes with it).
func (s *Store) prune() {
	list, err := s.ListBackups()
	if err != nil {
		return
	}
	for i := s.set.BackupsKept; i < len(list); i++ {
		os.Remove(list[i].Path)
		os.Remove(list[i].Path + "-journal")
	}
}

// Restore replaces the content of the open file with a backup (or any file
// of ours), after inspecting that file like any open and backing up the
// current state (reason 恢复前). The new content is written through
// safefile: the current file is replaced only once the copy is complete.
// The lock note stays. It closes and reopens the database: call it when
// no other call on this store is running.
func (s *Store) Restore(backup string) error {
	if err := s.writable(); err != nil {
		return err
	}
	r, err := openReading(backup)
	if err != nil {
		return err
	}
	defer r.close()
	if r.info.schema != SchemaVersion {
		return fileErr(backup, ErrNewer, "的数据格式为第 %d 版，本程序为第 %d 版，不能直接用于恢复。请先单独打开它一次以升级。", r.info.schema, SchemaVersion)
	}
	if _, err := s.autoBackup("恢复前"); err != nil {
		return fmt.Errorf("恢复前备份当前文件失败，未恢复：%w", err)
	}
	r.db.Close()
	r.db = nil
	if err := s.db.Close(); err != nil {
		return explain(s.path, err)
	}
	copyErr := safefile.CopyFile(s.path, r.file)
	s.db = openSQL(s.path, false)
	if copyErr != nil {
		return fmt.Errorf("恢复失败，文件保持原样：%w", copyErr)
	}
	return nil
}
