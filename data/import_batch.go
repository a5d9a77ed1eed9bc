package data

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"junheng/app/county"
)

// ApplyImport saves many schools (new ones appended, existing ones replaced
// by id) and, when profile is not nil, the county profile with its finance
// rows, in ONE transaction. source is the file they were read from (the
// workbook's name, e.g. 某校.xlsx; a path is cut to its base name): every
// change is recorded as imported from it by the store's office and user,
// and the commit's note reads 导入 Excel「某校.xlsx」. Schools not named are left as they are. The
// year as it would be after the import is validated like SaveSchool does
// (only problems the import introduces block it); any problem saves
// nothing. A backup is taken first when the year already holds data. The
// year is created when it does not exist and profile is given.
func (s *Store) ApplyImport(year string, schools []county.School, profile *county.Profile, source string) error {
	years, err := s.batchYears(year, schools)
	if err != nil {
		return err
	}
	exists := slices.Contains(years, year)
	if !exists && profile == nil {
		return fmt.Errorf("文件中没有 %s 学年，请先建立该学年（或导入含县级数据的工作簿）", year)
	}
	if exists {
		if _, err := s.autoBackup("导入前"); err != nil {
			return fmt.Errorf("导入前备份失败，未导入：%w", err)
		}
	}
	note := "导入"
	if source != "" {
		note = "导入「" + baseName(source) + "」"
		if ext := strings.ToLower(filepath.Ext(source)); ext == ".xlsx" || ext == ".xlsm" {
			note = "导入 Excel「" + baseName(source) + "」"
		}
	}
	return s.putSchools(year, schools, profile, "import", note, ImportedFrom(source))
}

// SaveSchools saves many schools the clerk typed (the GUI's grid entry,
// 批量录入) in ONE transaction, recorded as typed by the store's office and
// user with note as the commit's note. Like ApplyImport, the year as it
// would be after the save is validated (only problems it introduces block
// it), any problem saves nothing, and a backup is taken first.
func (s *Store) SaveSchools(year string, schools []county.School, note string) error {
	years, err := s.batchYears(year, schools)
	if err != nil {
		return err
	}
	if !slices.Contains(years, year) {
		return fmt.Errorf("文件中没有 %s 学年，请先建立该学年", year)
	}
	if _, err := s.autoBackup("保存前"); err != nil {
		return fmt.Errorf("保存前备份失败，未保存：%w", err)
	}
	return s.putSchools(year, schools, nil, "save", note, Typed())
}

// batchYears checks what ApplyImport and SaveSchools both need before they
// write — a writable file, a valid year, every school with an id — and
// returns the years the file holds.
func (s *Store) batchYears(year string, schools []county.School) ([]string, error) {
	if err := s.writable(); err != nil {
		return nil, err
	}
	if err := checkYear(year); err != nil {
		return nil, err
	}
	for _, sc := range schools {
		if sc.ID == "" {
			return nil, county.Problems{{SchoolName: sc.Name, Field: "id", Message: "学校标识码不能为空"}}
		}
	}
	return s.Years()
}

// putSchools writes schools (and the profile when not nil) into a year in
// one transaction: the body shared by ApplyImport and SaveSchools.
func (s *Store) putSchools(year string, schools []county.School, profile *county.Profile, action, note string, src Provenance) error {
	return s.update(action, note, src, func(t *txn) error {
		st, _, err := loadState(t.tx, year)
		if err != nil {
			return dbErr(err)
		}
		before, err := st.file()
		if err != nil {
			return err
		}
		after := *before
		if profile != nil {
			after.County = *profile
		}
		after.Schools = append([]county.School(nil), before.Schools...)
		pos := map[string]int{}
		for i, sc := range after.Schools {
			pos[sc.ID] = i
		}
		for _, sc := range schools {
			if i, ok := pos[sc.ID]; ok {
				after.Schools[i] = sc
			} else {
				pos[sc.ID] = len(after.Schools)
				after.Schools = append(after.Schools, sc)
			}
		}
		if err := checkScale(len(after.Schools)); err != nil {
			return err
		}
		if err := checkChange(before, &after); err != nil {
			return err
		}
		if profile != nil {
			if err := t.putProfile(st, *profile); err != nil {
				return err
			}
		}
		next := nextPos(st, kindSchool)
		for _, sc := range schools {
			p := next
			if e := st.ents[entKey{kindSchool, sc.ID}]; e != nil && !e.deleted() {
				p = e.pos
			} else {
				next++
			}
			e, err := t.entity(st, kindSchool, sc.ID, p)
			if err != nil {
				return err
			}
			if err := t.put(e, flatten(sc, ""), false); err != nil {
				return err
			}
		}
		return nil
	})
}
