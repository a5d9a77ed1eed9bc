package evidence

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"unicode/utf8"
)

// sniffed is what the first bytes (and, for a zip, its entry names) say a
// file is, whatever its name says.
type sniffed struct {
	kind   Kind
	mime   string
	format string // the format in Chinese-readable words, for refusals: "WebP 图片"
}

// Magic numbers of the formats decided from content.
var (
	magicJPEG = []byte{0xFF, 0xD8, 0xFF}
	magicPNG  = []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}
	magicPDF  = []byte("%PDF-")
	magicZIP  = []byte("PK\x03\x04")
	magicOLE  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// Extensions of the two opaque office kinds. An OLE container (the
// pre-2007 binary formats, WPS's own, and also any password-protected
// DOCX/XLSX, which Office wraps in OLE) says nothing reliable about
// itself in its first bytes, so for OLE the extension decides.
var (
	documentExts = map[string]bool{".doc": true, ".docx": true, ".docm": true, ".dot": true, ".dotx": true, ".wps": true, ".wpt": true, ".rtf": true, ".odt": true}
	sheetExts    = map[string]bool{".xls": true, ".xlsx": true, ".xlsm": true, ".xlt": true, ".xltx": true, ".et": true, ".ett": true, ".ods": true}
	photoExts    = map[string]bool{".jpg": true, ".jpeg": true, ".jpe": true, ".jfif": true, ".png": true}
)

// Office Open XML and OpenDocument MIME types.
const (
	mimeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	mimeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	mimePPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
	mimeODT  = "application/vnd.oasis.opendocument.text"
	mimeODS  = "application/vnd.oasis.opendocument.spreadsheet"
)

// sniff decides the kind of raw from its content; ext (lower case, with
// its dot) only separates the OLE office formats and names nothing else.
func sniff(raw []byte, ext string) sniffed {
	switch {
	case bytes.HasPrefix(raw, magicJPEG):
		return sniffed{KindPhoto, "image/jpeg", "JPG 图片"}
	case bytes.HasPrefix(raw, magicPNG):
		return sniffed{KindPhoto, "image/png", "PNG 图片"}
	case isPDF(raw):
		return sniffed{KindPDF, "application/pdf", "PDF 文件"}
	case bytes.HasPrefix(raw, magicZIP):
		return sniffZip(raw)
	case bytes.HasPrefix(raw, magicOLE):
		return sniffOLE(raw, ext)
	case bytes.HasPrefix(raw, []byte(`{\rtf`)):
		return sniffed{KindDocument, "application/rtf", "RTF 文档"}
	}
	return sniffOther(raw)
}

// isPDF: the header may follow a little junk (the PDF reference allows
// it in the first 1024 bytes, and readers accept it).
func isPDF(raw []byte) bool {
	head := raw[:min(len(raw), 1024)]
	return bytes.Contains(head, magicPDF)
}

// sniffZip tells DOCX, XLSX and their OpenDocument cousins from any other
// zip by the entries' names; nothing is unpacked except the few bytes of
// an OpenDocument "mimetype" entry.
func sniffZip(raw []byte) sniffed {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return sniffed{KindOther, "application/zip", "压缩文件"}
	}
	var word, xl, ppt bool
	for _, f := range zr.File {
		switch {
		case strings.HasPrefix(f.Name, "word/"):
			word = true
		case strings.HasPrefix(f.Name, "xl/"):
			xl = true
		case strings.HasPrefix(f.Name, "ppt/"):
			ppt = true
		case f.Name == "mimetype":
			switch odfMimetype(f) {
			case mimeODT:
				return sniffed{KindDocument, mimeODT, "OpenDocument 文档"}
			case mimeODS:
				return sniffed{KindSheet, mimeODS, "OpenDocument 表格"}
			}
		}
	}
	switch {
	case word:
		return sniffed{KindDocument, mimeDOCX, "Word 文档"}
	case xl:
		return sniffed{KindSheet, mimeXLSX, "Excel 表格"}
	case ppt:
		return sniffed{KindOther, mimePPTX, "PowerPoint 演示文稿"}
	}
	return sniffed{KindOther, "application/zip", "压缩文件"}
}

