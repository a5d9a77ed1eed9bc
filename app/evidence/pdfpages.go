package evidence

import (
	"bytes"
	"compress/zlib"
	"io"
	"strconv"
)

// pdfPages counts the pages of a PDF without a PDF library, well enough
// for a 卷内目录's 页数 column and never at any risk: it looks at each
// object's dictionary ("N G obj << … >>"), also inside compressed object
// streams (PDF 1.5+, as Word and WPS write), and takes
//   - the /Count of the last root page tree node (/Type /Pages without
//     /Parent: the last one, since an incremental update appends the
//     new version after the old), or else
//   - the number of /Type /Page objects.
//
// 0 means unknown (an encrypted or broken file). Every scan is linear
// in the file and inflating object streams is capped, so a hostile file
// costs at most a few hundred milliseconds.
func pdfPages(raw []byte) int {
	c := pageCounter{budget: maxPDFInflate}
	c.scan(raw, true)
	if c.rootCount > 0 {
		return c.rootCount
	}
	return c.pageObjects
}

// maxPDFInflate caps the bytes inflated from object streams of one file.
const maxPDFInflate = 64 << 20

type pageCounter struct {
	rootCount   int // /Count of the last root /Pages seen
	pageObjects int // /Type /Page dictionaries seen
	budget      int // bytes still allowed to inflate
}

// scan walks the "obj" keywords of data; objStreams says whether object
// streams are followed (not inside an object stream: they cannot nest).
func (c *pageCounter) scan(data []byte, objStreams bool) {
	for p := 0; ; {
		i := bytes.Index(data[p:], []byte("obj"))
		if i < 0 {
			return
		}
		start := p + i + 3
		p = start
		if !objKeyword(data, start-3) {
			continue
		}
		dict := data[start:]
		if e := bytes.Index(dict, []byte("endobj")); e >= 0 {
			dict = dict[:e]
		}
		body := dict
		if s := bytes.Index(dict, []byte("stream")); s >= 0 {
			dict = dict[:s]
		}
		c.object(dict)
		if objStreams && pdfHasName(dict, "/Type", "ObjStm") {
			c.objStm(dict, body[len(dict):])
		}
		p = start + len(body)
	}
}

// objKeyword: "obj" at i is the keyword ending "N G obj", not part of a
// longer word (endobj, /ObjStm is different case) or of stream data.
func objKeyword(data []byte, i int) bool {
	if i+3 < len(data) && isRegular(data[i+3]) {
		return false
	}
	j := i - 1
	for j >= 0 && isWhite(data[j]) {
		j--
	}
	return j >= 0 && data[j] >= '0' && data[j] <= '9' && j < i-1
}

// object counts one object's dictionary.
func (c *pageCounter) object(dict []byte) {
	switch {
	case pdfHasName(dict, "/Type", "Pages"):
		if bytes.Contains(dict, []byte("/Parent")) {
			return
		}
		if n := pdfInt(dict, "/Count"); n > 0 {
			c.rootCount = n
		}
	case pdfHasName(dict, "/Type", "Page"):
		c.pageObjects++
	}
}

// objStm inflates an object stream (FlateDecode only, within budget) and
// counts the objects it holds.
func (c *pageCounter) objStm(dict, stream []byte) {
	// A chain of filters other than Flate fails in zlib and counts nothing.
	if !bytes.Contains(dict, []byte("/FlateDecode")) || c.budget <= 0 {
		return
	}
	stream = bytes.TrimPrefix(stream, []byte("stream"))
	stream = bytes.TrimLeft(stream, "\r\n")
	zr, err := zlib.NewReader(bytes.NewReader(stream))
	if err != nil {
		return
	}
	defer zr.Close()
	data, _ := io.ReadAll(io.LimitReader(zr, int64(c.budget)))
	c.budget -= len(data)
	first := pdfInt(dict, "/First")
	n := pdfInt(dict, "/N")
	if first <= 0 || first > len(data) || n <= 0 {
		return
	}
	// The header is N pairs "object-number offset"; object k runs from
	// First+offset(k) to First+offset(k+1).
	head := bytes.Fields(data[:first])
	var offs []int
	for k := 1; k < len(head) && len(offs) < n; k += 2 {
		o, err := strconv.Atoi(string(head[k]))
		if err != nil || o < 0 || first+o > len(data) {
			return
		}
		offs = append(offs, first+o)
	}
	for k, o := range offs {
		end := len(data)
		if k+1 < len(offs) && offs[k+1] >= o {
			end = offs[k+1]
		}
		c.object(data[o:end])
	}
}

// pdfHasName reports whether key is followed by the name value anywhere
// in dict ("/Type /Page", not "/Type /Pages"). Anywhere, because a page's
// dictionary may hold a nested "/Type /Group" before its own /Type.
func pdfHasName(dict []byte, key, value string) bool {
	for p := 0; ; {
		i := bytes.Index(dict[p:], []byte(key))
		if i < 0 {
			return false
		}
		j := p + i + len(key)
		p = j
		if j < len(dict) && isRegular(dict[j]) { // "/Types", not "/Type"
			continue
		}
		for j < len(dict) && isWhite(dict[j]) {
			j++
		}
		if j >= len(dict) || dict[j] != '/' {
			continue
		}
		k := j + 1
		for k < len(dict) && isRegular(dict[k]) {
			k++
		}
		if string(dict[j+1:k]) == value {
			return true
		}
	}
}

// pdfInt is the non-negative integer after key ("/Count 12" → 12); -1
// when absent or not a plain integer.
func pdfInt(dict []byte, key string) int {
	for p := 0; ; {
		i := bytes.Index(dict[p:], []byte(key))
		if i < 0 {
			return -1
		}
		j := p + i + len(key)
		p = j
		if j < len(dict) && isRegular(dict[j]) {
			continue
		}
		for j < len(dict) && isWhite(dict[j]) {
			j++
		}
		k := j
		for k < len(dict) && k-j < 9 && dict[k] >= '0' && dict[k] <= '9' {
			k++
		}
		if k == j {
			return -1
		}
		n, _ := strconv.Atoi(string(dict[j:k]))
		return n
	}
}

// isWhite and isRegular are PDF's character classes (ISO 32000 7.2.2).
func isWhite(b byte) bool {
	return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0
}

func isRegular(b byte) bool {
	return !isWhite(b) && bytes.IndexByte([]byte("()<>[]{}/%"), b) < 0
}
