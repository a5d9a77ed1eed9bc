package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"junheng/app/county"
	"junheng/app/evidence"
	"junheng/app/format"
	"junheng/data"
	"junheng/data/safefile"
)

// The 佐证材料 commands: attach (here) adds files to the item they prove,
// attachments (cmd_attachments.go) lists them and what the checklists
// still miss, archive (cmd_archive.go) writes the 迎检档案.

func init() {
	register("attach", command{usage: "attach DB --year 学年 --item 指标 [--school 标识码] FILE… [--title 题名] [--doc-no 文号] [--date 日期] [--caption 说明] [--entry 清单项]   把佐证材料添加到指标（照片缩小后存入数据文件）", run: runAttach})
}

const attachUsage = "attach DB --year 学年 --item 指标 [--school 标识码] FILE… [--title 题名] [--doc-no 文号] [--date 日期] [--caption 说明] [--entry 清单项]"

func runAttach(args []string, stdout, stderr io.Writer) int {
	fs, set := newFlags("attach")
	takeover := takeoverFlag(fs)
	year := fs.String("year", "", "学年，例如 2024-2025")
	item := fs.String("item", "", "指标代码，例如 G3、R5、Q1、V2、F4")
	schoolIDs := schoolFlag(fs, "学校标识码（不写则添加到县级指标）")
	var meta evidence.Meta
	fs.StringVar(&meta.Title, "title", "", "题名（不写则用文件名）")
	fs.StringVar(&meta.DocNo, "doc-no", "", "文号，例如 某教发〔2024〕12号")
	fs.StringVar(&meta.Date, "date", "", "形成日期，例如 2024-09-01")
	fs.StringVar(&meta.Caption, "caption", "", "照片说明：时间、地点、人物、事件")
	fs.StringVar(&meta.Entry, "entry", "", "对应的佐证材料清单项（名称）")
	p := parse(fs, args, -1, attachUsage, stdout, stderr)
	if p.stop {
		return p.code
	}
	if len(p.pos) < 2 {
		fmt.Fprintln(stderr, "参数不够：attach 命令需要数据文件和至少一个要添加的文件。")
		printFlags(stderr, fs, attachUsage)
		return exitInvalid
	}
	code := strings.ToUpper(strings.TrimSpace(*item))
	if code == "" { // a usage error: the synopsis shows --item
		fmt.Fprintf(stderr, "请用 --item 指定佐证材料所证明的指标，可选：%s。\n", strings.Join(evidence.ItemCodes(), "、"))
		printFlags(stderr, fs, attachUsage)
		return exitInvalid
	}
	if _, ok := evidence.ItemOf(code); !ok {
		fmt.Fprintf(stderr, "没有代码为「%s」的指标，未添加任何文件。可选：%s。\n", *item, strings.Join(evidence.ItemCodes(), "、"))
		return exitInvalid
	}
	// What is said of the files is checked before any is read (the store
	// checks it again, with the entry against the item's checklist).
	meta, err := meta.Clean("")
	if err != nil {
		fmt.Fprintf(stderr, "%v未添加任何文件。\n", err)
		return exitInvalid
	}

	s, f, status := openWithYear(p.pos[0], *year, data.OpenOptions{Settings: *set, TakeOver: *takeover}, stderr)
	if s == nil {
		return status
	}
	defer s.Close()
	schools := schoolRefs(f)
	id := last(*schoolIDs)
	if id != "" && !slices.ContainsFunc(schools, func(r evidence.SchoolRef) bool { return r.ID == id }) {
		fmt.Fprintf(stderr, "文件中 %s 学年没有标识码为「%s」的学校，未添加任何文件。请用 history 或 export-json 查看学校标识码。\n", f.Year, id)
		return exitInvalid
	}
	before, err := s.Attachments(f.Year)
	if err != nil {
		return failed(stderr, err)
	}
	adds, skipped, err := prepareAll(p.pos[1:], code, id, meta, before)
	if err != nil {
		fmt.Fprintln(stderr, err)
		fmt.Fprintf(stderr, "本次未添加任何文件（共 %d 个）。\n", len(p.pos)-1)
		return exitCode(err)
	}
	for _, line := range skipped {
		fmt.Fprintln(stdout, line)
	}
	if len(adds) == 0 {
		return 0
	}
	if err := s.SaveEvidence(f.Year, evidence.Edit{Add: adds}); err != nil {
		fmt.Fprintln(stderr, err)
		fmt.Fprintf(stderr, "本次未添加任何文件（共 %d 个）。\n", len(p.pos)-1)
		return exitCode(err)
	}
	after, err := s.Attachments(f.Year)
	if err != nil {
		return failed(stderr, err)
	}
	filed := map[string]evidence.Filed{}
	for _, x := range evidence.Number(after, schools) {
		filed[x.ID] = x
	}
	for _, a := range adds {
		x, ok := filed[evidence.Key(a.Item, a.School, a.File.Hash)]
		if !ok { // saved but not listed: say so rather than print a 件号 of 0-000
			fmt.Fprintf(stderr, "「%s」已保存，但在 %s 学年的佐证材料中找不到它，请用 attachments 命令查看。\n", a.File.Name, f.Year)
			return exitFailed
		}
		fmt.Fprintln(stdout, attachedLine(x, a.File))
	}
	return 0
}

