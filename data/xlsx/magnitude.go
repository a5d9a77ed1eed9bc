package xlsx

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"junheng/app/county"
	"junheng/app/format"
)

// MagnitudeFactor is how far off a value may be from the value it replaces,
// or per pupil from the county's median per pupil, before the import stops
// to ask: 1,000 times catches 万元 typed into a 元 column (10,000) and three
// zeros too many or too few, and no real year-on-year change.
const MagnitudeFactor = 1000

// minMedianSchools is how many other schools with a value a median per
// pupil needs to mean anything.
const minMedianSchools = 3

// ErrMagnitude stops an import holding values MagnitudeFactor times off
// (Plan.Magnitudes) unless Plan.AcceptMagnitude: a unit mixed up (万元
// for 元) passes every bound and would stand in the dossier.
type ErrMagnitude struct {
	File  string
	Cases []string
}

func (e *ErrMagnitude) Error() string {
	return e.Warning() + "：" + strings.Join(e.Cases, "；") + "。未导入任何内容。请核对单位后改正；确认无误请明确确认（命令行加 --accept-magnitude）。"
}

// Warning is the sentence before the cases (each names the cell, the
// value and the probable mix-up): what a preview says first.
func (e *ErrMagnitude) Warning() string {
	return fmt.Sprintf("工作簿「%s」有 %d 个数值与原值或全县每生中位数相差 %s 倍以上，很可能填错了单位",
		format.Safe(e.File), len(e.Cases), format.Int(MagnitudeFactor))
}

// Consent is what the clerk confirms (the GUI's checkbox).
func (e *ErrMagnitude) Consent() string {
	return "确认：这" + format.Count(len(e.Cases), "个") + "数值无误，不是单位填错（如把万元当成元）"
}

// magnitudes lists the changed numbers of schools and county facts that
// are MagnitudeFactor times off the value they replace or, for a school's
// amount entered anew, off the county's median per pupil.
func (pl *planner) magnitudes(cur, after *county.File) []string {
	var out []string
	for _, ch := range pl.plan.Changes {
		if ch.Clear || ch.Path == "" {
			continue
		}
		var was, now any
		var school *county.School
		if ch.SchoolID == "" {
			was, now = numberAt(&cur.County, ch.Path), numberAt(&after.County, ch.Path)
		} else {
			if i := slices.IndexFunc(after.Schools, func(s county.School) bool { return s.ID == ch.SchoolID }); i >= 0 {
				school = &after.Schools[i]
				now = numberAt(school, ch.Path)
			}
			if i := slices.IndexFunc(cur.Schools, func(s county.School) bool { return s.ID == ch.SchoolID }); i >= 0 {
				was = numberAt(&cur.Schools[i], ch.Path)
			}
		}
		x, ok := number(now)
		if !ok || x == 0 {
			continue
		}
		unit := ""
		if spec, ok := county.Spec(ch.Path); ok {
			unit = spec.Unit
		}
		if w, ok := number(was); ok && w != 0 {
			if r := x / w; r >= MagnitudeFactor || r <= 1.0/MagnitudeFactor {
				out = append(out, pl.offBy(ch, x, unit, r, "原值 "+format.Entered(w)+unit))
			}
			continue
		}
		if school != nil && (unit == "元" || unit == "万元" || unit == "㎡") {
			if m, ok := medianPerPupil(after.Schools, school.ID, ch.Path); ok {
				if p := pupils(school); p > 0 {
					if r := x / p / m; r >= MagnitudeFactor || r <= 1.0/MagnitudeFactor {
						out = append(out, pl.offBy(ch, x, unit, r, "全县每生中位数 "+format.Entered(m)+unit+" 按本校学生数折算"))
					}
				}
			}
		}
	}
	return out
}

// offBy words one value off by ratio r from what it is compared with.
func (pl *planner) offBy(ch Change, x float64, unit string, r float64, against string) string {
	who := "县级数据"
	if ch.SchoolID != "" {
		who = "学校「" + format.Safe(ch.SchoolName) + "」"
	}
	times := "是" + against + "的 " + format.Number(r, 0) + " 倍"
	if r < 1 {
		times = "只有" + against + "的 1/" + format.Number(1/r, 0)
	}
	why := "是否多输或少输了几个零"
	if k := math.Round(math.Log10(math.Max(r, 1/r))); k == 4 && (unit == "元" || unit == "万元") {
		why = "很可能把万元当成了元（或反之）"
	}
	return fmt.Sprintf("%s %s %s 填 %s%s，%s，%s", ch.Cell, who, ch.Field, format.Entered(x), unit, times, why)
}

// numberAt is the number at path in root, nil when there is none: the
// changes of the survey and finance sheets name rows, not fields, and
// lists and texts are no numbers.
func numberAt(root any, path string) (v any) {
	defer func() {
		if recover() != nil {
			v = nil
		}
	}()
	return get(root, path)
}

// number is a stored number as float64.
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

// pupils is a school's pupils, 0 when not entered.
func pupils(s *county.School) float64 {
	return float64(county.Val(s.Students.Primary) + county.Val(s.Students.Junior) + county.Val(s.Students.Senior))
}

// medianPerPupil is the median of path per pupil over the schools other
// than except that have both; false when fewer than minMedianSchools do.
func medianPerPupil(schools []county.School, except, path string) (float64, bool) {
	var per []float64
	for i := range schools {
		s := &schools[i]
		if s.ID == except {
			continue
		}
		if x, ok := number(numberAt(s, path)); ok && x > 0 && pupils(s) > 0 {
			per = append(per, x/pupils(s))
		}
	}
	if len(per) < minMedianSchools {
		return 0, false
	}
	slices.Sort(per)
	n := len(per)
	if n%2 == 1 {
		return per[n/2], true
	}
	return (per[n/2-1] + per[n/2]) / 2, true
}
