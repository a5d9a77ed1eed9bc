package entry

import "encoding/json"

// Clone returns a deep copy of v (a school, the county facts). Forms and
// grids work on copies: what they load, show or parse never reaches the
// record the session and the evaluation read until a save stores it.
func Clone[T any](v T) T {
	b, err := json.Marshal(v)
	if err != nil {
		panic("entry: clone: " + err.Error())
	}
	var out T
	if err := json.Unmarshal(b, &out); err != nil {
		panic("entry: clone: " + err.Error())
	}
	return out
}