// invalid is a refusal of the clerk's input (exit 2), worded in Chinese.
type invalid struct{ msg string }

func (e *invalid) Error() string { return e.msg }

func invalidf(format string, a ...any) error { return &invalid{fmt.Sprintf(format, a...)} }

// prepareAll reads and prepares every file before anything is stored, so
// that one bad file leaves the data file as it was. A file already
// attached to the item (the same content) or given twice is attached
// once; skipped says so for each.
func prepareAll(paths []string, item, school string, meta evidence.Meta, existing []evidence.Attachment) (adds []evidence.Add, skipped []string, err error) {
	have := map[string]string{}
	for _, a := range existing {
		have[a.ID] = a.Name
	}
	for _, path := range paths {
		raw, err := readAttachment(path)
		if err != nil {
			return nil, nil, err
		}
		f, err := evidence.Prepare(path, raw)
		if err != nil {
			return nil, nil, invalidf("%v", err)
		}
		id := evidence.Key(item, school, f.Hash)
		if name, dup := have[id]; dup {
			skipped = append(skipped, fmt.Sprintf("「%s」与已有的「%s」内容相同，已在该指标下，未重复添加。", f.Name, name))
			continue
		}
		have[id] = f.Name
		adds = append(adds, evidence.Add{Item: item, School: school, Meta: meta, File: f})
	}
	return adds, skipped, nil
}

// readAttachment reads a file to attach; it refuses a folder and a file
// past the limit before reading it, so that a 4 GB video is never loaded.
func readAttachment(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, safefile.Explain(path, err)
	}
	if fi.IsDir() {
		return nil, invalidf("「%s」是文件夹，不是文件。请列出其中要添加的文件。", path)
	}
	if fi.Size() > evidence.MaxFileBytes {
		return nil, invalidf("文件「%s」有 %s，超过单个佐证材料 %d MB 的上限。请压缩或拆分后再添加。", filepath.Base(path), format.Bytes(fi.Size()), evidence.MaxFileBytes>>20)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, safefile.Explain(path, err)
	}
	return raw, nil
}

// attachedLine says what was stored: 件号, where, kind and stored size,
// and for a reduced photo its new size.
func attachedLine(f evidence.Filed, p *evidence.Prepared) string {
	where := f.Item
	if f.School != "" {
		where += " " + f.SchoolName
	}
	var b strings.Builder
	fmt.Fprintf(&b, "已添加 %s %s「%s」：%s", f.Code(), format.Safe(where), format.Safe(f.DisplayTitle()), evidence.KindNames[p.Kind])
	if p.Reduced {
		fmt.Fprintf(&b, "，已缩小为 %d×%d", p.Width, p.Height)
	}
	fmt.Fprintf(&b, "，存储 %s", format.Bytes(int64(len(p.Data))))
	if p.OriginalSize != int64(len(p.Data)) {
		fmt.Fprintf(&b, "（原 %s）", format.Bytes(p.OriginalSize))
	}
	b.WriteString("。")
	return b.String()
}

// openWithYear opens a data file and loads the year asked for with --year;
// nil and the exit status when it cannot (the message is printed).
func openWithYear(path, year string, o data.OpenOptions, stderr io.Writer) (*data.Store, *county.File, int) {
	open := data.Open
	if !o.ReadOnly {
		open = func(path string, o data.OpenOptions) (*data.Store, error) { return openForEdit(path, o, stderr) }
	}
	s, err := open(path, o)
	if err != nil {
		return nil, nil, openFailed(stderr, err)
	}
	f, status := loadYearFor(s, year, stderr)
	if f == nil {
		s.Close()
		return nil, nil, status
	}
	return s, f, 0
}

// loadYearFor loads the year asked for with --year; without it, or for a
// year the file does not hold, it names the years there are. nil and the
// exit status when it cannot (the message is printed).
func loadYearFor(s *data.Store, year string, stderr io.Writer) (*county.File, int) {
	years, err := s.Years()
	if err != nil {
		return nil, failed(stderr, err)
	}
	year = strings.TrimSpace(year)
	if year == "" || !slices.Contains(years, year) {
		have := "（还没有任何学年）"
		if len(years) > 0 {
			have = "：" + strings.Join(years, "、")
		}
		if year == "" {
			fmt.Fprintf(stderr, "请用 --year 指定学年；文件中有%s。\n", have)
		} else {
			fmt.Fprintf(stderr, "文件中没有 %s 学年的数据；文件中有%s。\n", year, have)
		}
		return nil, exitInvalid
	}
	f, err := s.LoadYear(year)
	if err != nil {
		return nil, failed(stderr, err)
	}
	return f, 0
}

// schoolRefs are the schools of a year in the file's order, which is the
// order of the 件号.
func schoolRefs(f *county.File) []evidence.SchoolRef {
	out := make([]evidence.SchoolRef, len(f.Schools))
	for i, sc := range f.Schools {
		out[i] = evidence.SchoolRef{ID: sc.ID, Name: sc.Name}
	}
	return out
}
