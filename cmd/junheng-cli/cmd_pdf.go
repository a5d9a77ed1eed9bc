package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"junheng/app/dossier"
	"junheng/app/eval"
	"junheng/app/proofread"
	"junheng/app/standard"
	"junheng/data"
)

func init() {
	register("pdf", command{
		usage: "pdf FILE.json|DB [--year 学年] -o OUT.pdf [--sections 部分,…] [--office 单位] [--date 2025-03-08]   生成申报材料 PDF",
		run:   runPDF,
	})
}

func sectionList() string {
	var names []string
	for _, s := range dossier.AllSections {
		names = append(names, string(s)+"="+dossier.SectionNames[s])
	}
	return strings.Join(names, "，")
}

func runPDF(args []string, stdout, stderr io.Writer) int {
	fs, set := newFlags("pdf")
	out := fs.String("o", "", "输出的 PDF 文件（- 为标准输出）")
	year := fs.String("year", "", "学年（从数据库生成时）")
	sections := fs.String("sections", "", "要打印的部分，逗号分隔，all 为全部；默认除一校一表外的全部。可选："+sectionList())
	date := fs.String("date", "", "申报日期，格式 2025-03-08（默认为数据中填写的申报日期，未填则为学年末 8 月 31 日）")
	head := fs.String("head", "", "单位负责人")
	preparer := fs.String("preparer", "", "填报人（数据中未填联系人时；默认为 --user 或 JUNHENG_USER）")
	phone := fs.String("phone", "", "联系电话（数据中未填联系电话时）")
	force := forceFlag(fs)
	strict := fs.Bool("strict", false, "材料自查发现问题时以状态 2 退出（PDF 照常生成）")
	rules := ruleFlags(fs)
	p := parse(fs, args, 1, "pdf FILE.json|DB [--year 学年] -o OUT.pdf [--sections 部分,…] [--office 单位]", stdout, stderr)
	if p.stop {
		return p.code
	}
	pos := p.pos
	var err error
	if *out == "" {
		fmt.Fprintln(stderr, "请用 -o 指定输出的 PDF 文件（- 为标准输出）。用法：junheng-cli pdf FILE.json -o OUT.pdf [--sections 部分,…]")
		return 2
	}
	// --office (or JUNHENG_OFFICE), the one office flag of every command,
	// is the dossier's 编制（填报）单位 when the file's application.office
	// is empty; --user (or JUNHENG_USER), the one clerk flag, is its 填报人
	// when neither the file names a contact nor --preparer is given: the
	// GUI signs with the same 使用人.
	if *preparer == "" {
		*preparer = set.User
	}
	opts := dossier.Options{Office: set.Office, Head: *head, Preparer: *preparer, Phone: *phone}
	if *sections != "" {
		if opts.Sections, err = dossier.ParseSections(*sections); err != nil {
			fmt.Fprintf(stderr, "--sections：%v。可选：%s\n", err, sectionList())
			return 2
		}
	}
	if *date != "" {
		if opts.Date, err = time.ParseInLocation("2006-01-02", *date, time.Local); err != nil {
			fmt.Fprintf(stderr, "--date「%s」不是有效日期，格式如 2025-03-08\n", *date)
			return 2
		}
	}
	if *out != "-" {
		if err := data.CheckOutput(*out, data.OutputOptions{Force: *force, Inputs: pos[:1]}); err != nil {
			return failed(stderr, err)
		}
	}
	f, filed, err := loadCountyFiled(pos[0], *year, true)
	if err != nil {
		return failed(stderr, err)
	}
	opts.Evidence = filed
	r := eval.Evaluate(f, standard.National2017(), *rules)
	var buf bytes.Buffer
	if err := dossier.Write(&buf, f, r, opts); err != nil {
		fmt.Fprintln(stderr, "生成 PDF 失败：", err)
		return 1
	}
	found := len(proofread.Check(f, r))
	if *out == "-" {
		if _, err := stdout.Write(buf.Bytes()); err != nil {
			return stdoutFailed(stderr, err)
		}
		return strictCode(*strict, found)
	}
	if err := writeOutput(*out, *force, pos[:1], func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
		return failed(stderr, err)
	}
	fmt.Fprintf(stderr, "已生成「%s」（%d 字节）。\n", *out, buf.Len())
	if found > 0 { // inspectors reject dossiers for this
		fmt.Fprintf(stderr, "注意：材料自查发现 %d 处问题，请用 junheng-cli proofread 查看并修改后再报送。\n", found)
	}
	return strictCode(*strict, found)
}
