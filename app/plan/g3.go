package plan

import (
	"math"
	"sort"

	"junheng/app/county"
	"junheng/app/standard"
)

// g3Actions plans the music and art rooms of one school (G3): per 12
// classes one room of each at its minimum area. An undersized room is
// enlarged to the minimum (cheaper than a new one: it adds the missing m²
// only), the largest first; the rest are built new. It returns nil when
// the school meets G3 or its inputs are not entered.
func g3Actions(s *county.School, std *standard.Standard, roomCost float64) []Action {
	switch s.Type {
	case county.TypePoint, county.TypeSpecial:
		return nil
	}
	if s.Classes.Primary == nil && s.Classes.Junior == nil || s.MusicRooms == nil || s.ArtRooms == nil {
		return nil
	}
	it := std.Item("G3")
	classes := float64(county.Val(s.Classes.Primary)) + float64(county.Val(s.Classes.Junior))
	need := int(math.Max(1, math.Ceil(classes/it.Param("classes_per_room"))))
	var out []Action
	for _, r := range []struct {
		rooms          []float64
		min            float64
		build, enlarge string
	}{
		{s.MusicRooms, it.Param("music_area"), KindBuildMusic, KindEnlargeMusic},
		{s.ArtRooms, it.Param("art_area"), KindBuildArt, KindEnlargeArt},
	} {
		have := 0
		var small []int
		for i, a := range r.rooms {
			if standard.AtLeast(a, r.min) {
				have++
			} else {
				small = append(small, i)
			}
		}
		sort.SliceStable(small, func(a, b int) bool { return r.rooms[small[a]] > r.rooms[small[b]] })
		for _, i := range small {
			if have >= need {
				break
			}
			add := wholeUp(r.min - math.Max(0, r.rooms[i]))
			for !standard.AtLeast(r.rooms[i]+add, r.min) {
				add++
			}
			idx := i
			out = append(out, Action{Kind: r.enlarge, School: s.ID, Room: &idx, Area: int(add), Cost: money(add * roomCost)})
			have++
		}
		area := wholeUp(r.min)
		for ; have < need; have++ {
			out = append(out, Action{Kind: r.build, School: s.ID, Area: int(area), Cost: money(area * roomCost)})
		}
	}
	return out
}

// wholeUp rounds an amount up to a whole number, forgiving float noise
// (95.99999999999999 m² is 96).
func wholeUp(x float64) float64 {
	r := math.Round(x)
	if math.Abs(x-r) < 1e-9*math.Max(1, math.Abs(x)) {
		return r
	}
	return math.Ceil(x)
}

// money rounds a cost to the fen, so that costs add up exactly.
func money(x float64) float64 { return math.Round(x*100) / 100 }
