package data

import (
	"path/filepath"
	"strings"
)

// busyTimeoutMS is how long a connection waits for another one (or another
// office on a share) holding the file before giving up.
const busyTimeoutMS = 5000

// dsn builds the modernc.org/sqlite DSN. Every pragma is in the DSN, not run
// once after sql.Open, because database/sql opens several connections and
// each must run with the same safety settings.
func dsn(path string, readOnly bool) string {
	p := filepath.ToSlash(path)
	// SQLite decodes %XX in URI file names; escape what would end the path.
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	if filepath.VolumeName(path) != "" { // C:/… must read file:/C:/…
		p = "/" + p
	}
	q := []string{
		"_pragma=busy_timeout(5000)",
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
