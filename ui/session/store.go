// Package session is the state of one open county file in the GUI: the
// store, the school year on screen, the county file loaded from it, the
// latest evaluation and the settings. It computes nothing itself: numbers
// come from app/eval, data from the store.
package session

import (
	"time"

	"junheng/app/county"
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
	User   string
	School string // school name, "" for county facts
	Field  string // field path
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
	SchoolID string
	School   string
	Field    string // field path, labelled with county.FieldLabel
	Ours     string
	Theirs   string
}

// MergePlan is what an import would change.
type MergePlan struct {
	Year      string
	Added     []string // names of schools that are new
	Unchanged int
	Conflicts []Conflict
}

// Merger is a store that can import another unit's file.
type Merger interface {
	PlanMerge(path string) (*MergePlan, error)
	// ApplyMerge applies the plan; takeTheirs[i] decides Conflicts[i].
	ApplyMerge(plan *MergePlan, takeTheirs []bool) error
}

// Exporter is a store that can write chosen schools to a file for another unit.
type Exporter interface {
	ExportSchools(year string, ids []string, path string) error
}

// Backuper is a store that can back itself up and restore.
type Backuper interface {
	Backup(dir string, keep int) (string, error)
	Restore(path string) error
	SaveAs(path string) error
}

// Opener opens and creates stores; cmd/junheng provides the real one.
type Opener interface {
	Open(path, user string) (Store, error)
	Create(path, user string) (Store, error)
}
