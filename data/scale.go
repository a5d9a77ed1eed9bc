package data

import "fmt"

// MaxSchools is the most schools one school year of a data file may hold.
// A whole province (about 20,000 schools) imports in well under 1 GB; the
// limit keeps a wrong or hostile file from exhausting the machine before
// anything is written. README's command-line section documents it.
const MaxSchools = 30000

// MaxJSONBytes is the largest county JSON file read: a file of MaxSchools
// fully filled schools is about a third of it.
const MaxJSONBytes = 128 << 20

// checkScale refuses a year of more than MaxSchools schools.
func checkScale(n int) error {
	if n > MaxSchools {
		return fmt.Errorf("一个学年最多可有 %d 所学校，要导入的数据有 %d 所，未导入。请按市或县分成几个数据文件。", MaxSchools, n)
	}
	return nil
}
