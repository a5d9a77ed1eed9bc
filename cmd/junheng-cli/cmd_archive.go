package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	pdfout "junheng/app/archive"
	"junheng/app/format"
	"junheng/data"
	"junheng/data/archive"
)

func init() {
	register("archive", command{usage: archiveUsage + "   导出迎检档案：按一级指标/二级指标/学校分文件夹，文件名为件号-标题，根目录附档案目录、档案盒标签和照片及文件页", run: runArchive})
}

const archiveUsage = "archive DB --year 学年 -o OUT.zip [--box 3|4|5]"

func runArchive(args []string, stdout, stderr io.Writer) int {
	fs, set := newFlags("archive")
	year := fs.String("year", "", "学年，例如 2024-2025")
	out := fs.String("o", "", "写出的 zip 文件，例如 迎检档案.zip")
	box := fs.Int("box", 4, "档案盒盒脊厚度（厘米）：3、4 或 5")
	force := forceFlag(fs)
	p := parse(fs, args, 1, archiveUsage, stdout, stderr)
	if p.stop {
		return p.code
	}
	if strings.TrimSpace(*out) == "" {
		fmt.Fprintln(stderr, "请用 -o 指定写出的 zip 文件，例如 -o 迎检档案.zip。")
		printFlags(stderr, fs, archiveUsage)
		return exitInvalid
	}
	if !slices.Contains(pdfout.SpineSizes, *box) {
		sizes := make([]string, len(pdfout.SpineSizes))
		for i, n := range pdfout.SpineSizes {
			sizes[i] = strconv.Itoa(n)
		}
		fmt.Fprintf(stderr, "--box = %d：档案盒盒脊厚度只能是 %s 厘米之一。\n", *box, strings.Join(sizes, "、"))
		return exitInvalid
	}
	if err := data.CheckOutput(*out, data.OutputOptions{Force: *force, Inputs: p.pos[:1]}); err != nil {
		return failed(stderr, err)
	}
	s, f, status := openWithYear(p.pos[0], *year, data.OpenOptions{ReadOnly: true, Settings: *set}, stderr)
	if s == nil {
		return status
	}
	defer s.Close()
	var problems archive.Problems
	sum, err := archive.Export(s, f.Year, *out, archive.Options{Extras: archive.Printouts(*box, &problems)})
	if err != nil {
		return failed(stderr, err)
	}
	fmt.Fprintf(stdout, "已导出 %s 学年的迎检档案到「%s」：佐证材料 %d 件（%s），另有 %s、%s", f.Year, sum.Path, sum.Files,
		format.Bytes(sum.Bytes), archive.IndexXLSX, archive.IndexPDF)
	if len(sum.Extras) > 0 {
		fmt.Fprintf(stdout, "、%s", strings.Join(sum.Extras, "、"))
	}
	fmt.Fprintf(stdout, "；zip 共 %s。\n", format.Bytes(sum.ZipBytes))
	for _, pr := range problems.List {
		fmt.Fprintln(stdout, "注意："+pr)
	}
	return 0
}
