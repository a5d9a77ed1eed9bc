package main

import (
	"fmt"
	"io"
	"strings"

	"junheng/app/county"
	"junheng/app/evidence"
	"junheng/app/format"
	"junheng/data"
)

func init() {
	register("attachments", command{usage: attachmentsUsage + "   列出佐证材料（件号、指标、学校、题名、文号、日期、类型、大小、状态）和清单中还缺的材料", run: runAttachments})
}

const attachmentsUsage = "attachments DB --year 学年 [--missing] [--json]"

// AttachmentsFormat names the JSON document of attachments --json.
const AttachmentsFormat = "junheng-attachments/1"

// listing is what attachments prints, as text or as JSON.
type listing struct {
	Format      string        `json:"format"`
	Year        string        `json:"year"`
	County      string        `json:"county"`
	StoredBytes int64         `json:"stored_bytes"`
	Attachments []listedFile  `json:"attachments"`
	Missing     []listedGap   `json:"missing"`
	ByItem      []listedCount `json:"missing_by_item"`
}

type listedFile struct {
	Code       string `json:"code"` // 件号
	ID         string `json:"id"`
	Item       string `json:"item"`
	ItemName   string `json:"item_name"`
	School     string `json:"school,omitempty"`
	SchoolName string `json:"school_name,omitempty"`
	Title      string `json:"title"`
	DocNo      string `json:"doc_no,omitempty"`
	Date       string `json:"date,omitempty"`
	Caption    string `json:"caption,omitempty"`
	Kind       string `json:"kind"`
	KindName   string `json:"kind_name"`
	Name       string `json:"file_name"`
	Size       int64  `json:"size"`
	Width      int    `json:"width,omitempty"`
	Height     int    `json:"height,omitempty"`
	Entry      string `json:"entry,omitempty"` // the checklist entry it answers
	Status     string `json:"status"`
	AddedBy    string `json:"added_by,omitempty"`
}

type listedGap struct {
	Item       string `json:"item"`
	Entry      string `json:"entry"`
	School     string `json:"school,omitempty"`
	SchoolName string `json:"school_name,omitempty"`
}

type listedCount struct {
	Item     string `json:"item"`
	Count    int    `json:"count"`
	Schools  int    `json:"schools"`
	Sentence string `json:"sentence"`
}

func runAttachments(args []string, stdout, stderr io.Writer) int {
	fs, set := newFlags("attachments")
	year := fs.String("year", "", "学年，例如 2024-2025")
	missing := fs.Bool("missing", false, "只列出清单中还缺的佐证材料（逐项，含学校）")
	asJSON := fs.Bool("json", false, "输出 JSON（"+AttachmentsFormat+"）")
	pretty := fs.Bool("pretty", false, "JSON 分行缩进（便于阅读）")
	p := parse(fs, args, 1, attachmentsUsage, stdout, stderr)
	if p.stop {
		return p.code
	}
	s, f, status := openWithYear(p.pos[0], *year, data.OpenOptions{ReadOnly: true, Settings: *set}, stderr)
	if s == nil {
		return status
	}
	defer s.Close()
	l, err := buildListing(s, f)
	if err != nil {
		return failed(stderr, err)
	}
	if *asJSON {
		err = writeJSON(stdout, l, *pretty)
	} else {
		err = printListing(stdout, l, *missing)
	}
	if err != nil {
		fmt.Fprintln(stderr, "写出失败：", err)
		return exitFailed
	}
	return 0
}

