package evidence

import (
	"bytes"
	"encoding/binary"
	"strings"

	"junheng/app/county"
)

// A phone photo says in its EXIF block (a TIFF structure inside the
// JPEG's APP1 segment) which way is up and when it was taken. The
// standard library reads neither, so this file reads the two tags it
// needs, and strips the metadata (EXIF with its GPS position, XMP,
// IPTC) from a JPEG kept without re-encoding. Every read is bounds
// checked: a truncated or hostile file yields "nothing found", never a
// panic, and nothing here loops longer than the file is long.

// exifInfo is what Prepare uses of a photo's EXIF.
type exifInfo struct {
	orientation int    // 1–8 as in TIFF/EXIF; 1 when absent or invalid
	taken       string // DateTimeOriginal as YYYY-MM-DD; "" when absent or invalid
}

// JPEG markers used here.
const (
	markerSOI  = 0xD8
	markerEOI  = 0xD9
	markerSOS  = 0xDA
	markerAPP0 = 0xE0
	markerAPP1 = 0xE1
	markerAPP2 = 0xE2
	markerAPPE = 0xEE // Adobe: tells RGB from YCbCr and CMYK from YCCK
	markerCOM  = 0xFE
)

// jpegSegment is one marker segment before the first scan: its marker
// and where it lies in the file (from the 0xFF to the end of its payload).
type jpegSegment struct {
	marker     byte
	start, end int
}

// payload is the segment's bytes after marker and length.
func (s jpegSegment) payload(raw []byte) []byte { return raw[s.start+4 : s.end] }

// jpegHeader lists the segments between SOI and the first SOS, and the
// offset of that SOS; ok is false when the file ends or breaks first.
func jpegHeader(raw []byte) (segs []jpegSegment, sos int, ok bool) {
	if len(raw) < 4 || raw[0] != 0xFF || raw[1] != markerSOI {
		return nil, 0, false
	}
	for p := 2; p+1 < len(raw); {
		if raw[p] != 0xFF {
			return segs, 0, false
		}
		m := raw[p+1]
		switch {
		case m == 0xFF: // fill byte before a marker
			p++
			continue
		case m == markerSOI || m == 0x01 || m >= 0xD0 && m <= 0xD7: // no length
			p += 2
			continue
		case m == markerEOI:
			return segs, 0, false
		}
		if p+4 > len(raw) {
			return segs, 0, false
		}
		n := int(binary.BigEndian.Uint16(raw[p+2:]))
		if n < 2 || p+2+n > len(raw) {
			return segs, 0, false
		}
		if m == markerSOS {
			return segs, p, true
		}
		segs = append(segs, jpegSegment{m, p, p + 2 + n})
		p += 2 + n
	}
	return segs, 0, false
}

// jpegExif reads orientation and date from the first EXIF APP1 segment.
func jpegExif(raw []byte) exifInfo {
	segs, _, _ := jpegHeader(raw) // a broken file may still have its EXIF
	for _, s := range segs {
		if pl := s.payload(raw); s.marker == markerAPP1 && bytes.HasPrefix(pl, []byte("Exif\x00\x00")) {
			return parseTIFF(pl[6:])
		}
	}
	return exifInfo{orientation: 1}
}

// TIFF tags read.
const (
	tagOrientation       = 0x0112
	tagExifIFD           = 0x8769
	tagDateTimeOriginal  = 0x9003
	tagDateTimeDigitized = 0x9004
)

// tiffReader reads a TIFF structure in its byte order, every access
// checked against its length.
type tiffReader struct {
	b     []byte
	order binary.ByteOrder
}

func (t tiffReader) u16(off int) (int, bool) {
	if off < 0 || off+2 > len(t.b) {
		return 0, false
	}
	return int(t.order.Uint16(t.b[off:])), true
}

func (t tiffReader) u32(off int) (int, bool) {
	if off < 0 || off+4 > len(t.b) {
		return 0, false
	}
	v := t.order.Uint32(t.b[off:])
	if v > uint32(len(t.b)) { // also keeps int conversion safe on 32-bit
		return 0, false
	}
	return int(v), true
}

// tiffEntry is one IFD entry: tag, type, count and the offset of its
// 4-byte value field in the TIFF.
type tiffEntry struct{ tag, typ, count, at int }

// ifd lists the entries of the IFD at off, as many as the data holds.
func (t tiffReader) ifd(off int) []tiffEntry {
	n, ok := t.u16(off)
	if !ok {
		return nil
	}
	n = min(n, (len(t.b)-off-2)/12)
	out := make([]tiffEntry, 0, n)
	for i := 0; i < n; i++ {
		e := off + 2 + 12*i
		tag, _ := t.u16(e)
		typ, _ := t.u16(e + 2)
		cnt := t.order.Uint32(t.b[e+4:])
		out = append(out, tiffEntry{tag, typ, int(min(cnt, 1<<20)), e + 8})
	}
	return out
}

// short reads a SHORT (or LONG) entry's first value.
func (t tiffReader) short(e tiffEntry) (int, bool) {
	switch e.typ {
	case 3:
		return t.u16(e.at)
	case 4:
		return t.u32(e.at)
	}
	return 0, false
}

