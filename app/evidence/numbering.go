package evidence

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"junheng/app/standard"
)

// SchoolRef names a school for numbering and folder names.
type SchoolRef struct{ ID, Name string }

// Filed is an attachment with its place in the 迎检档案: its 卷 (one per
// 一级指标, numbered in the order of standard.Parts so that 卷号 never
// shift when a part has nothing yet) and its 件号 inside the 卷.
type Filed struct {
	Attachment
	Volume     int    // 卷号, 1 = 资源配置 … 6 = 教育经费保障
	VolumeName string // 资源配置
	Piece      int    // 件号 inside the 卷, from 1
	ItemName   string // the 二级指标's name in the standard
	SchoolName string // "" for a county item
}

// Code is the 件号 as printed: 卷号-件号, e.g. 1-003.
func (f *Filed) Code() string { return fmt.Sprintf("%d-%03d", f.Volume, f.Piece) }

// Dir is the folder of the attachment inside the archive:
// 一级指标/二级指标/学校 (no school folder for a county item). Each
// element is a SafeName short enough that the whole path stays far below
// Windows' 260 characters once unpacked.
func (f *Filed) Dir() string {
	parts := []string{
		SafeName(fmt.Sprintf("%d %s", f.Volume, f.VolumeName), 60),
		itemFolder(f.Item, f.ItemName),
	}
	if f.School != "" {
		parts = append(parts, SafeName(f.SchoolName, 60))
	}
	return path.Join(parts...)
}

// FileName is 件号-标题.扩展名 (the 件号 without the 卷, since the folder
// names the 卷).
func (f *Filed) FileName() string {
	return SafeFileName(fmt.Sprintf("%03d-%s", f.Piece, f.DisplayTitle()), f.Ext, 90)
}

// Path is Dir/FileName, the attachment's name inside the archive.
func (f *Filed) Path() string { return path.Join(f.Dir(), f.FileName()) }

// Number files the attachments: 卷 by part, inside a 卷 by item in the
// order of the standard, county items before schools, schools in the order
// given, then in the order they were attached. The same attachments and
// schools always get the same numbers. Attachments of unknown items or
// schools not in schools are filed last in their 卷 (a school deleted
// since) under its id.
func Number(atts []Attachment, schools []SchoolRef) []Filed {
	rank := map[string]int{}
	names := map[string]string{}
	for i, s := range schools {
		if _, ok := rank[s.ID]; !ok {
			rank[s.ID] = i + 1
			names[s.ID] = s.Name
		}
	}
	schoolRank := func(id string) int {
		if id == "" {
			return 0
		}
		if r, ok := rank[id]; ok {
			return r
		}
		return len(schools) + 1
	}
	out := make([]Filed, 0, len(atts))
	for _, a := range atts {
		f := Filed{Attachment: a, ItemName: a.Item, SchoolName: names[a.School]}
		part := standard.PartLegacy
		if it, ok := ItemOf(a.Item); ok {
			part, f.ItemName = it.Part, it.Name
		}
		f.Volume = partRank(part) + 1
		f.VolumeName = standard.PartNames[part]
		if f.VolumeName == "" {
			f.VolumeName = "其他"
		}
		if a.School != "" && f.SchoolName == "" {
			f.SchoolName = a.School
		}
		out = append(out, f)
	}
	slices.SortStableFunc(out, func(a, b Filed) int {
		if c := a.Volume - b.Volume; c != 0 {
			return c
		}
		if c := itemRank(a.Item) - itemRank(b.Item); c != 0 {
			return c
		}
		if c := strings.Compare(a.Item, b.Item); c != 0 {
			return c
		}
		if c := schoolRank(a.School) - schoolRank(b.School); c != 0 {
			return c
		}
		if c := strings.Compare(a.School, b.School); c != 0 {
			return c
		}
		if a.Pos != b.Pos {
			return a.Pos - b.Pos
		}
		return strings.Compare(a.ID, b.ID)
	})
	piece := map[int]int{}
	for i := range out {
		piece[out[i].Volume]++
		out[i].Piece = piece[out[i].Volume]
	}
	return out
}

// itemFolder names an item's folder: its code and the first clause of its
// name (G1 县域内义务教育学校规划布局合理), the standard's whole sentence
// being too long for a folder; a clause still too long is cut with "…".
func itemFolder(code, name string) string {
	const max = 90
	s := SafeName(code+" "+FirstClause(name), 200)
	if len(s) > max {
		s = SafeName(cutBytes(s, max-len("…"))+"…", max)
	}
	return s
}

// FirstClause is an item's name up to its first "，", "；" or "：": the
// standard names G items by a whole requirement (G3 …1间以上；每间音乐专用
// 教室面积不小于96平方米…), whose first clause says what it is about.
func FirstClause(name string) string {
	if i := strings.IndexAny(name, "，；："); i > 0 {
		return name[:i]
	}
	return name
}
