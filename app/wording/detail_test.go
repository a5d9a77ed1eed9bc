package wording

import (
	"strconv"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/assets/demo"
)

// Found: 教学点 were counted as schools (「19 所学校中 1 所」 in a county of
// 15 schools and 4 教学点; the failing one a 教学点).
func TestDetailCountsTeachingPointsApart(t *testing.T) {
	f := demo.File()
	schools, points := 0, 0
	var point string
	for _, s := range f.Schools {
		if s.Type == county.TypePoint {
			points++
			point = s.ID
		} else {
			schools++
		}
	}
	total := schools + points
	it := &eval.ItemResult{Detail: itoa(total) + " 所学校中 1 所未达标", Schools: []string{point}, Issues: []string{"x"}}
	want := itoa(schools) + " 所学校、" + itoa(points) + " 个教学点中 1 个教学点未达标"
	if got := Detail(f, it); got != want {
		t.Errorf("Detail = %q, want %q", got, want)
	}
	it = &eval.ItemResult{Detail: itoa(total) + " 所学校全部达标"}
	if got := Detail(f, it); !strings.HasPrefix(got, itoa(schools)+" 所学校、"+itoa(points)+" 个教学点全部达标") {
		t.Errorf("Detail = %q", got)
	}
	// A count that is not the whole county is kept: which were checked is not known.
	it = &eval.ItemResult{Detail: itoa(schools-2) + " 所学校全部达标"}
	if got := Detail(f, it); got != it.Detail {
		t.Errorf("Detail = %q, want it kept", got)
	}
}

func itoa(k int) string { return strconv.Itoa(k) }
