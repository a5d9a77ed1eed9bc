package county

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// The byte-level rules of the decoder, which encoding/json does not keep:
// it takes the last of two equal keys, matches "NAME" to the field "name"
// (case-insensitively, also ſ and K), and turns bytes that are not UTF-8
// into U+FFFD. One pass over the document finds every key, so a file with a
// duplicate or case-variant key, or with bytes that are not UTF-8, is
// refused naming the school and the field.

// maxDepth is far deeper than the county file (5 levels) and far below
// what could exhaust anything.
const maxDepth = 64

// knownKeys holds every JSON name of the model, the survey groups and the
// planning levers: a file whose keys are all among them, spelled exactly,
// can take the fast typed path; any other key (a typo, "NAME") goes to the
// raw walker, which names it.
var knownKeys = func() map[string]bool {
	m := map[string]bool{}
	var add func(t reflect.Type)
	seen := map[reflect.Type]bool{}
	add = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for name, i := range FieldIndex(t) {
			m[name] = true
			add(t.Field(i).Type)
		}
	}
	add(reflect.TypeOf(File{}))
	for _, g := range SurveyGroups {
		m[g] = true
	}
	for _, k := range PlanningLevers { // the keys of planning.costs
		m[k] = true
	}
	return m
}()

// frame is one open object or array of the scan.
type frame struct {
	object  bool
	wantKey bool
	idx     int    // array: index of the current element
	key     string // object: the current key (set only when paths are needed)
	keyAt   int    // object: offset of the current key
	bits    [4]uint64
	extra   map[int32]bool
}

type keyIssue struct {
	path, key, other string
	off              int
}

type keyScan struct {
	data     []byte
	stack    []frame
	intern   map[string]int32 // case-folded key → id
	spelled  spellings        // key as written → id, the common case without folding
	lastRaw  []string         // per key id: the last spelling met
	fold     []byte
	unknown  bool // a key outside knownKeys: take the raw path
	issues   []keyIssue
	badUTF8  []keyIssue // strings that are not UTF-8 (only when checkUTF8)
	depthAt  int        // offset where maxDepth was exceeded, -1 if not
	broken   bool       // the scan met something that is not JSON: leave it to encoding/json
	withUTF8 bool
}

// scanKeys runs the byte-level scan. With checkUTF8 it also records every
// string that is not UTF-8 (only needed when utf8.Valid failed).
func scanKeys(data []byte, checkUTF8 bool) *keyScan {
	s := &keyScan{data: data, intern: make(map[string]int32, 256), depthAt: -1, withUTF8: checkUTF8,
		stack: make([]frame, 0, 8)}
	s.run()
	return s
}

func (s *keyScan) run() {
	data := s.data
	for i := 0; i < len(data); {
		c := data[i]
		if c <= ' ' || c == ':' { // indentation runs are long: skip them in one loop
			i++
			for i < len(data) && (data[i] == ' ' || data[i] == '\n' || data[i] == '\t' || data[i] == '\r') {
				i++
			}
			if c <= ' ' && c != ' ' && c != '\n' && c != '\t' && c != '\r' {
				s.broken = true // a control character outside a string is not JSON
				return
			}
			continue
		}
		switch c {
		case '{', '[':
			if len(s.stack) >= maxDepth {
				s.depthAt = i
				return
			}
			s.stack = append(s.stack, frame{object: c == '{', wantKey: c == '{', keyAt: -1})
			i++
		case '}', ']':
			if len(s.stack) == 0 {
				s.broken = true
				return
			}
			s.stack = s.stack[:len(s.stack)-1]
			i++
		case ',':
			if len(s.stack) == 0 {
				s.broken = true
				return
			}
			top := &s.stack[len(s.stack)-1]
			if top.object {
				top.wantKey = true
			} else {
				top.idx++
			}
			i++
		case '"':
			end := stringEnd(data, i+1)
			if end < 0 {
				s.broken = true
				return
			}
			raw := data[i+1 : end]
			if n := len(s.stack); n > 0 && s.stack[n-1].object && s.stack[n-1].wantKey {
				s.key(raw, i)
			} else if s.withUTF8 && !utf8.Valid(raw) {
				s.badUTF8 = append(s.badUTF8, keyIssue{path: s.path(), other: string(raw), off: i})
			}
			i = end + 1
		default:
			j := i
			for j < len(data) && !delim[data[j]] {
				j++
			}
			if j == i {
				s.broken = true
				return
			}
			i = j
		}
	}
}

// delim marks the bytes that end a number or a literal.
var delim = func() (t [256]bool) {
	for _, c := range []byte(",]} \t\n\r:\"{[") {
		t[c] = true
	}
	return t
}()

