package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/evidence"
	"junheng/app/report"
	"junheng/app/standard"
	"junheng/assets/demo"
	"junheng/data"
)

// loadFromDB loads one school year from a database file and, with
// withFiled, its attachments as filed in the 迎检档案 (卷/件号, for the
// dossier's 佐证材料目录), in one open; the database commands set it. Nil
// means this build reads JSON files only.
var loadFromDB func(path, year string, withFiled bool) (*county.File, []evidence.Filed, error)

func init() {
	register("eval", command{
		usage: "eval [--text|--pretty] [--year 学年] [规则选项] FILE.json|DB   评估县域数据，输出 junheng-result/1 JSON（--text 输出中文报告）",
		run:   runEval,
	})
	register("demo", command{
		usage: "demo > FILE.json   输出内置的演示县（义马市）数据",
		run: func(args []string, stdout, stderr io.Writer) int {
			fs, _ := newFlags("demo")
			if p := parse(fs, args, 0, "demo > FILE.json", stdout, stderr); p.stop {
				return p.code
			}
			_, err := stdout.Write(demo.JSON)
			if err != nil {
				return stdoutFailed(stderr, err)
			}
			return 0
		},
	})
}

// ruleFlags adds the rule switches of standard.md to a flag set.
func ruleFlags(fs *flag.FlagSet) *eval.Options {
	o := eval.DefaultOptions()
	for _, sw := range eval.Switches { // the same switches as the GUI's settings
		if sw.Int != nil {
			fs.Var((*countFlag)(sw.Int(&o)), sw.Flag, sw.Label)
		} else {
			p := sw.Bool(&o)
			fs.BoolVar(p, sw.Flag, *p, sw.Label)
		}
	}
	return &o
}

// countFlag is an integer flag that refuses negatives when it is parsed,
// so every command words a negative --tp-threshold the same way.
type countFlag int

func (c *countFlag) String() string {
	if c == nil {
		return "0"
	}
	return strconv.Itoa(int(*c))
}

func (c *countFlag) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return errors.New("not a whole number ≥ 0")
	}
	*c = countFlag(n)
	return nil
}

func (c *countFlag) Get() any { return int(*c) }

// loadCounty reads a county from a JSON file or, with --year, a database.
func loadCounty(path, year string) (*county.File, error) {
	f, _, err := loadCountyFiled(path, year, false)
	return f, err
}

// loadCountyFiled is loadCounty that, with withFiled, also lists the
// year's attachments of a database file (none for a JSON file).
func loadCountyFiled(path, year string, withFiled bool) (*county.File, []evidence.Filed, error) {
	if strings.HasSuffix(strings.ToLower(path), ".json") || path == "-" {
		f, err := data.ReadCountyJSON(path, os.Stdin)
		return f, nil, err
	}
	if loadFromDB == nil {
		return nil, nil, fmt.Errorf("「%s」不是 .json 文件", path)
	}
	if year == "" {
		return nil, nil, fmt.Errorf("从数据库评估时请用 --year 指定学年，例如 --year 2024-2025")
	}
	return loadFromDB(path, year, withFiled)
}

func runEval(args []string, stdout, stderr io.Writer) int {
	fs, _ := newFlags("eval")
	text := fs.Bool("text", false, "输出中文文字报告")
	pretty := fs.Bool("pretty", false, "JSON 分行缩进（便于阅读）")
	year := fs.String("year", "", "学年（从数据库评估时）")
	opts := ruleFlags(fs)
	p := parse(fs, args, 1, "eval [--text|--pretty] [--year 学年] [规则选项] FILE.json|DB", stdout, stderr)
	if p.stop {
		return p.code
	}
	pos := p.pos
	f, err := loadCounty(pos[0], *year)
	if err != nil {
		return failed(stderr, err)
	}
	std := standard.National2017()
	r := eval.Evaluate(f, std, *opts)
	if *text {
		_, err = io.WriteString(stdout, report.Text(f, r, std))
	} else {
		err = writeJSON(stdout, withProofread(r, f), *pretty)
	}
	if err != nil {
		return stdoutFailed(stderr, err)
	}
	return 0
}

// writeJSON writes v as JSON with Chinese unescaped; indented on request
// (indenting a 1,000-school result costs a third of the run).
func writeJSON(w io.Writer, v any, indent bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(v)
}
