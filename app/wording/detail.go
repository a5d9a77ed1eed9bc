package wording

import (
	"regexp"
	"strconv"

	"junheng/app/county"
	"junheng/app/eval"
)

var checkedRe = regexp.MustCompile(`^(\d+) 所学校(全部达标|中 (\d+) 所未达标)`)

// Detail is a per-school item's detail with 教学点 counted apart from
// schools: the engine's 「120 所学校全部达标」 of a county of 107 schools
// and 13 教学点 reads 「107 所学校、13 个教学点全部达标」. A detail whose
// count is not the whole county (some schools not checked) is kept as is.
func Detail(f *county.File, it *eval.ItemResult) string {
	if f == nil || it == nil {
		return ""
	}
	m := checkedRe.FindStringSubmatchIndex(it.Detail)
	if m == nil {
		return it.Detail
	}
	checked, _ := strconv.Atoi(it.Detail[m[2]:m[3]])
	types := map[string]string{}
	schools, points := 0, 0
	for i := range f.Schools {
		types[f.Schools[i].ID] = f.Schools[i].Type
		if f.Schools[i].Type == county.TypePoint {
			points++
		} else {
			schools++
		}
	}
	if points == 0 || checked != schools+points {
		return it.Detail
	}
	whole := join("、", when(schools, n(schools, "所")+"学校"), n(points, "个")+"教学点")
	rest := it.Detail[m[1]:]
	if m[6] < 0 {
		return whole + "全部达标" + rest
	}
	seen := map[string]bool{}
	fs, fp := 0, 0
	for _, id := range it.Schools {
		if seen[id] {
			continue
		}
		seen[id] = true
		if types[id] == county.TypePoint {
			fp++
		} else {
			fs++
		}
	}
	return whole + "中 " + join("、", when(fs, n(fs, "所")+"学校"), when(fp, n(fp, "个")+"教学点")) + "未达标" + rest
}
