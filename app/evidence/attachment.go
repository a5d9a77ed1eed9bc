package evidence

import (
	"strings"
	"time"
)

// Kind is what an attachment holds, decided from its content (never from
// its name alone): it chooses how it is stored, shown and printed.
type Kind string

// Kinds of attachment.
const (
	KindPhoto    Kind = "photo"    // JPEG or PNG, reduced before storing
	KindPDF      Kind = "pdf"      // its pages go into the archive PDF
	KindDocument Kind = "document" // DOCX, DOC, WPS: opaque, listed and exported
	KindSheet    Kind = "sheet"    // XLSX, XLS, ET: opaque, listed and exported
	KindOther    Kind = "other"    // any other file: opaque
)

// KindNames names each kind in Chinese.
var KindNames = map[Kind]string{
	KindPhoto: "照片", KindPDF: "PDF 文件", KindDocument: "文档", KindSheet: "表格", KindOther: "其他文件",
}

// Meta is what the clerk says of an attachment. Every field may be empty.
type Meta struct {
	Title   string // 题名; the file name without extension when empty
	Date    string // 形成日期, YYYY-MM-DD
	DocNo   string // 文号, e.g. 某教发〔2024〕12号
	Caption string // photos: 时间、地点、人物、事件
	Entry   string // the checklist entry it answers ("" = none)
}

// Attachment is one stored file and what it proves.
type Attachment struct {
	ID     string // stable inside a school year: Key(Item, School, Hash)
	Year   string
	Item   string // standard item code: G3, R5, Q1, S1, V2, F4 …
	School string // 学校标识码; "" for a county item
	Hash   string // SHA-256 (hex) of the stored bytes
	Name   string // file name as attached (base name)
	Ext    string // lower case with its dot: ".jpg", ".pdf"; "" when none
	Kind   Kind
	Mime   string
	Size   int64 // stored bytes
	Width  int   // photos: stored pixels
	Height int
	Pages  int // PDF: pages counted when attached (0 = unknown)
	Meta
	Pos     int // order of attaching inside the year
	AddedAt time.Time
	AddedBy string // office / user
}

// Key is the ID of the attachment of hash to item (of school).
func Key(item, school, hash string) string { return item + "/" + school + "/" + hash }

// SplitKey reads a Key back; ok is false for anything else.
func SplitKey(id string) (item, school, hash string, ok bool) {
	parts := strings.Split(id, "/")
	if len(parts) != 3 || parts[0] == "" || len(parts[2]) != 64 {
		return "", "", "", false
	}
	return parts[0], parts[1], parts[2], true
}

// DisplayTitle is the title shown and printed: the clerk's, or the file
// name without its extension.
func (a *Attachment) DisplayTitle() string {
	if t := strings.TrimSpace(a.Title); t != "" {
		return t
	}
	return strings.TrimSuffix(a.Name, a.Ext)
}

// Add is a file to attach: what it proves and what the clerk says of it.
type Add struct {
	Item   string
	School string
	Meta
	File *Prepared
}

// Edit is one save of the 佐证材料 page or one CLI command: files added,
// attachments re-described (by ID) and removed (by ID), applied together
// as one recorded change.
type Edit struct {
	Add    []Add
	Update map[string]Meta
	Remove []string
	// Source names where the edit comes from when the clerk did not make
	// it by hand (the demo county's files): the history then says 导入
	// 「Source」 instead of 录入.
	Source string
}

// Empty reports whether the edit changes nothing.
func (e *Edit) Empty() bool { return len(e.Add) == 0 && len(e.Update) == 0 && len(e.Remove) == 0 }
