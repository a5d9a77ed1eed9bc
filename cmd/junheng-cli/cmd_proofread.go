package main

import (
	"fmt"
	"io"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/proofread"
	"junheng/app/standard"
)

func init() {
	register("proofread", command{
		usage: "proofread FILE.json|DB [--year 学年] [--strict]   材料自查：列出文字材料中与本文件数据不一致之处（--strict：有则以状态 2 退出）",
		run:   runProofread,
	})
}

// resultOutput is the junheng-result/1 document as the command line writes
// it: the evaluation and, beside it, what the texts state that the file's
// own numbers contradict (exchange.md: "proofread").
type resultOutput struct {
	*eval.Result
	Proofread []proofread.Finding `json:"proofread"`
}

func withProofread(r *eval.Result, f *county.File) resultOutput {
	return resultOutput{Result: r, Proofread: proofread.Check(f, r)}
}

func runProofread(args []string, stdout, stderr io.Writer) int {
	fs, _ := newFlags("proofread")
	year := fs.String("year", "", "学年（从数据库检查时）")
	strict := fs.Bool("strict", false, "发现问题时以状态 2 退出")
	opts := ruleFlags(fs)
	p := parse(fs, args, 1, "proofread FILE.json|DB [--year 学年] [--strict]", stdout, stderr)
	if p.stop {
		return p.code
	}
	pos := p.pos
	f, err := loadCounty(pos[0], *year)
	if err != nil {
		return failed(stderr, err)
	}
	r := eval.Evaluate(f, standard.National2017(), *opts)
	list := proofread.Check(f, r)
	for _, c := range list {
		if _, err := fmt.Fprintln(stdout, c.Sentence()); err != nil {
			return stdoutFailed(stderr, err)
		}
	}
	if len(list) == 0 {
		fmt.Fprintln(stderr, "材料自查："+proofread.NoneFound)
	} else {
		fmt.Fprintf(stderr, "材料自查：发现 %d 处问题。\n", len(list))
	}
	return strictCode(*strict, len(list))
}

// strictCode is the exit status under --strict: 2 when 材料自查 found
// anything, else 0.
func strictCode(strict bool, found int) int {
	if strict && found > 0 {
		return 2
	}
	return 0
}
