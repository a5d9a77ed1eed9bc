package archive

import (
	"fmt"

	"junheng/app/evidence"
)

// Splitting a 卷 into 档案盒. A box holds what fits behind its spine: the
// printed sheets of its 件, estimated from what is known when attaching (a
// photo is half a sheet, since two share a 照片页; a PDF its pages; any
// other file one sheet, its printout being unknown). A 件 is never split
// across boxes, nor are two photos that share a page; a 卷 always starts a
// new box and 盒号 run from 1 inside each 卷.

// SheetsPerCM is how many A4 sheets of 70–80 g/m² office paper one
// centimetre of a box's spine holds with room to take them out: a ream of
// 500 sheets is about 5 cm thick, 100 sheets to the centimetre, and boxes
// are filled to about four fifths.
const SheetsPerCM = 80

// SpineSizes are the box sizes counties use (cm of spine), smallest first.
var SpineSizes = []int{3, 4, 5}

// Box is one 档案盒 of a 卷.
type Box struct {
	Volume     int    // 卷号
	VolumeName string // 一级指标, e.g. 资源配置
	Number     int    // 盒号 inside the 卷, from 1
	SpineCM    int
	Files      []evidence.Filed // in 件号 order
	Sheets     float64          // estimated sheets
	Over       bool             // one 件 alone is more than the box holds
}

// First and Last are the box's first and last 件号 (1-001).
func (b *Box) First() string { return b.Files[0].Code() }
func (b *Box) Last() string  { return b.Files[len(b.Files)-1].Code() }

// Range is 起止件号 as printed: "1-001—1-045", or one 件号.
func (b *Box) Range() string {
	if len(b.Files) == 1 {
		return b.First()
	}
	return b.First() + "—" + b.Last()
}

// Capacity is the sheets a box of spineCM holds.
func Capacity(spineCM int) float64 { return float64(spineCM * SheetsPerCM) }

// fileSheets is the estimated printed sheets of one attachment.
func fileSheets(f *evidence.Filed) float64 {
	switch f.Kind {
	case evidence.KindPhoto:
		return 0.5
	case evidence.KindPDF:
		if f.Pages > 0 {
			return float64(f.Pages)
		}
	}
	return 1
}

// Boxes splits files (numbered by evidence.Number) into boxes of
// spineCM cm: filled in 件号 order up to Capacity, a new box when the next
// unit would not fit or a new 卷 begins. A unit larger than a whole box
// gets a box of its own, marked Over. spineCM outside 1–10 is taken as 4.
func Boxes(files []evidence.Filed, spineCM int) []Box {
	if spineCM < 1 || spineCM > 10 {
		spineCM = 4
	}
	files = sorted(files)
	capacity := Capacity(spineCM)
	var out []Box
	var cur *Box
	for _, u := range units(files) {
		sheets := 0.0
		for _, i := range u {
			sheets += fileSheets(&files[i])
		}
		// A 照片页 is one sheet whether it holds two photos or one.
		if files[u[0]].Kind == evidence.KindPhoto {
			sheets = 1
		}
		vol := files[u[0]].Volume
		if cur == nil || cur.Volume != vol || (len(cur.Files) > 0 && cur.Sheets+sheets > capacity) {
			n := 1
			if cur != nil && cur.Volume == vol {
				n = cur.Number + 1
			}
			out = append(out, Box{Volume: vol, VolumeName: files[u[0]].VolumeName, Number: n, SpineCM: spineCM})
			cur = &out[len(out)-1]
		}
		for _, i := range u {
			cur.Files = append(cur.Files, files[i])
		}
		cur.Sheets += sheets
		cur.Over = cur.Over || sheets > capacity
	}
	return out
}

// Name is how a box is named in messages: 第1卷 资源配置 第2盒.
func (b *Box) Name() string {
	return fmt.Sprintf("第%d卷 %s 第%d盒", b.Volume, b.VolumeName, b.Number)
}
