package evidence

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
)

// Prepared is a file made ready to store: photos reduced and turned
// upright, the kind read from the content, the hash of what is stored.
type Prepared struct {
	Name         string // base name as chosen
	Ext          string // lower case, with its dot
	Kind         Kind
	Mime         string
	Data         []byte // what is stored
	Thumb        []byte // JPEG thumbnail for photos (nil otherwise)
	Width        int
	Height       int
	Pages        int    // PDF pages (0 = unknown)
	Hash         string // SHA-256 hex of Data
	OriginalSize int64
	Reduced      bool   // the photo was scaled down or re-encoded
	Taken        string // photos: date taken from EXIF (YYYY-MM-DD), "" if none
}

// Prepare reads a file chosen by the clerk. Photos (JPEG, PNG) are reduced
// to MaxPhotoSide px on the long side, EXIF orientation applied; every
// other file is kept byte for byte. A file past MaxFileBytes, an empty
// file or an image that does not decode is refused in Chinese naming it.
//
// TODO(evidence-prepare): reduction, orientation, thumbnails, PDF pages.
func Prepare(name string, raw []byte) (*Prepared, error) {
	base := filepath.Base(name)
	if len(raw) == 0 {
		return nil, fmt.Errorf("文件「%s」是空的（0 字节），未添加。", base)
	}
	if err := TooBig(base, int64(len(raw))); err != nil {
		return nil, err
	}
	p := &Prepared{Name: base, Ext: strings.ToLower(filepath.Ext(base)), Kind: KindOther, Mime: "application/octet-stream",
		Data: raw, OriginalSize: int64(len(raw))}
	sum := sha256.Sum256(p.Data)
	p.Hash = hex.EncodeToString(sum[:])
	return p, nil
}
