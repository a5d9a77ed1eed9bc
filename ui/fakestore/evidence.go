package fakestore

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"junheng/app/evidence"
	"junheng/ui/session"
)

// evidenceState is the fake's 佐证材料: attachments per year, bytes and
// thumbnails by hash, the checklists the clerk saved per year.
type evidenceState struct {
	atts   map[string][]evidence.Attachment
	blobs  map[string][]byte
	thumbs map[string][]byte
	lists  map[string]map[string][]evidence.Entry
	pos    int
}

func (s *Store) ev() *evidenceState {
	if s.evidence == nil {
		s.evidence = &evidenceState{atts: map[string][]evidence.Attachment{}, blobs: map[string][]byte{},
			thumbs: map[string][]byte{}, lists: map[string]map[string][]evidence.Entry{}}
	}
	return s.evidence
}

var _ session.Evidence = (*Store)(nil)

// Attachments lists a year's attachments in the order attached.
func (s *Store) Attachments(year string) ([]evidence.Attachment, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.ev().atts[year]), nil
}

// SaveEvidence applies an edit as data.Store does (adds keyed by item,
// school and hash; an add already there is kept once) and records it in
// Edits; EvidenceErr, when set, refuses it.
func (s *Store) SaveEvidence(year string, e evidence.Edit) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.EvidenceErr != nil {
		return s.EvidenceErr
	}
	if _, ok := s.years[year]; !ok {
		return fmt.Errorf("没有 %s 学年", year)
	}
	s.Edits = append(s.Edits, e)
	ev := s.ev()
	list := ev.atts[year]
	for _, id := range e.Remove {
		list = slices.DeleteFunc(list, func(a evidence.Attachment) bool { return a.ID == id })
	}
	for id, m := range e.Update {
		i := slices.IndexFunc(list, func(a evidence.Attachment) bool { return a.ID == id })
		if i < 0 {
			return fmt.Errorf("没有材料 %s", id)
		}
		list[i].Meta = m
	}
	for _, a := range e.Add {
		f := a.File
		id := evidence.Key(a.Item, a.School, f.Hash)
		if slices.ContainsFunc(list, func(x evidence.Attachment) bool { return x.ID == id }) {
			continue
		}
		ev.pos++
		ev.blobs[f.Hash] = slices.Clone(f.Data)
		if f.Thumb != nil {
			ev.thumbs[f.Hash] = slices.Clone(f.Thumb)
		}
		list = append(list, evidence.Attachment{ID: id, Year: year, Item: a.Item, School: a.School, Hash: f.Hash,
			Name: f.Name, Ext: f.Ext, Kind: f.Kind, Mime: f.Mime, Size: int64(len(f.Data)), Width: f.Width, Height: f.Height,
			Pages: f.Pages, Meta: a.Meta, Pos: ev.pos, AddedAt: time.Now(), AddedBy: "测试"})
	}
	ev.atts[year] = list
	return nil
}

// AttachmentData returns the bytes of a hash.
func (s *Store) AttachmentData(hash string) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.ev().blobs[hash]
	if !ok {
		return nil, fmt.Errorf("数据文件中没有这份材料")
	}
	return slices.Clone(b), nil
}

// Thumbnail returns the thumbnail of a hash (nil when none), counting
// the calls in ThumbCalls.
func (s *Store) Thumbnail(hash string) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ThumbCalls++
	return slices.Clone(s.ev().thumbs[hash]), nil
}

// Checklists returns the saved checklists over the defaults.
func (s *Store) Checklists(year string) (map[string][]evidence.Entry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return evidence.Checklists(s.ev().lists[year]), nil
}

// SaveChecklist replaces one item's checklist.
func (s *Store) SaveChecklist(year, item string, es []evidence.Entry) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := evidence.CheckEntries(item, es); err != nil {
		return err
	}
	ev := s.ev()
	if ev.lists[year] == nil {
		ev.lists[year] = map[string][]evidence.Entry{}
	}
	ev.lists[year][item] = slices.Clone(es)
	return nil
}

// EvidenceBytes sums the stored bytes.
func (s *Store) EvidenceBytes() (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var n int64
	for b := range maps.Values(s.ev().blobs) {
		n += int64(len(b))
	}
	return n, nil
}
