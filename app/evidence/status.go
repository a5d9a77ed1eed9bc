package evidence

import "slices"

// States of a checklist entry as the 佐证材料 page shows them; a status the
// clerk set (不适用, 纸质已备) is shown as it is.
const (
	StateGiven   = "已提供"
	StateMissing = "缺"
)

// EntryState is one checklist entry of an item with what answers it.
type EntryState struct {
	Entry
	State string // 已提供, 缺, 不适用, 纸质已备
	// Missing lists, for a per-school entry still missing, the schools
	// nothing answers yet (in the order given).
	Missing []SchoolRef
}

// States is the checklist of one item with the state of each entry, from
// the same gaps as Missing (so the page, the 首页 and the 整改清单 agree).
func States(item string, lists map[string][]Entry, atts []Attachment, schools []SchoolRef) []EntryState {
	es := lists[item]
	gaps := Missing(map[string][]Entry{item: es}, atts, schools)
	out := make([]EntryState, 0, len(es))
	for _, e := range es {
		st := EntryState{Entry: e, State: string(e.Status)}
		if e.Status == StatusAuto {
			st.State = StateGiven
			for _, g := range gaps {
				if g.Entry != e.Name {
					continue
				}
				st.State = StateMissing
				if g.School != "" {
					st.Missing = append(st.Missing, SchoolRef{ID: g.School, Name: g.SchoolName})
				}
			}
		}
		out = append(out, st)
	}
	return out
}

// ItemState is an item's line in the list of the 佐证材料 page.
type ItemState struct {
	Item    string
	Files   int // attachments to it, the county's and every school's
	Missing int // gaps, counted as ItemGap.Count
}

// Overview is the line of every item (in the order of Items).
func Overview(lists map[string][]Entry, atts []Attachment, schools []SchoolRef) []ItemState {
	gaps := ByItem(Missing(lists, atts, schools))
	out := make([]ItemState, 0, len(Items()))
	for _, it := range Items() {
		st := ItemState{Item: it.Code}
		for i := range atts {
			if atts[i].Item == it.Code {
				st.Files++
			}
		}
		if i := slices.IndexFunc(gaps, func(g ItemGap) bool { return g.Item == it.Code }); i >= 0 {
			st.Missing = gaps[i].Count
		}
		out = append(out, st)
	}
	return out
}