// ascii reads an ASCII entry: inline when it fits in 4 bytes, else at
// the offset the value field holds.
func (t tiffReader) ascii(e tiffEntry) string {
	if e.typ != 2 || e.count == 0 {
		return ""
	}
	off := e.at
	if e.count > 4 {
		var ok bool
		if off, ok = t.u32(e.at); !ok {
			return ""
		}
	}
	if off+e.count > len(t.b) {
		return ""
	}
	s, _, _ := strings.Cut(string(t.b[off:off+e.count]), "\x00")
	return s
}

// parseTIFF reads Orientation from IFD0 and the date taken from the
// Exif sub-IFD of a TIFF structure (both byte orders).
func parseTIFF(b []byte) exifInfo {
	info := exifInfo{orientation: 1}
	var t tiffReader
	switch {
	case bytes.HasPrefix(b, []byte("II*\x00")):
		t = tiffReader{b, binary.LittleEndian}
	case bytes.HasPrefix(b, []byte("MM\x00*")):
		t = tiffReader{b, binary.BigEndian}
	default:
		return info
	}
	ifd0, ok := t.u32(4)
	if !ok {
		return info
	}
	sub := -1
	for _, e := range t.ifd(ifd0) {
		switch e.tag {
		case tagOrientation:
			if o, ok := t.short(e); ok && o >= 1 && o <= 8 {
				info.orientation = o
			}
		case tagExifIFD:
			if e.typ == 4 || e.typ == 13 {
				if off, ok := t.u32(e.at); ok {
					sub = off
				}
			}
		}
	}
	if sub < 0 {
		return info
	}
	var original, digitized string
	for _, e := range t.ifd(sub) {
		switch e.tag {
		case tagDateTimeOriginal:
			original = exifDate(t.ascii(e))
		case tagDateTimeDigitized:
			digitized = exifDate(t.ascii(e))
		}
	}
	info.taken = original
	if info.taken == "" {
		info.taken = digitized
	}
	return info
}

// exifDate turns "2024:05:06 10:11:12" into "2024-05-06" through the
// program's one date parser; "0000:00:00 …" (a camera without a clock)
// and anything else that is not a real date give "".
func exifDate(s string) string {
	if len(s) < 10 || s[4] != ':' || s[7] != ':' {
		return ""
	}
	d, why := county.ParseDate(s[:4] + "-" + s[5:7] + "-" + s[8:10])
	if why != "" {
		return ""
	}
	return d
}

// stripJPEGMetadata returns the JPEG without what describes where, when
// and with what it was taken: APP1 (EXIF with its GPS position, XMP),
// APP3–APP13 (IPTC, Photoshop, maker data), APP15, comments, APP2 other
// than the ICC colour profile (MPF: the index of images appended to the
// file), and anything after the end of the image (a phone's "motion
// photo" video, depth maps, more EXIF). The image data, tables, JFIF,
// ICC profile and Adobe segment stay byte for byte, so the pixels are
// exactly those of the file chosen. ok is false when the file's
// structure cannot be followed; the caller then re-encodes.
func stripJPEGMetadata(raw []byte) (out []byte, ok bool) {
	segs, sos, ok := jpegHeader(raw)
	if !ok {
		return nil, false
	}
	end, ok := jpegEnd(raw, sos)
	if !ok {
		return nil, false
	}
	out = make([]byte, 0, end)
	out = append(out, 0xFF, markerSOI)
	for _, s := range segs {
		if keepSegment(s.marker, s.payload(raw)) {
			out = append(out, raw[s.start:s.end]...)
		}
	}
	return append(out, raw[sos:end]...), true
}

// keepSegment: the segments that change how the pixels are decoded or
// shown (all non-APP segments, JFIF, ICC profile, Adobe).
func keepSegment(m byte, payload []byte) bool {
	switch {
	case m == markerAPP0, m == markerAPPE:
		return true
	case m == markerAPP2:
		return bytes.HasPrefix(payload, []byte("ICC_PROFILE\x00"))
	case m >= markerAPP1 && m <= 0xEF, m == markerCOM:
		return false
	}
	return true
}

// jpegEnd is the offset just after the EOI marker, following the scans
// from the SOS at sos: entropy-coded bytes (0xFF stuffed as FF 00,
// restart markers) and, in a progressive file, the segments between
// scans, skipped by their length.
func jpegEnd(raw []byte, sos int) (int, bool) {
	p := sos
	for p+1 < len(raw) {
		if raw[p] != 0xFF {
			p++
			continue
		}
		m := raw[p+1]
		switch {
		case m == 0x00 || m >= 0xD0 && m <= 0xD7: // stuffed byte, restart
			p += 2
		case m == 0xFF:
			p++
		case m == markerEOI:
			return p + 2, true
		default: // a segment: SOS, DHT, DQT, DRI, … — skip its payload
			if p+4 > len(raw) {
				return 0, false
			}
			n := int(binary.BigEndian.Uint16(raw[p+2:]))
			if n < 2 || p+2+n > len(raw) {
				return 0, false
			}
			p += 2 + n
		}
	}
	return 0, false
}
