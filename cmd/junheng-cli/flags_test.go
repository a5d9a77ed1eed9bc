package main

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/app/dossier"
)

// english finds what the flag package (or any English) would print: a
// word of four or more Latin letters that is not one of the names a clerk
// types (flag names, placeholders, file extensions).
var english = regexp.MustCompile(`[A-Za-z]{4,}`)

var allowedWords = map[string]bool{
	"junheng": true, "FILE": true, "json": true, "xlsx": true, "JUNHENG": true, "OFFICE": true, "USER": true,
	"true": true, "false": true, "OTHER": true, "pretty": true, "text": true, "year": true, "office": true,
	"user": true, "replace": true, "county": true, "other": true, "theirs": true, "ours": true, "school": true,
	"field": true, "limit": true, "apply": true, "sections": true, "date": true, "head": true, "preparer": true,
	"phone": true, "threshold": true, "merge": true, "exclude": true, "private": true, "include": true,
	"special": true, "init": true, "import": true, "export": true, "check": true, "history": true, "eval": true,
	"demo": true, "template": true, "nope": true, "bogus": true, "maybe": true, // values typed in the tests
	"students": true, "primary": true, "teachers": true, // field paths in the usage (what --field takes)
	"application": true, "contact": true, // JSON keys of the county file named by pdf's usage
	"strict": true,
}

func init() {
	for _, sec := range dossier.AllSections { // the values --sections takes
		allowedWords[string(sec)] = true
	}
	for _, k := range county.PlanningLevers { // the values plan's --off takes
		for _, w := range strings.Split(k, "_") {
			allowedWords[w] = true
		}
	}
	allowedWords["margin"], allowedWords["seven"] = true, true // plan's flags
	for name := range commands {                               // the command names themselves
		for _, w := range strings.Split(name, "-") {
			allowedWords[w] = true
		}
	}
}

func checkChinese(t *testing.T, what, text string) {
	t.Helper()
	for _, w := range english.FindAllString(text, -1) {
		if !allowedWords[w] && !allowedWords[strings.ToLower(w)] {
			t.Errorf("%s: English word %q reaches the clerk:\n%s", what, w, text)
		}
	}
	for _, raw := range []string{"flag provided", "Usage of", "invalid value", "needs an argument", "bad flag syntax", "defined"} {
		if strings.Contains(text, raw) {
			t.Errorf("%s: the flag package's %q reaches the clerk:\n%s", what, raw, text)
		}
	}
}

// Issue 11 §6, as found: every flag error was the flag package's English
// ("flag provided but not defined", "Usage of import-json:", "invalid
// value … for flag"). Every command, every kind of flag error: a Chinese
// sentence, the command's usage, exit status 2.
func TestEveryFlagErrorIsChinese(t *testing.T) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) < 12 {
		t.Fatalf("only %d commands registered: %v", len(names), names)
	}
	// A flag of each command that takes a typed value, for the bad-value
	// case (every command has --office, which takes text).
	typed := map[string][]string{
		"eval":        {"--tp-threshold", "abc"},
		"pdf":         {"--tp-threshold", "1.5"},
		"export-xlsx": {"--tp-merge=maybe"},
		"history":     {"--limit", "十"},
		"merge":       {"--theirs=ja"},
		"import-json": {"--replace=2"},
		"import-xlsx": {"--apply=yes"},
	}
	for _, name := range names {
		cases := map[string][]string{
			"undefined flag":  {"--bogus", "x"},
			"single dash":     {"-nope"},
			"missing value":   {"a", "--office"},
			"bad syntax":      {"---x"},
			"too many files":  {"a", "b", "c", "d"},
			"wrong bool form": {"--office"},
		}
		if tv := typed[name]; tv != nil {
			cases["bad value"] = tv
		}
		for what, args := range cases {
			code, out, errOut := runCLI(append([]string{name}, args...)...)
			label := name + " " + strings.Join(args, " ") + " (" + what + ")"
			if code != 2 {
				t.Errorf("%s: exit %d, want 2 (stdout %q)", label, code, out)
			}
			if !strings.Contains(errOut, "用法：junheng-cli "+name) {
				t.Errorf("%s: stderr lacks the command's usage:\n%s", label, errOut)
			}
			checkChinese(t, label, errOut+out)
		}
		// --help prints the usage and its flags in Chinese on stdout.
		code, out, errOut := runCLI(name, "--help")
		if code != 0 || !strings.Contains(out, "用法：junheng-cli "+name) || !strings.Contains(out, "--office") || !strings.Contains(out, "--user") {
			t.Errorf("%s --help: exit %d, stdout %q, stderr %q", name, code, out, errOut)
		}
		checkChinese(t, name+" --help", out)
	}
}

// The sentences name what was wrong.
func TestFlagErrorsNameTheFlagAndValue(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import-json", "--bogus"}, "import-json 命令没有参数「--bogus」"},
		{[]string{"eval", "--tp-threshold", "abc", "x.json"}, "参数「--tp-threshold」的值「abc」无效：应为不小于 0 的整数"},
		// a negative threshold is refused by the flag itself, alike in every command
		{[]string{"eval", "--tp-threshold", "-1", "x.json"}, "参数「--tp-threshold」的值「-1」无效：应为不小于 0 的整数"},
		{[]string{"pdf", "--tp-threshold", "-1", "x.json", "-o", "x.pdf"}, "参数「--tp-threshold」的值「-1」无效"},
		{[]string{"proofread", "--tp-threshold", "-1", "x.json"}, "参数「--tp-threshold」的值「-1」无效"},
		{[]string{"merge", "--theirs=ja", "a", "b"}, "参数「--theirs」的值「ja」无效：应为true 或 false"},
		{[]string{"history", "x.db", "--year"}, "参数「--year」后面缺少它的值"},
		{[]string{"import-json", "x.db"}, "参数不够：import-json 命令需要 2 个"},
	} {
		_, _, errOut := runCLI(c.args...)
		if !strings.Contains(errOut, c.want) {
			t.Errorf("%v: stderr lacks %q:\n%s", c.args, c.want, errOut)
		}
	}
}
