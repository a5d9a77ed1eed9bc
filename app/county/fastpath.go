package county

import (
	"bytes"
	"encoding/json"
)

// decodeTyped is the fast path of Decode for the common case of a
// well-formed file: encoding/json straight into the types, refusing unknown
// fields. Any error sends Decode down the slow path, which walks the raw
// document to report every problem. What encoding/json does not check
// (bounds, negative numbers, names) Validate checks after either path.
func decodeTyped(data []byte) (*File, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f File
	if err := dec.Decode(&f); err != nil || trailing(data, dec.InputOffset()) >= 0 {
		return nil, false
	}
	return &f, true
}

// trailing returns the offset of the first byte after the document that is
// not blank, or -1. (json.Decoder.More does not see a stray "}" or "]".)
func trailing(data []byte, off int64) int {
	for i := int(off); i < len(data); i++ {
		switch data[i] {
		case ' ', '\t', '\r', '\n':
		default:
			return i
		}
	}
	return -1
}