// odfMimetype reads an OpenDocument "mimetype" entry, at most 100 bytes.
func odfMimetype(f *zip.File) string {
	if f.UncompressedSize64 > 100 {
		return ""
	}
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, 100))
	return strings.TrimSpace(string(b))
}

// sniffOLE decides a binary office file by its extension (see
// documentExts); an OLE file of another extension (PowerPoint, Outlook
// messages, installers) stays opaque.
func sniffOLE(raw []byte, ext string) sniffed {
	switch {
	case documentExts[ext]:
		if ext == ".wps" || ext == ".wpt" {
			return sniffed{KindDocument, "application/vnd.ms-works", "WPS 文档"}
		}
		return sniffed{KindDocument, "application/msword", "Word 文档"}
	case sheetExts[ext]:
		return sniffed{KindSheet, "application/vnd.ms-excel", "Excel 表格"}
	}
	return sniffed{KindOther, "application/x-ole-storage", "Office 文件"}
}

// otherMagic are formats kept opaque (bytes past ASCII written as
// numbers: string literals are checked against the GUI's font), named so that a refusal can say
// what a mis-named "photo" really is and so that Mime is right.
var otherMagic = []struct {
	at     int
	magic  string
	mime   string
	format string
}{
	{0, "GIF87a", "image/gif", "GIF 图片"},
	{0, "GIF89a", "image/gif", "GIF 图片"},
	{0, "II*\x00", "image/tiff", "TIFF 图片"},
	{0, "MM\x00*", "image/tiff", "TIFF 图片"},
	{8, "WEBP", "image/webp", "WebP 图片"},
	{4, "ftypheic", "image/heic", "HEIC 图片（苹果手机照片格式）"},
	{4, "ftypheix", "image/heic", "HEIC 图片（苹果手机照片格式）"},
	{4, "ftypmif1", "image/heif", "HEIF 图片"},
	{4, "ftypavif", "image/avif", "AVIF 图片"},
	{4, "ftypqt", "video/quicktime", "视频"},
	{4, "ftyp", "video/mp4", "视频"},
	{8, "AVI ", "video/x-msvideo", "视频"},
	{8, "WAVE", "audio/wav", "音频"},
	{0, "ID3", "audio/mpeg", "音频"},
	{0, "fLaC", "audio/flac", "音频"},
	{0, "OggS", "audio/ogg", "音频"},
	{0, "Rar!\x1a\x07", "application/vnd.rar", "压缩文件"},
	{0, string([]byte{'7', 'z', 0xBC, 0xAF, 0x27, 0x1C}), "application/x-7z-compressed", "压缩文件"},
	{0, string([]byte{0x1F, 0x8B}), "application/gzip", "压缩文件"},
	{0, "MZ", "application/x-msdownload", "程序文件"},
	{0, string([]byte{0x7F, 'E', 'L', 'F'}), "application/x-executable", "程序文件"},
}

// sniffOther names an opaque file's format: one of otherMagic, plain
// text when the start is valid UTF-8 without control characters, or
// nothing known.
func sniffOther(raw []byte) sniffed {
	for _, m := range otherMagic {
		if len(raw) >= m.at+len(m.magic) && string(raw[m.at:m.at+len(m.magic)]) == m.magic {
			return sniffed{KindOther, m.mime, m.format}
		}
	}
	// BMP's two-byte magic is common at the start of text; its four
	// reserved header bytes are zero.
	if len(raw) >= 26 && raw[0] == 'B' && raw[1] == 'M' && string(raw[6:10]) == "\x00\x00\x00\x00" {
		return sniffed{KindOther, "image/bmp", "BMP 图片"}
	}
	if looksText(raw) {
		return sniffed{KindOther, "text/plain; charset=utf-8", "文本文件"}
	}
	return sniffed{KindOther, "application/octet-stream", "无法识别格式的文件"}
}

// looksText: the first 512 bytes are UTF-8 (a character cut at the end
// allowed) with no control character but tab, CR, LF and form feed.
func looksText(raw []byte) bool {
	head := raw[:min(len(raw), 512)]
	for i := 0; i < len(head); {
		r, n := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && n <= 1 {
			return len(head) == 512 && len(head)-i < utf8.UTFMax
		}
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' || r == 0x7f {
			return false
		}
		i += n
	}
	return true
}
