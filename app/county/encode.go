package county

import (
	"bytes"
	"encoding/json"
)

// Encode writes the file as indented UTF-8 JSON (Chinese not escaped), the
// form clerks and other tools read.
func Encode(f *File) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
