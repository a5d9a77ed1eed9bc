package eval

import (
	"math"
	"strings"

	"junheng/app/format"
	"junheng/app/standard"
)

// indicator describes how an R (or B) value is made from a unit: value =
// per × resource / students, where the resource is what a school adds to
// close a gap.
type indicator struct {
	code     string
	per      float64 // 100 for "每百名学生", 1 for "生均"
	resource func(u *unit) opt
	// facility: the resource is split by share (a combined school adds it
	// to the whole school); teachers are entered per stage.
	facility bool
}

var resourceIndicators = []indicator{
	{"R1", 100, func(u *unit) opt { return u.aboveDegree }, false},
	{"R2", 100, func(u *unit) opt { return u.backbone }, false},
	{"R3", 100, func(u *unit) opt { return u.peArt }, false},
	{"R4", 1, func(u *unit) opt { return u.netRooms }, true},
	{"R5", 1, func(u *unit) opt { return u.sports }, true},
	{"R6", 1, func(u *unit) opt { return u.equipment }, true},
	{"R7", 100, func(u *unit) opt { return u.multimedia }, true},
}

var legacyIndicators = []indicator{
	{"B1", 1, func(u *unit) opt { return u.netRooms }, true},
	{"B2", 1, func(u *unit) opt { return u.sports }, true},
	{"B3", 1, func(u *unit) opt { return u.equipment }, true},
	{"B4", 100, func(u *unit) opt { return u.computers }, true},
	{"B5", 1, func(u *unit) opt { return u.books }, true},
	{"B6", 100, func(u *unit) opt { return u.fullTime }, false},
	{"B7", 100, func(u *unit) opt { return u.aboveDegree }, false},
	{"B8", 100, func(u *unit) opt { return u.midTitle }, false},
}

// value computes an indicator for a unit; not ok when its input is missing.
func (ind indicator) value(u *unit) opt {
	r := ind.resource(u)
	if !r.ok || u.students == 0 {
		return opt{}
	}
	// Multiply before dividing: 100 × 9 / 1000 is exactly 0.9.
	return opt{clamp(ind.per * r.v / float64(u.students)), true}
}

// evalSchoolPart tests one unit against its stage's standard: the seven
// values, met/unmet, the 6-of-7 + 85% rule and the shortfalls.
func evalSchoolPart(u *unit, std *standard.Standard) SchoolPart {
	sp := SchoolPart{
		ID: u.school.ID, Name: u.school.Name, Type: u.school.Type, Students: u.students, Share: u.share,
		Merged: u.merged, Values: make(map[string]*float64, len(resourceIndicators)),
		Met: make(map[string]bool, len(resourceIndicators)), Shortfalls: []Shortfall{},
	}
	var belowFloor, unmet int
	for _, ind := range resourceIndicators {
		it := std.Item(ind.code)
		limit := it.Limit(u.stage)
		v := ind.value(u)
		if !v.ok {
			sp.Values[ind.code] = nil
			sp.Missing = append(sp.Missing, ind.code)
			sp.Met[ind.code] = false
			continue
		}
		sp.Values[ind.code] = ptr(v.v)
		met := standard.AtLeast(v.v, limit)
		sp.Met[ind.code] = met
		if met {
			sp.MetCount++
			continue
		}
		unmet++
		if !standard.AtLeast(v.v, std.PartPassFloor*limit) {
			belowFloor++
		}
		sp.Shortfalls = append(sp.Shortfalls, shortfall(ind, it, u, v.v, limit))
	}
	// 7 met, or 6 met and the seventh at ≥ 85 %; a missing value is never met.
	n := len(resourceIndicators)
	sp.Pass = len(sp.Missing) == 0 && sp.MetCount >= std.PartPassMinMet && (unmet == 0 || (unmet <= n-std.PartPassMinMet && belowFloor == 0))
	return sp
}

// shortfall finds the smallest whole amount of the resource that makes the
// unit meet the limit. For a facility of a combined school the amount is
// what the whole school must add, since the part receives only its share.
func shortfall(ind indicator, it *standard.Item, u *unit, v, limit float64) Shortfall {
	have := ind.resource(u).v
	share := 1.0
	if ind.facility && u.share > 0 {
		share = u.share
	}
	meets := func(n float64) bool {
		return standard.AtLeast(ind.per*(have+n*share)/float64(u.students), limit)
	}
	n := smallestWhole(meets, (limit*float64(u.students)/ind.per-have)/share)
	return Shortfall{Code: ind.code, Value: v, Standard: limit, Ratio: v / limit,
		NeedAmount: n, NeedUnit: it.ResourceUnit, Need: needText(it, n)}
}

// smallestWhole returns the smallest whole n ≥ 1 for which meets(n) holds,
// given meets is monotone and estimate is close to the answer. It takes a
// bounded number of steps for any input: stepping one unit from the
// estimate, as it once did, never ends once n passes 2^53 (n+1 == n), and
// with the comparison's relative tolerance the answer can lie millions of
// units below the estimate. Past 2^53 the answer is the nearest float.
func smallestWhole(meets func(float64) bool, estimate float64) float64 {
	hi := math.Max(1, math.Ceil(estimate))
	if math.IsNaN(hi) || math.IsInf(hi, 0) {
		hi = math.MaxFloat64
	}
	// Find a whole amount that meets: the estimate, else grow it; 2^k
	// growth reaches MaxFloat64 within 1,100 doublings.
	for step := math.Max(1, hi/1024); !meets(hi) && hi < math.MaxFloat64; step *= 2 {
		hi = math.Min(math.MaxFloat64, hi+step)
	}
	if hi <= 1 || !meets(hi-1) {
		return hi // the usual case: the estimate is the answer
	}
	// Binary search for the smallest whole amount in (lo, hi] that meets;
	// 0 does not (the indicator is unmet). Each round halves the interval,
	// so at most ~1,100 rounds even across the whole float range.
	lo := 0.0
	for hi-lo > 1 {
		mid := math.Floor(lo/2 + hi/2)
		if mid <= lo || mid >= hi {
			break // lo and hi are adjacent floats
		}
		if meets(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// needText words the amount: "3 名骨干教师", "1,240 ㎡ 体育运动场馆",
// "38.6 万元 教学仪器设备" (money rounded up to 0.1 万元 above 10,000 元).
func needText(it *standard.Item, n float64) string {
	if it.ResourceUnit == "元" && n >= 10000 {
		wan := math.Ceil(n/1000) / 10
		return format.Number(wan, 1) + " 万元 " + strings.TrimPrefix(it.Resource, "元 ")
	}
	return format.Number(n, 0) + " " + it.Resource
}

// stageSchools evaluates every entering unit of a stage.
func stageSchools(units []*unit, std *standard.Standard) []SchoolPart {
	out := make([]SchoolPart, len(units))
	for i, u := range units {
		out[i] = evalSchoolPart(u, std)
	}
	return out
}
