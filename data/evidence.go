package data

import (
	"errors"

	"junheng/app/evidence"
)

// errTodo marks the evidence store while it is being built.
var errTodo = errors.New("佐证材料功能尚未完成")

// Attachments lists the attachments of a school year (not removed), in
// the order they were attached, without their bytes.
func (s *Store) Attachments(year string) ([]evidence.Attachment, error) { return nil, errTodo }

// SaveEvidence applies one edit of a year's attachments (files added,
// re-described, removed) as one recorded change.
func (s *Store) SaveEvidence(year string, e evidence.Edit) error { return errTodo }

// AttachmentData returns the stored bytes of an attachment by its hash,
// checked against the hash.
func (s *Store) AttachmentData(hash string) ([]byte, error) { return nil, errTodo }

// Thumbnail returns the JPEG thumbnail of a photo (nil for other kinds).
func (s *Store) Thumbnail(hash string) ([]byte, error) { return nil, errTodo }

// Checklists returns every item's checklist of a year: the clerk's where
// saved, the defaults otherwise.
func (s *Store) Checklists(year string) (map[string][]evidence.Entry, error) { return nil, errTodo }

// SaveChecklist replaces one item's checklist of a year.
func (s *Store) SaveChecklist(year, item string, es []evidence.Entry) error { return errTodo }

// EvidenceBytes is the stored size of all attachments of the file.
func (s *Store) EvidenceBytes() (int64, error) { return 0, errTodo }