// buildListing reads a year's attachments, numbers them and finds what
// the checklists still miss.
func buildListing(s *data.Store, f *county.File) (*listing, error) {
	atts, err := s.Attachments(f.Year)
	if err != nil {
		return nil, err
	}
	lists, err := s.Checklists(f.Year)
	if err != nil {
		return nil, err
	}
	stored, err := s.EvidenceBytes()
	if err != nil {
		return nil, err
	}
	schools := schoolRefs(f)
	l := &listing{Format: AttachmentsFormat, Year: f.Year, County: f.County.Name, StoredBytes: stored,
		Attachments: []listedFile{}, Missing: []listedGap{}, ByItem: []listedCount{}}
	for _, x := range evidence.Number(atts, schools) {
		entry := answeredEntry(&x.Attachment, lists[x.Item])
		st := "未对应清单项"
		if entry != "" {
			st = "对应「" + entry + "」"
		}
		l.Attachments = append(l.Attachments, listedFile{Code: x.Code(), ID: x.ID, Item: x.Item, ItemName: x.ItemName,
			School: x.School, SchoolName: x.SchoolName, Title: x.DisplayTitle(), DocNo: x.DocNo, Date: x.Date, Caption: x.Caption,
			Kind: string(x.Kind), KindName: evidence.KindNames[x.Kind], Name: x.Name, Size: x.Size, Width: x.Width, Height: x.Height,
			Entry: entry, Status: st, AddedBy: x.AddedBy})
	}
	gaps := evidence.Missing(lists, atts, schools)
	for _, g := range gaps {
		l.Missing = append(l.Missing, listedGap{Item: g.Item, Entry: g.Entry, School: g.School, SchoolName: g.SchoolName})
	}
	for _, c := range evidence.ByItem(gaps) {
		l.ByItem = append(l.ByItem, listedCount{Item: c.Item, Count: c.Count, Schools: c.Schools, Sentence: c.Sentence()})
	}
	return l, nil
}

// answeredEntry is the checklist entry an attachment answers: the one it
// names, or the only entry of its item (as evidence.Missing counts it);
// "" when it answers none.
func answeredEntry(a *evidence.Attachment, es []evidence.Entry) string {
	if len(es) == 1 {
		return es[0].Name
	}
	for _, e := range es {
		if e.Name == a.Entry {
			return e.Name
		}
	}
	return ""
}

// printListing prints one line per attachment in 件号 order, then the
// gaps per item; with onlyMissing, every gap and its school instead of
// the attachments.
func printListing(w io.Writer, l *listing, onlyMissing bool) error {
	ew := &errWriter{w: w}
	if !onlyMissing {
		if len(l.Attachments) == 0 {
			ew.printf("%s 学年还没有佐证材料。\n", l.Year)
		} else {
			ew.printf("%s 学年佐证材料 %d 件（数据文件中的佐证材料共 %s）：\n", l.Year, len(l.Attachments), format.Bytes(l.StoredBytes))
			ew.printf("件号  指标  学校  题名  文号  日期  类型  大小  状态\n")
		}
		for _, a := range l.Attachments {
			school := a.SchoolName
			if a.School == "" {
				school = "县级"
			}
			size := format.Bytes(a.Size)
			if a.Width > 0 && a.Height > 0 {
				size += fmt.Sprintf("（%d×%d）", a.Width, a.Height)
			}
			ew.printf("%s\n", strings.Join([]string{a.Code, a.Item, school, dash(a.Title), dash(a.DocNo), dash(a.Date), a.KindName, size, a.Status}, "  "))
		}
	}
	if len(l.ByItem) == 0 {
		ew.printf("清单所列的佐证材料都已提供（或标为不适用、纸质已备）。\n")
		return ew.err
	}
	if onlyMissing {
		ew.printf("%s 学年清单中还缺的佐证材料（%d 项）：\n", l.Year, len(l.Missing))
		for _, g := range l.Missing {
			if g.School == "" {
				ew.printf("  %s 缺「%s」\n", g.Item, g.Entry)
			} else {
				ew.printf("  %s %s（%s）缺「%s」\n", g.Item, g.SchoolName, g.School, g.Entry)
			}
		}
		ew.printf("按指标：\n")
	} else {
		ew.printf("清单中还缺的佐证材料（逐项列出请加 --missing）：\n")
	}
	for _, c := range l.ByItem {
		ew.printf("  %s\n", c.Sentence)
	}
	return ew.err
}

// dash shows a column on one line (a title typed with a line break would
// split the attachment's line) and an empty one as "—", so that every
// line has its columns.
func dash(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "—"
	}
	return s
}

// errWriter keeps the first write error, so that a listing is printed
// without checking every line.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, a ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, a...)
	}
}
