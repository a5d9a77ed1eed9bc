package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// book is a workbook being written, with its styles made once.
type book struct {
	x      *excelize.File
	styles map[string]int
}

func newBook() *book {
	return &book{x: excelize.NewFile(), styles: map[string]int{}}
}

const (
	colorHeader  = "DDEBF7"
	colorExample = "F2F2F2"
	colorMet     = "C6EFCE"
	colorNear    = "FFEB9C"
	colorBelow   = "FFC7CE"
)

var thin = []excelize.Border{
	{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
	{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
}

// style returns the id of a named style, creating it on first use.
func (b *book) style(name string) int {
	if id, ok := b.styles[name]; ok {
		return id
	}
	var s excelize.Style
	switch name {
	case "title":
		s = excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}
	case "bold":
		s = excelize.Style{Font: &excelize.Font{Bold: true}}
	case "wrap":
		s = excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}
	case "cell": // a table's cell: ruled, wrapped, at the top of its row
		s = excelize.Style{Border: thin, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}
	case "na": // a field of a stage the school lacks
		s = excelize.Style{Border: thin, Font: &excelize.Font{Color: "808080"},
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colorExample}},
			Alignment:  &excelize.Alignment{Vertical: "top", Horizontal: "center"},
			Protection: &excelize.Protection{Locked: true}}
	case "header":
		s = excelize.Style{Font: &excelize.Font{Bold: true}, Border: thin,
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colorHeader}},
			Alignment:  &excelize.Alignment{WrapText: true, Horizontal: "center", Vertical: "center"},
			Protection: &excelize.Protection{Locked: true}}
	case "example":
		s = excelize.Style{Font: &excelize.Font{Italic: true, Color: "808080"}, Border: thin,
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colorExample}},
			Protection: &excelize.Protection{Locked: true}}
	case "locked":
		s = excelize.Style{Border: thin, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
			Protection: &excelize.Protection{Locked: true}}
	case "met", "near", "below":
		color := map[string]string{"met": colorMet, "near": colorNear, "below": colorBelow}[name]
		s = excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}}
		id, err := b.x.NewConditionalStyle(&s)
		if err != nil {
			panic("xlsx: conditional style: " + err.Error())
		}
		b.styles[name] = id
		return id
	default:
		panic("xlsx: unknown style " + name)
	}
	id, err := b.x.NewStyle(&s)
	if err != nil {
		panic("xlsx: style " + name + ": " + err.Error())
	}
	b.styles[name] = id
	return id
}

// numberFormat is the Excel format of a column's cells.
func numberFormat(k kind, decimals int) string {
	switch k {
	case kInt:
		return "0"
	case kFloat:
		if decimals == 0 {
			return "#,##0"
		}
		f := "#,##0."
		if decimals >= 3 {
			f = "0."
		}
		for range decimals {
			f += "0"
		}
		return f
	}
	return "@"
}

// dataStyle is the style of the cells a clerk fills in: unlocked, with the
// column's number format, so that sheet protection guards only the headers.
func (b *book) dataStyle(k kind, decimals int, locked bool) int {
	fmtCode := numberFormat(k, decimals)
	name := fmt.Sprintf("data:%s:%v", fmtCode, locked)
	if id, ok := b.styles[name]; ok {
		return id
	}
	// Top-aligned, so that a value stands beside the first line of its
	// wrapped item and hint.
	s := excelize.Style{Border: thin, CustomNumFmt: &fmtCode, Protection: &excelize.Protection{Locked: locked},
		Alignment: &excelize.Alignment{Vertical: "top"}}
	if k == kText || k == kList {
		s.Alignment.WrapText = true
	}
	id, err := b.x.NewStyle(&s)
	if err != nil {
		panic("xlsx: data style: " + err.Error())
	}
	b.styles[name] = id
	return id
}
