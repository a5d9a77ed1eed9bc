package main

import (
	"junheng/app/county"
	"junheng/data"
)

// The pdf command (and eval) read a school year from a data file through
// loadFromDB. The database commands may install their own loader; this one
// only fills the hook when nobody has.
func init() {
	if loadFromDB == nil {
		loadFromDB = loadYearReadOnly
	}
}

// loadYearReadOnly opens a data file read-only (no lock note: printing must
// not block a clerk who is editing it) and loads one school year.
func loadYearReadOnly(path, year string) (*county.File, error) {
	s, err := data.Open(path, data.OpenOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return s.LoadYear(year)
}
