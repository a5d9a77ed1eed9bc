package evidence

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"junheng/app/county"
	"junheng/app/format"
)

// The 档案目录 lists every filed attachment once, in the order of the
// archive. The workbook, the PDF and the zip read the same rows, so that
// what the 目录 says is where a file lies.

// IndexHeader names the columns of the 档案目录, in order.
var IndexHeader = []string{"卷号", "件号", "一级指标", "二级指标", "学校", "题名", "文号", "日期", "类型", "页数/尺寸", "文件名", "说明"}

// CountyLevel is what the 学校 column says of a county item.
const CountyLevel = "县级"

// IndexRow is one line of the 档案目录.
type IndexRow struct {
	Volume     int    // 卷号
	Code       string // 件号 as printed: 1-003
	VolumeName string // 一级指标
	Item       string // 二级指标: code and the name's first clause, "G1 县域内义务教育学校规划布局合理"
	School     string // school name, CountyLevel for a county item
	Title      string // 题名
	DocNo      string // 文号
	Date       string // 日期
	Kind       string // 类型
	Extent     string // 页数/尺寸
	Path       string // 文件名: the path inside the archive
	Note       string // 说明: caption, checklist entry
}

// Cells is the row as text, in the order of IndexHeader.
func (r *IndexRow) Cells() []string {
	return []string{strconv.Itoa(r.Volume), r.Code, r.VolumeName, r.Item, r.School, r.Title, r.DocNo, r.Date, r.Kind, r.Extent, r.Path, r.Note}
}

// Index is the 档案目录 of filed attachments whose archive paths are
// paths (from ArchivePaths, same order).
func Index(filed []Filed, paths []string) []IndexRow {
	out := make([]IndexRow, len(filed))
	for i := range filed {
		f := &filed[i]
		school := f.SchoolName
		if f.School == "" {
			school = CountyLevel
		}
		p := f.Path()
		if i < len(paths) {
			p = paths[i]
		}
		out[i] = IndexRow{
			Volume: f.Volume, Code: f.Code(), VolumeName: f.VolumeName,
			Item: strings.TrimSpace(f.Item + " " + FirstClause(nameIfOther(f.ItemName, f.Item))), School: school,
			Title: f.DisplayTitle(), DocNo: strings.TrimSpace(f.DocNo), Date: strings.TrimSpace(f.Date),
			Kind: kindText(&f.Attachment), Extent: extentText(&f.Attachment), Path: p, Note: noteText(&f.Attachment),
		}
	}
	return out
}

// nameIfOther is name unless it only repeats the code (an item the
// standard does not know is named by its code).
func nameIfOther(name, code string) string {
	if name == code {
		return ""
	}
	return name
}

// kindText is the 类型 column: the kind, with the file type where the kind
// alone does not say it (文档（DOCX）).
func kindText(a *Attachment) string {
	name := KindNames[a.Kind]
	if name == "" {
		name = KindNames[KindOther]
	}
	ext := strings.ToUpper(strings.TrimPrefix(a.Ext, "."))
	if a.Kind == KindPhoto || a.Kind == KindPDF || ext == "" {
		return name
	}
	return name + "（" + ext + "）"
}

// extentText is the 页数/尺寸 column: pages of a PDF, pixels of a photo,
// the size of any other file.
func extentText(a *Attachment) string {
	switch {
	case a.Kind == KindPDF && a.Pages > 0:
		return format.Int(a.Pages) + " 页"
	case a.Kind == KindPhoto && a.Width > 0 && a.Height > 0:
		return fmt.Sprintf("%d×%d 像素", a.Width, a.Height)
	}
	return SizeText(a.Size)
}

// SizeText prints a byte count as a clerk reads it: 512 字节, 36 KB, 1.2 MB.
func SizeText(n int64) string {
	switch {
	case n < 0:
		return ""
	case n < 1024:
		return format.Int(int(n)) + " 字节"
	case n < 1<<20:
		return format.Number(float64(n)/1024, 0) + " KB"
	}
	return format.Number(float64(n)/(1<<20), 1) + " MB"
}

// noteText is the 说明 column: a photo's caption and the checklist entry
// the file answers.
func noteText(a *Attachment) string {
	var parts []string
	if c := strings.TrimSpace(a.Caption); c != "" {
		parts = append(parts, c)
	}
	if e := strings.TrimSpace(a.Entry); e != "" {
		parts = append(parts, "对应清单项："+e)
	}
	return strings.Join(parts, "；")
}

// ArchivePaths gives each filed attachment its path inside the archive:
// Filed.Path, made unique. The 件号 already tells files apart; what can
// still clash is cut names and file systems that ignore case (Windows,
// macOS): two schools of the same name get their 学校标识码 added to the
// folder, and any path still taken (compared without case, against files
// and folders alike) gets " (2)", " (3)"… before its extension.
func ArchivePaths(filed []Filed) []string {
	// Folders of schools that share a name inside one item folder.
	owner := map[string]string{} // folded school dir -> school id
	twice := map[string]bool{}
	for i := range filed {
		f := &filed[i]
		if f.School == "" {
			continue
		}
		k := strings.ToLower(f.Dir())
		if id, ok := owner[k]; ok && id != f.School {
			twice[k] = true
		}
		owner[k] = f.School
	}
	taken := map[string]bool{}
	out := make([]string, len(filed))
	for i := range filed {
		f := &filed[i]
		dir := f.Dir()
		if twice[strings.ToLower(dir)] {
			dir = path.Join(path.Dir(dir), SafeName(f.SchoolName+" "+f.School, 80))
		}
		name := f.FileName()
		p := path.Join(dir, name)
		for n := 2; taken[strings.ToLower(p)]; n++ {
			stem := strings.TrimSuffix(name, f.safeExt())
			p = path.Join(dir, SafeFileName(stem+" ("+strconv.Itoa(n)+")", f.Ext, 100))
		}
		taken[strings.ToLower(p)] = true
		for d := dir; d != "." && d != "/" && d != ""; d = path.Dir(d) {
			taken[strings.ToLower(d)] = true
		}
		out[i] = p
	}
	return out
}

// safeExt is the extension FileName ends with.
func (f *Filed) safeExt() string {
	n := SafeFileName("x", f.Ext, 90)
	return n[1:]
}

// SchoolRefs are the schools of a county file in its order, for Number.
func SchoolRefs(f *county.File) []SchoolRef {
	if f == nil {
		return nil
	}
	out := make([]SchoolRef, len(f.Schools))
	for i, s := range f.Schools {
		out[i] = SchoolRef{ID: s.ID, Name: s.Name}
	}
	return out
}
