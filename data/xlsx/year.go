package xlsx

import (
	"regexp"
	"strconv"
	"strings"
)

// yearText matches a 学年 as clerks write it on the 说明 sheet: 2020-2021,
// 2020—2021, 2020～2021, 2020至2021, 2020/2021, with or without 学年 or
// 年度 after it and spaces about the dash; full-width digits are folded
// first.
var yearText = regexp.MustCompile(`^(\d{4})\s*(?:年\s*)?(?:-|－|—|–|―|~|～|〜|/|／|至|到)\s*(\d{4})\s*(?:年)?\s*(?:学年|学年度|年度)?$`)

// digitFolder turns full-width digits into ASCII.
var digitFolder = strings.NewReplacer("０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6", "７", "7", "８", "8", "９", "9")

// SchoolYear reads a 学年 as written in a workbook and returns it in the
// file's form, 2020-2021; text that is not a school year of two
// consecutive years is returned trimmed, as it was (the caller names it).
func SchoolYear(s string) string {
	s = strings.TrimSpace(s)
	m := yearText.FindStringSubmatch(digitFolder.Replace(s))
	if m == nil {
		return s
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	if b != a+1 {
		return s
	}
	return m[1] + "-" + m[2]
}
