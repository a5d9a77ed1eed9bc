package data

import (
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

// busyTimeoutMS is how long a connection waits for another one (or another
// office on a share) holding the file before giving up.
var busyTimeoutMS = 5000 // a variable only so that tests need not wait 5 s

// dsn builds the modernc.org/sqlite DSN. Every pragma is in the DSN, not run
// once after sql.Open, because database/sql opens several connections and
// each must run with the same safety settings.
func dsn(path string, readOnly bool) string {
	p := uriPath(path, runtime.GOOS == "windows")
	q := []string{
		"_pragma=busy_timeout(" + strconv.Itoa(busyTimeoutMS) + ")",
		"_pragma=trusted_schema(0)", // a file's views/triggers may not call functions with side effects
		"_pragma=foreign_keys(1)",
		"_pragma=synchronous(FULL)",
		"_pragma=cache_size(-32000)", // 32 MB: a 1,000-school import stays in memory until commit
	}
	if readOnly {
		q = append(q, "mode=ro")
	} else {
		// journal_mode is persistent in the file: only a writer sets it. WAL
		// is never used: its shared memory does not work on network shares.
		q = append(q, "_pragma=journal_mode(DELETE)", "_txlock=immediate")
	}
	return "file:" + p + "?" + strings.Join(q, "&")
}

// uriPath turns a file path into the path part of an SQLite URI. On
// Windows C:\县\a.db must read /C:/县/a.db, and a network share
// \\server\share\a.db must keep both leading slashes after the empty
// authority: file:////server/share/a.db (file://server/… would name a
// host, which SQLite refuses). SQLite decodes %XX in URI file names, so
// what would end or alter the path is escaped. windows is a parameter so
// the tests check the Windows forms on any machine.
func uriPath(path string, windows bool) string {
	p := filepath.ToSlash(path)
	if windows {
		p = strings.ReplaceAll(path, "\\", "/")
	}
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	switch {
	case windows && strings.HasPrefix(p, "//"): // UNC share
		return "//" + p
	case windows && len(p) >= 2 && p[1] == ':': // drive letter
		return "/" + p
	}
	return p
}
