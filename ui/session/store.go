// Package session is the state of one open county file in the GUI: the
// store, the school year on screen, the county file loaded from it, the
// latest evaluation and the settings. It computes nothing itself: numbers
// come from app/eval, data from the store.
package session

import (
	"time"

	"junheng/app/county"
	"junheng/app/evidence"
)

// Store is what the GUI needs of a county data file. The SQLite store of
// package data satisfies it through a thin adapter in cmd/junheng; tests use
// an in-memory fake.
type Store interface {
	// Path is the file on disk ("" for an in-memory store).
	Path() string
	// Years lists the school years held, oldest first.
	Years() ([]string, error)
	// LoadYear returns the whole county file of a year.
	LoadYear(year string) (*county.File, error)
	// SaveSchool inserts or updates a school (by id) in a year.
	SaveSchool(year string, s county.School) error
	// DeleteSchool removes a school from a year; the store records it.
	DeleteSchool(year, id string) error
	// SaveCounty replaces the county facts of a year (creating the year).
	SaveCounty(year string, p county.Profile) error
	// CopyYear copies a whole year into a new one.
	CopyYear(from, to string) error
	// HeldBy names the other users who have the file open ("" for none).
	HeldBy() string
	Close() error
}

// Change is one line of the audit trail.
type Change struct {
	When   time.Time
	Office string // the clerk's 单位, "" when not recorded apart
	User   string
	Action string
	School string // school name, "" for county facts
	Field  string // field path
	Label  string // Chinese name of the field, "" when unknown
	Old    string
	New    string
}

// Historian is a store that keeps the audit trail (修改记录).
type Historian interface {
	// History lists the changes of a school ("" = all) and field ("" = all).
	History(year, schoolID, field string) ([]Change, error)
}

// Conflict is one field where an imported file and the open one disagree.
type Conflict struct {
	Year     string
	SchoolID string
	School   string // school name, "" for county facts
	Field    string // field path
	Label    string // Chinese name, "" = use county.FieldLabel
	Ours     string
	Theirs   string
	OursBy   string // who set the value, when
	TheirsBy string
}

// MergePlan is what an import would change.
type MergePlan struct {
	Added     []string // names of rows (schools, years) that are new
	Unchanged int
	Applied   int // values taken from the other file without question
	// Values are those values, each with where it lives, its old and new
	// text and who set it there (at most MaxListedValues; Applied counts
	// them all).
	Values    []AppliedValue
	Conflicts []Conflict
	// Handle is the store's own plan, passed back to ApplyMerge.
	Handle any
}

// AppliedValue is one value a merge takes from the other file without
// question (only the other office changed it).
type AppliedValue struct {
	Year, Where, Label string // 2020-2021, 学校「…」 or 县级数据, the field's Chinese name
	Old, New           string // as the clerk reads them; "" = 未填报
	By                 string // who set the new value in the other office, "" when unknown
}

// MaxListedValues is how many applied values a merge plan lists one by
// one; the rest are counted.
const MaxListedValues = 500

// MergeOptions choose how a merge source is planned.
type MergeOptions struct {
	// OtherCounty: the clerk confirmed merging a file of another county.
	OtherCounty bool
}

// OtherCountyError is PlanMerge's refusal of a file of another county
// (another name or code). The GUI asks the clerk and plans again with
// MergeOptions.OtherCounty. Theirs and Ours are the counties as the store
// words them (「渑池县」（代码 411221）).
type OtherCountyError struct {
	File, Year, Theirs, Ours string
	Err                      error // the store's own refusal
}

func (e *OtherCountyError) Error() string { return e.Err.Error() }
func (e *OtherCountyError) Unwrap() error { return e.Err }

// Merger is a store that can import another unit's file.
type Merger interface {
	// PlanMerge plans the merge of the file at path; a file of another
	// county is refused with *OtherCountyError unless o.OtherCounty.
	PlanMerge(path string, o MergeOptions) (*MergePlan, error)
	// ApplyMerge applies the plan; takeTheirs[i] decides Conflicts[i].
	ApplyMerge(plan *MergePlan, takeTheirs []bool) error
}

// Exporter is a store that can write chosen schools to a file for another unit.
type Exporter interface {
	// ExportSchools replaces a file at path (the save dialog asked), by
	// renaming the complete export over it.
	ExportSchools(path string, ids []string) error
}

// Backuper is a store that can back itself up and restore.
type Backuper interface {
	// Backup copies the file now and returns the copy's path.
	Backup() (string, error)
	Restore(path string) error
	// SaveAs writes the whole file to path, replacing a file there as
	// ExportSchools does.
	SaveAs(path string) error
	// BackupDir is the folder the backups are kept in.
	BackupDir() string
}

// ReadOnlyStore is a store that may refuse writes.
type ReadOnlyStore interface {
	ReadOnly() bool
}

// Importer is a store that takes a whole county file in one transaction.
// source is where the county came from (the chosen file's path, or the
// demo's name): the history records every value as 导入「source」.
type Importer interface {
	ImportFrom(f *county.File, source string) error
}

// BatchImporter is a store that saves a checked Excel import (new and
// changed schools, the county facts) in one audited transaction. Its
// method is the one data/xlsx.Apply calls; source is the workbook's file
// name, recorded with every change it brings.
type BatchImporter interface {
	ApplyImport(year string, schools []county.School, profile *county.Profile, source string) error
}

// BatchSaver is a store that saves many schools the clerk typed (the grid
// entry) in one audited transaction, recorded as typed with note.
type BatchSaver interface {
	SaveSchools(year string, schools []county.School, note string) error
}

// OpenMode is how a file another user holds is opened.
type OpenMode int

const (
	OpenNormal   OpenMode = iota
	OpenReadOnly          // without taking the file: every write is refused
	OpenTakeOver          // after the clerk confirms the other program is closed
)

// LockedError is returned by Opener.Open when another user holds the file.
type LockedError struct{ Message string }

func (e *LockedError) Error() string { return e.Message }

// Opener opens and creates stores; cmd/junheng provides the real one.
type Opener interface {
	Open(path string, set Settings, mode OpenMode) (Store, error)
	Create(path string, set Settings) (Store, error)
}

// SettingsTaker is a store that records who works (for the audit trail)
// and takes new settings at once when 设置 changes.
type SettingsTaker interface {
	UseSettings(Settings)
}

// Evidence is a store that keeps 佐证材料 inside the data file: the files
// attached to the items they prove, and each item's checklist. Its
// methods are data.Store's (see data/evidence.go); its errors are Chinese.
type Evidence interface {
	// Attachments lists a year's attachments without their bytes.
	Attachments(year string) ([]evidence.Attachment, error)
	// SaveEvidence applies one edit of a year as one recorded change.
	SaveEvidence(year string, e evidence.Edit) error
	// AttachmentData returns the stored bytes of a hash.
	AttachmentData(hash string) ([]byte, error)
	// Thumbnail returns the JPEG thumbnail of a photo (nil for other kinds).
	Thumbnail(hash string) ([]byte, error)
	// Checklists returns every item's checklist of a year.
	Checklists(year string) (map[string][]evidence.Entry, error)
	// SaveChecklist replaces one item's checklist of a year.
	SaveChecklist(year, item string, es []evidence.Entry) error
	// EvidenceBytes is the stored size of all attachments of the file.
	EvidenceBytes() (int64, error)
}
