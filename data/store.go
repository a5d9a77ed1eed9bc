package data

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/user"
	"time"

	"github.com/google/uuid"
	_ "modernc.org/sqlite" // registers the "sqlite" driver (pure Go)
)

// Settings say who is working, for the audit trail and the lock note, and
// how many automatic backups to keep.
type Settings struct {
	Office      string // 单位名称, e.g. 义马市教育局督导室
	User        string // 使用人; "" = the operating system user
	BackupsKept int    // automatic backups kept per file; 0 = 10
	BackupDir   string // "" = a folder FILE.db.backups beside the file
}

// OpenOptions choose how Open treats the file.
type OpenOptions struct {
	Settings
	// ReadOnly opens without the lock note and refuses every write: for a
	// file another office is editing, or on a read-only share.
	ReadOnly bool
	// TakeOver removes another user's lock note. Offer it only after the
	// clerk confirms the other program is closed (it crashed, say).
	TakeOver bool
}

// Store is one open data file. Its methods are safe for concurrent use.
type Store struct {
	path     string
	db       *sql.DB
	readOnly bool
	set      Settings
	me       lockNote
	locked   bool
}

func (s Settings) withDefaults() Settings {
	if s.User == "" {
		if u, err := user.Current(); err == nil {
			s.User = u.Username
		} else {
			s.User = "本机用户"
		}
	}
	if s.BackupsKept <= 0 {
		s.BackupsKept = 10
	}
	return s
}

func hostName() string {
	h, err := os.Hostname()
	if err != nil || h == "" {
		return "未知计算机"
	}
	return h
}

// Create makes a new, empty data file at path and opens it for editing. It
// refuses to overwrite anything.
func Create(path string, set Settings) (*Store, error) {
	set = set.withDefaults()
	if _, err := os.Stat(path); err == nil {
		return nil, fmt.Errorf("文件「%s」已存在，不会覆盖。请换一个文件名，或直接打开它。", path)
	}
	me := lockNote{Office: set.Office, User: set.User, Host: hostName(), PID: os.Getpid(), Since: time.Now().UTC().Truncate(time.Second)}
	if err := takeLock(path, me, false); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn(path, false))
	if err == nil {
		err = migrate(db, 0)
	}
	if err == nil {
		_, err = db.Exec(`INSERT INTO meta(key, value) VALUES ('file_id', ?), ('created_at', ?), ('created_by', ?)`,
			uuid.NewString(), now(), set.Office+" / "+set.User)
	}
	if err != nil {
		if db != nil {
			db.Close()
		}
		os.Remove(path)
		releaseLock(path, me)
		return nil, fmt.Errorf("无法创建数据文件「%s」：%v", path, err)
	}
	return &Store{path: path, db: db, set: set, me: me, locked: true}, nil
}

// Open opens an existing data file. It first inspects the file without
// writing to it (see inspect) and refuses one that is not ours, truncated,
// corrupted, from a newer program or carrying foreign SQL, with a
// *FileError. Unless ReadOnly, it takes the lock note (or returns a
// *LockedError) and migrates an older file after a backup copy.
func Open(path string, o OpenOptions) (*Store, error) {
	set := o.Settings.withDefaults()
	info, err := inspect(path)
	if err != nil {
		return nil, err
	}
	s := &Store{path: path, set: set, readOnly: o.ReadOnly,
		me: lockNote{Office: set.Office, User: set.User, Host: hostName(), PID: os.Getpid(), Since: time.Now().UTC().Truncate(time.Second)}}
	if o.ReadOnly {
		if info.hotJournal {
			return nil, journalErr(path)
		}
		if info.schema < SchemaVersion {
			return nil, fileErr(path, ErrReadOnly, "由较早版本的程序保存，需要以编辑方式打开一次以升级数据格式。")
		}
		s.db, err = sql.Open("sqlite", dsn(path, true))
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	if err := takeLock(path, s.me, o.TakeOver); err != nil {
		return nil, err
	}
	s.locked = true
	fail := func(err error) (*Store, error) {
		if s.db != nil {
			s.db.Close()
		}
		releaseLock(path, s.me)
		return nil, err
	}
	if info.hotJournal {
		// Opening read-write lets SQLite roll the journal back; then the
		// full inspection runs on the restored file.
		if err := rollbackHotJournal(path); err != nil {
			return fail(err)
		}
		if info, err = inspect(path); err != nil {
			return fail(err)
		}
	}
	if info.schema < SchemaVersion {
		if _, err := s.copyBackup("升级前"); err != nil {
			return fail(fmt.Errorf("升级数据格式前备份失败，文件未被改动：%w", err))
		}
	}
	s.db, err = sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return fail(err)
	}
	if info.schema < SchemaVersion {
		if err := migrate(s.db, info.schema); err != nil {
			return fail(err)
		}
	}
	return s, nil
}

// rollbackHotJournal opens the file read-write once so that SQLite rolls
// back the half-written transaction of a crashed writer.
func rollbackHotJournal(path string) error {
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return err
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
		return sqlFileErr(path, err)
	}
	return nil
}

// Path is the file on disk.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the store refuses writes.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Settings returns the settings the store was opened with.
func (s *Store) Settings() Settings { return s.set }

// HeldBy names another user whose lock note is on the file, "" when none
// (for a read-only store: who is editing it now).
func (s *Store) HeldBy() string {
	n, err := readLock(s.path)
	if err != nil || (s.locked && n.Host == s.me.Host && n.PID == s.me.PID && n.Since.Equal(s.me.Since)) {
		return ""
	}
	return (&LockedError{Path: s.path, Office: n.Office, User: n.User, Host: n.Host, Since: n.Since}).Error()
}

// Close closes the database and removes the lock note.
func (s *Store) Close() error {
	var err error
	if s.db != nil {
		err = s.db.Close()
		s.db = nil
	}
	if s.locked {
		releaseLock(s.path, s.me)
		s.locked = false
	}
	return err
}

// errClosed is returned by every method of a closed store.
var errClosed = errors.New("文件已关闭。")

// opened guards the read methods of a closed store.
func (s *Store) opened() error {
	if s == nil || s.db == nil {
		return errClosed
	}
	return nil
}

func (s *Store) writable() error {
	if s.readOnly {
		return errors.New("文件以只读方式打开，不能修改。")
	}
	return s.opened()
}

// now is a fixed-width UTC timestamp, so that text order is time order.
func now() string { return time.Now().UTC().Format("2006-01-02T15:04:05.000000000Z") }

// openDB opens an inspected file read-write.
func openDB(path string) (*sql.DB, error) {
	return sql.Open("sqlite", dsn(path, false))
}

// journalErr explains a journal beside the file when we may not roll it
// back: another program is writing right now, or one crashed mid-write.
func journalErr(path string) error {
	if n, err := readLock(path); err == nil && (n.Host != hostName() || processAlive(n.PID)) {
		return fileErr(path, ErrReadOnly, "正由%s（计算机 %s）写入，请稍后再试。", n.User, n.Host)
	}
	return fileErr(path, ErrCorrupt, "上次写入时程序意外中断，需要先以编辑方式打开一次以恢复到最后保存的状态。")
}
