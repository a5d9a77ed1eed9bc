package format

import "testing"

func TestSafeShowsControlAndBidiAsCodePoints(t *testing.T) {
	cases := map[string]string{
		"城关一小":             "城关一小",
		"a\x1b]0;pwn\x07b": "a<U+001B>]0;pwn<U+0007>b",
		"\x1b[2J":          "<U+001B>[2J",
		"张三\u202e四李":       "张三<U+202E>四李",
		"第一\u3000小学 (东)":   "第一\u3000小学 (东)",
		"tab\there":        "tab<U+0009>here",
		"zero\u200bwidth":  "zero<U+200B>width",
		"c1\u009bcontrol":  "c1<U+009B>control",
		"bad\xffutf8":      "bad<U+FFFD>utf8",
	}
	for in, want := range cases {
		if got := Safe(in); got != want {
			t.Errorf("Safe(%q) = %q, want %q", in, got, want)
		}
	}
}
