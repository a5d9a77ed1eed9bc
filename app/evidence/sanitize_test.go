package evidence

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Names that Windows, macOS, Linux and a FAT32 stick all take: what a
// clerk's titles become as folder and file names in the archive.
func TestSafeName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"第一小学", "第一小学"},
		{"CON", "_CON"},
		{"con", "_con"},
		{"Nul", "_Nul"},
		{"com1.txt", "_com1.txt"},
		{"LPT9.tar.gz", "_LPT9.tar.gz"},
		{"CONSOLE", "CONSOLE"}, // only the device names themselves
		{"COM10", "COM10"},
		{`a<b>c:d"e/f\g|h?i*j`, "a_b_c_d_e_f_g_h_i_j"},
		{"通知...", "通知"},
		{"通知. . ", "通知"},
		{"  前后有空格  ", "前后有空格"},
		{"中间\t\n换行", "中间 换行"},  // a pasted line break reads as one line
		{"响\x07铃\x00", "响_铃_"}, // other control characters
		{"CON ", "_CON"},
		{"aux.", "_aux"},
		{"空　格", "空 格"}, // U+3000, the Chinese full-width space
		{"控制\x00\x07字符", "控制__字符"},
		{"照片\u202Egpj.exe", "照片_gpj.exe"}, // right-to-left override hides ".exe"
		{"", "未命名"},
		{"...", "未命名"},
		{"///", "___"},
	}
	for _, c := range cases {
		if got := SafeName(c.in, 100); got != c.want {
			t.Errorf("SafeName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Cutting to a length never splits a character (3 bytes each here), and
// what is left is still a safe name.
func TestSafeNameLength(t *testing.T) {
	long := strings.Repeat("教育均衡", 40) // 480 bytes
	for n := 1; n <= 40; n++ {
		got := SafeName(long, n)
		if len(got) > n && got != "未命名" {
			t.Errorf("SafeName(_, %d) is %d bytes", n, len(got))
		}
		if !utf8.ValidString(got) || !strings.HasPrefix(long, got) && got != "未命名" {
			t.Errorf("SafeName(_, %d) = %q: not a whole-character prefix", n, got)
		}
		if len(got) < n-2 && got != "未命名" {
			t.Errorf("SafeName(_, %d) = %q: cut more than a character", n, got)
		}
	}
	// A cut that lands after a dot or a space does not leave one at the end.
	if got := SafeName("报告. 附件", 8); got != "报告" {
		t.Errorf("cut before a trailing dot: %q", got)
	}
	// A reserved name with "_" in front still fits.
	if got := SafeName("CON", 3); len(got) > 3 {
		t.Errorf("SafeName(CON, 3) = %q", got)
	}
}

// A file name keeps its extension whole however long its stem.
func TestSafeFileName(t *testing.T) {
	stem := strings.Repeat("县人民政府关于义务教育优质均衡发展的实施方案", 10)
	for _, max := range []int{20, 40, 100, 240} {
		got := SafeFileName(stem, ".pdf", max)
		if len(got) > max || !strings.HasSuffix(got, ".pdf") || !utf8.ValidString(got) {
			t.Errorf("max %d: %q (%d bytes)", max, got, len(got))
		}
		if !strings.HasPrefix(stem, strings.TrimSuffix(got, ".pdf")) {
			t.Errorf("max %d: stem %q is not a prefix of the title", max, got)
		}
	}
	cases := []struct{ stem, ext, want string }{
		{"1-003-音乐教室", ".jpg", "1-003-音乐教室.jpg"},
		{"1-003-音乐教室", "jpg", "1-003-音乐教室.jpg"},
		{"CON", ".txt", "_CON.txt"},
		{"报告", "", "报告"},
		{"方案?", ".docx", "方案_.docx"},
		{"", ".pdf", "未命名.pdf"},
	}
	for _, c := range cases {
		if got := SafeFileName(c.stem, c.ext, 100); got != c.want {
			t.Errorf("SafeFileName(%q, %q) = %q, want %q", c.stem, c.ext, got, c.want)
		}
	}
}
