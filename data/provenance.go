package data

import (
	"strings"
	"time"

	"junheng/app/format"
)

// SourceKind says how a value reached this file.
type SourceKind string

// Kinds of write, stored in commit_log.kind.
const (
	SourceTyped    SourceKind = "typed"    // 录入: a clerk typed it (form, grid, delete)
	SourceImported SourceKind = "imported" // 导入: read from a file (JSON, Excel workbook)
	SourceMerged   SourceKind = "merged"   // 合并: adopted from another office's data file
	SourceCopied   SourceKind = "copied"   // 复制: a new school year copied from another
)

// Provenance is where a write comes from; every commit carries one, and
// History returns it with every change.
type Provenance struct {
	Kind SourceKind
	// File is the base name of the file the values were read from (the
	// JSON file, the workbook, the other office's data file); "" when typed.
	File string
	// Office and User wrote it into this file; "" takes the store's
	// Settings (the usual case: the person who has the file open).
	Office, User string
}

// Author is who first entered a value and when: for a merged change, the
// other office's clerk whose value was adopted.
type Author struct {
	Office, User string
	When         time.Time
	// Source and File say how it was entered there: typed, or imported
	// from File (a workbook, a JSON file).
	Source SourceKind
	File   string
}

// How words how the author entered the value: 录入, 导入「t3.xlsx」,
// 复制学年.
func (a Author) How() string {
	switch a.Source {
	case SourceImported:
		if a.File != "" {
			return "导入「" + format.Safe(a.File) + "」"
		}
		return "导入"
	case SourceCopied:
		return "复制学年"
	}
	return "录入"
}

// Typed is the provenance of what the clerk types.
func Typed() Provenance { return Provenance{Kind: SourceTyped} }

// ImportedFrom is the provenance of values read from a file (any path:
// only its base name is kept).
func ImportedFrom(path string) Provenance {
	return Provenance{Kind: SourceImported, File: baseName(path)}
}

// baseName is the file name of a path written on either system (a
// Windows path typed into the command line on Linux keeps its folder
// otherwise).
func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		path = path[i+1:]
	}
	return path
}

// actionLabels are the Chinese words of the stored actions.
var actionLabels = map[string]string{
	"save": "录入", "delete": "删除", "import": "导入", "merge": "合并", "copy": "复制学年",
}

// ActionLabel is the Chinese word of a stored action ("save" → 录入); an
// action this version does not know is shown as 修改, never raw.
func ActionLabel(action string) string {
	if l, ok := actionLabels[action]; ok {
		return l
	}
	return "修改"
}

// kindOf is the provenance kind of an action, for commits that carry none.
func kindOf(action string) SourceKind {
	switch action {
	case "save", "delete":
		return SourceTyped
	case "import":
		return SourceImported
	case "merge":
		return SourceMerged
	case "copy":
		return SourceCopied
	}
	return ""
}
