package entry

import (
	"strings"

	"junheng/app/county"
)

// fixFields are the school fields an item is computed from, in the order a
// clerk checks them ({s} is the stage of the school part).
var fixFields = map[string][]string{
	"R1":  {"teachers.{s}.above_degree", "students.{s}"},
	"R2":  {"teachers.{s}.backbone", "students.{s}"},
	"R3":  {"teachers.{s}.pe", "teachers.{s}.music", "teachers.{s}.art", "students.{s}"},
	"R4":  {"area_teaching_aux", "area_indoor_sports", "students.{s}"},
	"R5":  {"area_sports_ground", "area_indoor_sports", "students.{s}"},
	"R6":  {"equipment_value", "students.{s}"},
	"R7":  {"multimedia_rooms", "students.{s}"},
	"G3":  {"music_rooms", "art_rooms", "classes.{s}"},
	"G4":  {"students.{s}"},
	"G5":  {"largest_class.{s}"},
	"G6":  {"public_funds_allocated", "students.{s}"},
	"G7":  {"public_funds_allocated", "students.{s}"},
	"G12": {"teachers.{s}.certified", "teachers.{s}.full_time"},
	"G13": {"entrants_nearby.{s}", "entrants.{s}"},
	"Q3":  {"charter", "informatized"},
	"Q4":  {"training_funds", "public_funds_budget"},
	"Q6":  {"moral_rating"},
}

// FixField is the field of a school to open for an item of the to-do list
// (整改清单): for a missing item the first of its fields left empty, else
// the first field it is computed from. stage "" takes the school's first
// stage. It returns "" when the item has no school field.
func FixField(code, stage string, s *county.School) string {
	paths := fixFields[code]
	if len(paths) == 0 {
		return ""
	}
	if stage == "" {
		stage = "primary"
		if s != nil && !SchoolHasStage(s.Type, "primary") {
			stage = "junior"
		}
	}
	byPath := map[string]*Field[county.School]{}
	for _, sec := range SchoolSections() {
		for _, f := range sec.Fields {
			byPath[f.Path] = f
		}
	}
	first := ""
	for _, p := range paths {
		p = strings.ReplaceAll(p, "{s}", stage)
		f := byPath[p]
		if f == nil {
			continue
		}
		if first == "" {
			first = p
		}
		if s != nil {
			cp := *s // Load reads only; a shallow copy keeps even that off the record
			if f.Load(&cp) == "" {
				return p
			}
		}
	}
	return first
}
