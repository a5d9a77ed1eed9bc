package archive

import (
	"archive/zip"
	"bufio"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"time"
)

// utf8Flag is bit 11 of a zip entry's flags: the name is UTF-8. Set on
// every entry (Go's writer sets it only for names that need it), so that
// any reader — Windows Explorer, macOS, unzip, 7-Zip — reads the Chinese
// names as UTF-8 instead of the local code page.
const utf8Flag = 0x800

// stored are the extensions of files already compressed: deflating them
// again costs time and gains nothing, so they are stored as they are.
var stored = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".heic": true,
	".pdf": true, ".ofd": true,
	".docx": true, ".xlsx": true, ".pptx": true, ".odt": true, ".ods": true,
	".zip": true, ".rar": true, ".7z": true, ".gz": true,
	".mp4": true, ".mov": true, ".mp3": true, ".m4a": true,
}

// storedName reports whether a file of that name is written without
// compression.
func storedName(name string) bool { return stored[strings.ToLower(path.Ext(name))] }

// zipOut writes the archive's entries: folders once, before their files.
type zipOut struct {
	zw   *zip.Writer
	dirs map[string]bool
}

func newZipOut(zw *zip.Writer) *zipOut { return &zipOut{zw: zw, dirs: map[string]bool{}} }

// header is an entry's header: UTF-8 name, ordinary permissions, the time
// in the clerk's own zone (zip readers show the stored time as local).
func header(name string, mode fs.FileMode, t time.Time) *zip.FileHeader {
	fh := &zip.FileHeader{Name: name, Flags: utf8Flag, Modified: t.In(time.Local)}
	fh.SetMode(mode)
	return fh
}

// mkdirs writes the entries of dir and every folder above it not yet
// written. Explicit folder entries keep empty-looking trees readable in
// tools that list entries rather than paths.
func (z *zipOut) mkdirs(dir string, t time.Time) error {
	if dir == "." || dir == "" || z.dirs[dir] {
		return nil
	}
	if err := z.mkdirs(path.Dir(dir), t); err != nil {
		return err
	}
	z.dirs[dir] = true
	_, err := z.zw.CreateHeader(header(dir+"/", fs.ModeDir|0o755, t))
	return err
}

// file writes one file. Stored entries are written raw with their CRC and
// sizes in the local header (no data descriptor): some readers (Java's
// ZipInputStream among them) refuse a stored entry that has one.
func (z *zipOut) file(name string, data []byte, t time.Time) error {
	if err := z.mkdirs(path.Dir(name), t); err != nil {
		return err
	}
	fh := header(name, 0o644, t)
	if !storedName(name) {
		fh.Method = zip.Deflate
		w, err := z.zw.CreateHeader(fh)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	w, err := z.raw(fh, crc32.ChecksumIEEE(data), int64(len(data)))
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// raw starts a stored entry whose CRC and size are known.
func (z *zipOut) raw(fh *zip.FileHeader, crc uint32, size int64) (io.Writer, error) {
	fh.Method = zip.Store
	fh.CRC32 = crc
	fh.CompressedSize64 = uint64(size)
	fh.UncompressedSize64 = uint64(size)
	fh.ReaderVersion = 20
	fh.CreatorVersion = fh.CreatorVersion&0xff00 | 20
	fh.ModifiedDate, fh.ModifiedTime = msdosTime(fh.Modified)
	return z.zw.CreateRaw(fh)
}

// spooled writes a document made by write (a PDF of hundreds of photos)
// as a stored entry without holding it in memory: it goes to a temporary
// file first, for its CRC and size, then into the zip. A failure of write
// itself comes back wrapped in producerError.
func (z *zipOut) spooled(name string, t time.Time, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp("", "junheng-archive-*"+path.Ext(name))
	if err != nil {
		return err
	}
	defer func() {
		tmp.Close()
		os.Remove(tmp.Name())
	}()
	crc := crc32.NewIEEE()
	cw := &counter{w: io.MultiWriter(tmp, crc)}
	bw := bufio.NewWriterSize(cw, 256<<10)
	if err := write(bw); err != nil {
		return &producerError{err}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if err := z.mkdirs(path.Dir(name), t); err != nil {
		return err
	}
	w, err := z.raw(header(name, 0o644, t), crc.Sum32(), cw.n)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, tmp)
	return err
}

// producerError is the failure of an extra document's own writer.
type producerError struct{ err error }

func (e *producerError) Error() string { return e.err.Error() }
func (e *producerError) Unwrap() error { return e.err }

// msdosTime is t in MS-DOS date and time fields (2-second steps, years
// 1980–2107), as CreateHeader computes them for the entries it writes.
func msdosTime(t time.Time) (date, clock uint16) {
	if t.Year() < 1980 {
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, t.Location())
	}
	if t.Year() > 2107 {
		t = time.Date(2107, 12, 31, 23, 59, 58, 0, t.Location())
	}
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return
}
