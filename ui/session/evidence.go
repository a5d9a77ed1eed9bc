package session

import (
	"errors"

	"junheng/app/evidence"
)

// Evidence returns the store's 佐证材料 capability (ok false when the
// store keeps none).
func (s *Session) Evidence() (Evidence, bool) {
	ev, ok := s.Store.(Evidence)
	return ev, ok
}

// EvidenceSchools are the schools of the year as app/evidence names them,
// in the file's order (the order of the 件号 and of the missing lists).
func (s *Session) EvidenceSchools() []evidence.SchoolRef {
	out := make([]evidence.SchoolRef, len(s.File.Schools))
	for i, sc := range s.File.Schools {
		out[i] = evidence.SchoolRef{ID: sc.ID, Name: sc.Name}
	}
	return out
}

// Gaps is what the year's checklists still miss, per item (the 首页 and
// 整改清单 lines); nil and the store's error when it cannot say.
func (s *Session) Gaps() ([]evidence.ItemGap, error) {
	ev, ok := s.Evidence()
	if !ok {
		return nil, nil
	}
	atts, err := ev.Attachments(s.Year)
	if err != nil {
		return nil, err
	}
	lists, err := ev.Checklists(s.Year)
	if err != nil {
		return nil, err
	}
	return evidence.ByItem(evidence.Missing(lists, atts, s.EvidenceSchools())), nil
}

// SaveEvidence stores one edit of the year's attachments and tells every
// page (the 首页's and 整改清单's gaps change). The numbers are not
// recomputed: attachments are not part of the evaluation.
func (s *Session) SaveEvidence(e evidence.Edit) error {
	ev, ok := s.Evidence()
	if !ok {
		return errNoEvidence
	}
	if err := ev.SaveEvidence(s.Year, e); err != nil {
		return err
	}
	s.notify()
	return nil
}

// SaveChecklist stores one item's checklist and tells every page.
func (s *Session) SaveChecklist(item string, es []evidence.Entry) error {
	ev, ok := s.Evidence()
	if !ok {
		return errNoEvidence
	}
	if err := evidence.CheckEntries(item, es); err != nil {
		return err
	}
	if err := ev.SaveChecklist(s.Year, item, es); err != nil {
		return err
	}
	s.notify()
	return nil
}

// errNoEvidence is the refusal of a store without 佐证材料 (never the
// program's own stores).
var errNoEvidence = errors.New("此数据文件不能保存佐证材料，请用本程序新建或另存为后再添加。")
