package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"junheng/data"
)

func init() {
	register("archive", command{usage: archiveUsage + "   导出迎检档案：按一级指标/二级指标/学校分文件夹，文件名为件号-标题，根目录附档案目录", run: runArchive})
}

const archiveUsage = "archive DB --year 学年 -o OUT.zip"

// errArchivePending is what archive says while the archive writer is not
// part of this build.
var errArchivePending = errors.New("本版本尚不能导出迎检档案，未写出任何文件。")

// exportArchive writes the 迎检档案 of a year to out and returns the
// sentence saying what it wrote. It is the one seam to data/archive.Export.
var exportArchive = func(s *data.Store, year, out string) (string, error) {
	return "", errArchivePending
}

func runArchive(args []string, stdout, stderr io.Writer) int {
	fs, set := newFlags("archive")
	year := fs.String("year", "", "学年，例如 2024-2025")
	out := fs.String("o", "", "写出的 zip 文件，例如 迎检档案.zip")
	p := parse(fs, args, 1, archiveUsage, stdout, stderr)
	if p.stop {
		return p.code
	}
	if strings.TrimSpace(*out) == "" {
		fmt.Fprintln(stderr, "请用 -o 指定写出的 zip 文件，例如 -o 迎检档案.zip。")
		printFlags(stderr, fs, archiveUsage)
		return exitInvalid
	}
	s, err := data.Open(p.pos[0], data.OpenOptions{ReadOnly: true, Settings: *set})
	if err != nil {
		return openFailed(stderr, err)
	}
	defer s.Close()
	f, status := loadYearFor(s, *year, stderr)
	if f == nil {
		return status
	}
	done, err := exportArchive(s, f.Year, *out)
	if errors.Is(err, errArchivePending) {
		fmt.Fprintln(stderr, err)
		return exitFailed
	}
	if err != nil {
		return failed(stderr, err)
	}
	fmt.Fprintln(stdout, done)
	return 0
}
