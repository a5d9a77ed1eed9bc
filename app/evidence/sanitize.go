package evidence

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// windowsReserved are device names Windows refuses as a file's base name,
// with any extension ("CON.txt" too).
var windowsReserved = map[string]bool{
	"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true,
}

// SafeName turns s into one path element every file system takes
// (Windows, macOS, Linux, FAT32 on a USB stick, a zip read by any of
// them): white space (line breaks, tabs) becomes one space, characters
// Windows forbids and other control characters become "_",
// trailing dots and spaces go, a reserved device name gets "_" in front,
// and the result is at most maxBytes of UTF-8 (cut between characters).
// An empty result is "未命名".
func SafeName(s string, maxBytes int) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r): // a title pasted with a line break or tab reads as one line
			b.WriteRune(' ')
		case r == utf8.RuneError, r < 0x20, r == 0x7f, unicode.Is(unicode.Bidi_Control, r), unicode.Is(unicode.Cf, r):
			b.WriteRune('_')
		case strings.ContainsRune(`<>:"/\|?*`, r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	out = cutBytes(out, maxBytes)
	out = strings.TrimRight(out, ". ")
	out = strings.TrimLeft(out, " ")
	if out == "" {
		out = "未命名"
	}
	stem, _, _ := strings.Cut(out, ".")
	if windowsReserved[strings.ToUpper(strings.TrimSpace(stem))] {
		out = cutBytes("_"+out, maxBytes)
	}
	return out
}

// SafeFileName is SafeName for a file: the stem is cut so that the
// extension survives whole.
func SafeFileName(stem, ext string, maxBytes int) string {
	ext = SafeName(ext, 16)
	if ext == "未命名" {
		ext = ""
	}
	if ext != "" && !strings.HasPrefix(ext, ".") {
		ext = "." + ext
	}
	return SafeName(stem, maxBytes-len(ext)) + ext
}

// cutBytes cuts s to at most n bytes without splitting a character.
func cutBytes(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
