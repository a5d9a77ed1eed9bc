// Package safefile is the one way the program writes a file: PDFs,
// workbooks, JSON, exports, save-as copies and backups all go through Write.
//
// A file is written to a temporary file in the target's own folder, flushed
// to disk, given ordinary permissions (0644) and then renamed over the
// target. The old file is never removed before the new one is complete, so
// a crash, a full disk or a killed process leaves either the old file or
// the new one under the name — never half of one. The temporary file lives
// in the same folder because a rename is only atomic within one file
// system (a network share included).
//
// Errors are *Error: a Chinese sentence for the clerk that names the file
// and says what to do (disk full, read-only, no permission, folder
// missing, file in use).
package safefile

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
)

// Perm is the permission of every file the program writes.
const Perm = 0o644

// tempPrefix marks the program's temporary files; Cleanup removes stale ones.
const tempPrefix = ".junheng-tmp-"

// Write writes the file at path with what write produces. If write fails,
// or anything fails before the rename, the file at path is untouched and
// no temporary file is left behind.
func Write(path string, write func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, tempPrefix+"*"+filepath.Ext(path))
	if err != nil {
		return Explain(path, err)
	}
	name := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if err = write(tmp); err != nil {
		if _, ok := err.(*Error); ok {
			return err
		}
		return Explain(path, err)
	}
	if err = tmp.Sync(); err != nil {
		return Explain(path, err)
	}
	if err = tmp.Close(); err != nil {
		return Explain(path, err)
	}
	return publish(name, path) // sets err, so a failed rename still cleans up
}

// WriteNamed is Write for a producer that writes a file by name (SQLite's
// VACUUM INTO, a library's SaveAs): build gets the path of a fresh, empty
// temporary file in path's folder to fill — nothing left by an earlier
// run lies beside it, not even a journal that SQLite would roll back onto
// it. The result is then flushed, given 0644 and renamed over path; if
// build fails (its error is returned as it is: the caller words it), path
// is untouched and the temporary file and its journal are removed.
func WriteNamed(path string, build func(tmp string) error) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, tempPrefix+"*"+filepath.Ext(path))
	if err != nil {
		return Explain(path, err)
	}
	name := f.Name()
	f.Close()
	os.Remove(name + "-journal")
	defer func() {
		if err != nil {
			os.Remove(name)
			os.Remove(name + "-journal")
		}
	}()
	if err = build(name); err != nil {
		return err // the producer's own error, worded by the caller
	}
	if f, err = os.OpenFile(name, os.O_RDWR, 0); err != nil {
		return Explain(path, err)
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Explain(path, err)
	}
	return publish(name, path) // sets err, so a failed rename still cleans up
}

// publish gives the finished temporary file name its permissions and
// renames it over path: the one step at which the new file appears, for
// Write and WriteNamed alike.
func publish(name, path string) error {
	if err := os.Chmod(name, Perm); err != nil {
		return Explain(path, err)
	}
	if err := os.Rename(name, path); err != nil {
		return Explain(path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// WriteBytes writes b as the whole file at path (see Write).
func WriteBytes(path string, b []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := io.Copy(w, bytes.NewReader(b))
		return err
	})
}

// CopyFile copies the file at src to dst through Write: a byte copy that is
// complete or absent. A failed read names src, a failed write names dst.
func CopyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return Explain(src, err)
	}
	defer in.Close()
	return Write(dst, func(w io.Writer) error {
		if _, err := io.Copy(w, readerNamed{in, src}); err != nil {
			return err
		}
		return nil
	})
}

// readerNamed words its read errors with its own file's name, so that
// Write does not blame the destination for them.
type readerNamed struct {
	r    io.Reader
	path string
}

func (r readerNamed) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err != nil && err != io.EOF {
		err = Explain(r.path, err)
	}
	return n, err
}

// Cleanup removes temporary files that a crashed write left in dir. It
// returns how many it removed; it never touches any other file.
func Cleanup(dir string) int {
	matches, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
	n := 0
	for _, m := range matches {
		if os.Remove(m) == nil {
			n++
		}
	}
	return n
}
