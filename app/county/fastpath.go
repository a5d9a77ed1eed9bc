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
	if err := dec.Decode(&f); err != nil || dec.More() {
		return nil, false
	}
	return &f, true
}
