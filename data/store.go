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
	BackupDir   string // "" = the side folder 备份 beside the file (see SideFolder)
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
	scratch  string // folder of a recovered copy a read-only store reads (see openReading)
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
// refuses to overwrite anything, a journal left beside the name included
// (SQLite would otherwise apply it to the new file or delete it).
func Create(path string, set Settings) (*Store, error) {
	if err := CheckWho(set.Office, set.User, "设置", "设置"); err != nil {
		return nil, err
	}
	set = set.withDefaults()
	for _, p := range []string{path, path + "-journal", path + "-wal"} {
		if _, err := os.Stat(p); err == nil {
			return nil, fmt.Errorf("文件「%s」已存在，不会覆盖。请换一个文件名，或直接打开它。", p)
		}
	}
	me := lockNote{Office: set.Office, User: set.User, Host: hostName(), PID: os.Getpid(), Since: time.Now().UTC().Truncate(time.Second)}
	if err := takeLock(path, me, false); err != nil {
		return nil, err
	}
	db := openSQL(path, false)
	err := migrate(db, 0)
	if err == nil {
		_, err = db.Exec(`INSERT INTO meta(key, value) VALUES ('file_id', ?), ('created_at', ?), ('created_by', ?)`,
			uuid.NewString(), now(), set.Office+" / "+set.User)
	}
	if err != nil {
		db.Close()
		os.Remove(path)
		os.Remove(path + "-journal")
		releaseLock(path, me)
		return nil, fmt.Errorf("无法创建数据文件「%s」：%w", path, explain(path, err))
	}
	return &Store{path: path, db: db, set: set, me: me, locked: true}, nil
}

// Open opens an existing data file. Every open — for editing or reading,
// whatever lies beside the file — first runs the full inspection (see
// inspect) and refuses a file that is not ours, truncated, corrupted, from
// a newer program or carrying foreign SQL, with a *FileError whose message
// says 文件未被改动 only when the bytes are provably unchanged.
//
// A hot journal (a writer crashed mid-transaction) is rolled back by
// SQLite: for editing in place, after byte copies of file and journal went
// to the backup folder, and undone if the result is not a healthy file of
// ours (see recoverJournal); for reading on a private copy, so a read-only
// open never writes. Unless ReadOnly, Open takes the lock note (or returns
// a *LockedError) and migrates an older file after a backup copy.
func Open(path string, o OpenOptions) (*Store, error) {
	if err := CheckWho(o.Settings.Office, o.Settings.User, "设置", "设置"); err != nil {
		return nil, err
	}
	set := o.Settings.withDefaults()
	if err := notSpecial(path); err != nil {
		return nil, err // a pipe or a device would be read forever by the checksum below
	}
	before, herr := openSum(path)
	recovered := false
	claim := func(err error) error { return claimUnchanged(path, before, herr == nil, recovered, err) }
	s := &Store{path: path, set: set, readOnly: o.ReadOnly,
		me: lockNote{Office: set.Office, User: set.User, Host: hostName(), PID: os.Getpid(), Since: time.Now().UTC().Truncate(time.Second)}}
	if o.ReadOnly {
		r, err := openReading(path)
		if err != nil {
			return nil, claim(err)
		}
		if r.info.schema < SchemaVersion {
			r.close()
			return nil, claim(fileErr(path, ErrReadOnly, "由较早版本的程序保存，需要以编辑方式打开一次以升级数据格式。"))
		}
		s.db, s.scratch = r.db, r.scratch
		return s, nil
	}
	info, err := inspect(path)
	if err != nil {
		return nil, claim(err)
	}
	// A file the clerk may not write is said so now, not at the first save.
	// Opening for writing without writing changes nothing.
	w, werr := os.OpenFile(path, os.O_WRONLY, 0)
	if werr != nil {
		return nil, fmt.Errorf("不能以编辑方式打开（可以只读方式打开）：%w", osErr(path, werr))
	}
	w.Close()
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
		if err := s.recoverJournal(before); err != nil {
			return fail(err)
		}
		if info, err = inspect(path); err != nil {
			return fail(err)
		}
		if info.hotJournal {
			return fail(fileErr(path, ErrJournal, "旁边的日志文件无法回滚，请稍后再试；若反复出现，请从备份恢复。"))
		}
		before, herr = openSum(path)
		recovered = true
	}
	if info.schema < SchemaVersion {
		if _, err := s.copyBackup("升级前"); err != nil {
			return fail(claim(fmt.Errorf("升级数据格式前备份失败，未升级：%w", err)))
		}
	}
	s.db = openSQL(path, false)
	// The writing connection checks the schema once more: nothing may have
	// slipped in between the inspection and now.
	if err := checkSchema(s.db, path, info.schema); err != nil {
		return fail(claim(err))
	}
	if info.schema < SchemaVersion {
		if err := migrate(s.db, info.schema); err != nil {
			return fail(explain(path, err))
		}
	}
	return s, nil
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
	if err != nil || n.stale(s.me) || (s.locked && n.Host == s.me.Host && n.PID == s.me.PID && n.Since.Equal(s.me.Since)) {
		return ""
	}
	return (&LockedError{Path: s.path, Office: n.Office, User: n.User, Host: n.Host, Since: n.Since}).Error()
}

// Close closes the database and removes the lock note.
func (s *Store) Close() error {
	if s == nil {
		return nil
	}
	var err error
	if s.db != nil {
		err = s.db.Close()
		s.db = nil
	}
	if s.locked {
		releaseLock(s.path, s.me)
		s.locked = false
	}
	if s.scratch != "" {
		os.RemoveAll(s.scratch)
		s.scratch = ""
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