// stringEnd returns the offset of the quote closing the string whose
// content starts at from, or -1.
func stringEnd(data []byte, from int) int {
	for i := from; i < len(data); {
		j := bytes.IndexByte(data[i:], '"')
		if j < 0 {
			return -1
		}
		q := i + j
		bs := 0
		for k := q - 1; k >= from && data[k] == '\\'; k-- {
			bs++
		}
		if bs%2 == 0 {
			return q
		}
		i = q + 1
	}
	return -1
}

// key handles one key of the innermost object.
func (s *keyScan) key(raw []byte, off int) {
	top := &s.stack[len(s.stack)-1]
	top.wantKey = false
	if bytes.IndexByte(raw, '\\') >= 0 {
		var k string
		if json.Unmarshal(s.data[off:off+len(raw)+2], &k) != nil {
			s.broken = true
			return
		}
		raw = []byte(k)
	}
	top.keyAt = off
	top.key = "" // recovered from keyAt when a path is needed
	if s.withUTF8 && !utf8.Valid(raw) {
		s.badUTF8 = append(s.badUTF8, keyIssue{path: s.path(), key: string(raw), off: off})
	}
	id, key := s.idOf(raw)
	var dup bool
	if id < 256 {
		bit := uint64(1) << (id % 64)
		dup = top.bits[id/64]&bit != 0
		top.bits[id/64] |= bit
	} else {
		if top.extra == nil {
			top.extra = map[int32]bool{}
		}
		dup = top.extra[id]
		top.extra[id] = true
	}
	if dup {
		other := s.lastRaw[id]
		top.key = key
		s.issues = append(s.issues, keyIssue{path: s.path(), key: key, other: other, off: off})
	}
	s.lastRaw[id] = key
}

// idOf returns the id of the case-folded key and the key as a string. A
// spelling met before costs one probe of the spellings table; a new one is
// folded, interned and judged known or not.
func (s *keyScan) idOf(raw []byte) (int32, string) {
	if e := s.spelled.find(raw); e != nil {
		return e.id, e.key
	}
	s.fold = foldKey(s.fold[:0], raw)
	id, ok := s.intern[string(s.fold)]
	if !ok {
		id = int32(len(s.lastRaw))
		s.intern[string(s.fold)] = id
		s.lastRaw = append(s.lastRaw, "")
	}
	key := string(raw)
	if !knownKeys[key] {
		s.unknown = true
	}
	s.spelled.add(key, id)
	return id, key
}

// spellings is a small open-addressing table from a key as written to its
// id: cheaper than a map for the few dozen keys a county file repeats.
type spellings struct {
	slots []spelling
	n     int
}

type spelling struct {
	hash uint32
	id   int32
	key  string
}

func hashKey(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return h | 1 // 0 marks an empty slot
}

func (t *spellings) find(raw []byte) *spelling {
	if len(t.slots) == 0 {
		return nil
	}
	h := hashKey(raw)
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := &t.slots[i]
		if e.hash == 0 {
			return nil
		}
		if e.hash == h && e.key == string(raw) {
			return e
		}
	}
}

func (t *spellings) add(key string, id int32) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]spelling, max(64, 2*len(old)))
		t.n = 0
		for _, e := range old {
			if e.hash != 0 {
				t.add(e.key, e.id)
			}
		}
	}
	h := hashKey([]byte(key))
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		if t.slots[i].hash == 0 {
			t.slots[i] = spelling{hash: h, id: id, key: key}
			t.n++
			return
		}
	}
}

// foldKey appends the case-folded form of a key: two keys fold alike when
// encoding/json would match them to the same field.
func foldKey(dst, raw []byte) []byte {
	for i := 0; i < len(raw); {
		c := raw[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		// the smallest rune of r's case orbit stands for all of them
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		if least < utf8.RuneSelf && 'A' <= least && least <= 'Z' {
			least += 'a' - 'A'
		}
		dst = utf8.AppendRune(dst, least)
		i += size
	}
	return dst
}

// path renders where the scan is: schools[3].teachers.primary — the path
// of the value being read (inside the innermost object, its current key).
func (s *keyScan) path() string {
	var b []byte
	for i := range s.stack {
		f := &s.stack[i]
		if f.object {
			if f.key == "" && f.keyAt >= 0 {
				// the key was not kept: recover it from the document
				if end := stringEnd(s.data, f.keyAt+1); end > f.keyAt && s.data[f.keyAt] == '"' {
					var k string
					if json.Unmarshal(s.data[f.keyAt:end+1], &k) == nil {
						f.key = k
					} else {
						f.key = string(s.data[f.keyAt+1 : end])
					}
				}
			}
			if f.key == "" || (i == len(s.stack)-1 && f.wantKey) {
				continue
			}
			if len(b) > 0 {
				b = append(b, '.')
			}
			b = append(b, f.key...)
		} else {
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(f.idx), 10)
			b = append(b, ']')
		}
	}
	return string(b)
}
