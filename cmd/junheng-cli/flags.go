package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"

	"junheng/data"
)

// Every command parses its flags here: the flag package's own English
// ("flag provided but not defined", "Usage of x:", "invalid value … for
// flag") never reaches the clerk; its output is discarded and its errors
// are worded in Chinese with the command's usage.

// newFlags starts the flag set of a command. Every command takes
// --office/--user (defaults JUNHENG_OFFICE/JUNHENG_USER), so that
// whatever it writes is recorded under the right name; the returned
// Settings hold them after parse.
func newFlags(name string) (*flag.FlagSet, *data.Settings) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs, who(fs)
}

// who adds --office and --user to a flag set, with the environment
// variables as defaults.
func who(fs *flag.FlagSet) *data.Settings {
	s := &data.Settings{Office: os.Getenv("JUNHENG_OFFICE"), User: os.Getenv("JUNHENG_USER")}
	fs.StringVar(&s.Office, "office", s.Office, "单位名称（记入修改记录；也可用环境变量 JUNHENG_OFFICE）")
	fs.StringVar(&s.User, "user", s.User, "使用人（记入修改记录；也可用环境变量 JUNHENG_USER）")
	return s
}

// parsed is the outcome of parse: the positional arguments, or the exit
// status when the command must stop (0 after --help, 2 after a usage
// error, both already printed).
type parsed struct {
	pos  []string
	stop bool
	code int
}

// parse parses flags that may stand before or after the positional
// arguments ("eval FILE --text" and "eval --text FILE") and checks their
// count (n < 0: any). usage is the command's one-line synopsis.
func parse(fs *flag.FlagSet, args []string, n int, usage string, stdout, stderr io.Writer) parsed {
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		printFlags(stdout, fs, usage)
		return parsed{stop: true, code: 0}
	}
	if err != nil {
		fmt.Fprintln(stderr, flagError(fs, err))
		printFlags(stderr, fs, usage)
		return parsed{stop: true, code: 2}
	}
	if n >= 0 && len(pos) != n {
		if len(pos) < n {
			fmt.Fprintf(stderr, "参数不够：%s 命令需要 %d 个文件或名称，只给了 %d 个。\n", fs.Name(), n, len(pos))
		} else {
			fmt.Fprintf(stderr, "参数太多：%s 命令需要 %d 个文件或名称，给了 %d 个（多出「%s」）。\n", fs.Name(), n, len(pos), strings.Join(pos[n:], " "))
		}
		printFlags(stderr, fs, usage)
		return parsed{stop: true, code: 2}
	}
	if err := data.CheckWho(fs.Lookup("office").Value.String(), fs.Lookup("user").Value.String(),
		"--office 或 JUNHENG_OFFICE", "--user 或 JUNHENG_USER"); err != nil {
		fmt.Fprintln(stderr, err)
		return parsed{stop: true, code: 2}
	}
	return parsed{pos: pos}
}

// parseInterspersed parses flags anywhere on the line; after "--"
// everything is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var tail []string
	if i := slices.Index(args, "--"); i >= 0 {
		args, tail = args[:i], args[i+1:]
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return append(pos, tail...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

var (
	reUndefined = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	reNeedsArg  = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
	reBadValue  = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-+([^:]*):`)
	reSyntax    = regexp.MustCompile(`^bad flag syntax: (.*)$`)
)

// flagError words an error of the flag package in Chinese.
func flagError(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	if m := reUndefined.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s 命令没有参数「--%s」。", fs.Name(), m[1])
	}
	if m := reNeedsArg.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("参数「--%s」后面缺少它的值。", m[1])
	}
	if m := reBadValue.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("参数「--%s」的值「%s」无效：应为%s。", m[2], m[1], valueKind(fs.Lookup(m[2])))
	}
	if m := reSyntax.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("参数「%s」的写法不对，应写成 --名称 或 --名称 值。", m[1])
	}
	return fmt.Sprintf("%s 命令的参数有误。", fs.Name())
}

// valueKind names what a flag takes, in Chinese.
func valueKind(f *flag.Flag) string {
	if f == nil {
		return "有效的值"
	}
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return "true 或 false（也可只写参数名，表示是）"
	}
	switch f.Value.(type) {
	case *countFlag:
		return "不小于 0 的整数"
	case interface{ Get() any }:
		switch f.Value.(flag.Getter).Get().(type) {
		case int, int64, uint, uint64:
			return "整数"
		case float64:
			return "数字"
		}
	}
	return "文本"
}

// printFlags prints a command's usage and its flags, in Chinese.
func printFlags(w io.Writer, fs *flag.FlagSet, usage string) {
	fmt.Fprintln(w, "用法：junheng-cli "+usage)
	fmt.Fprintln(w, "参数：")
	fs.VisitAll(func(f *flag.Flag) {
		arg := ""
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
			arg = " 值"
		}
		line := fmt.Sprintf("  --%s%s", f.Name, arg)
		fmt.Fprintf(w, "%-22s %s", line, f.Usage)
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			fmt.Fprintf(w, "（默认 %s）", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}
