package evidence

import (
	"slices"
	"sync"

	"junheng/app/standard"
)

// catalogue is the standard the items come from.
var catalogue = standard.National2017()

// items is the list Items returns and the rank of each code in it, built
// once: numbering sorts by rank on every comparison, and the 首页 counts
// gaps item by item each time it is drawn.
var items = sync.OnceValues(func() ([]*standard.Item, map[string]int) {
	var list []*standard.Item
	for _, p := range standard.Parts {
		list = append(list, catalogue.ByPart(p)...)
	}
	rank := make(map[string]int, len(list))
	for i, it := range list {
		rank[it.Code] = i
	}
	return list, rank
})

// Items lists the items evidence may be attached to, in the order of the
// county verdict (资源配置, 政府保障程度, 教育质量, 社会认可度, 一票否决,
// 教育经费保障): every item of those parts. The slice is a fresh copy.
func Items() []*standard.Item {
	list, _ := items()
	return slices.Clone(list)
}

// ItemOf returns the item of a code, ok false for a code evidence cannot
// be attached to (unknown, or a 2012 基本均衡 item).
func ItemOf(code string) (*standard.Item, bool) {
	list, rank := items()
	i, ok := rank[code]
	if !ok {
		return nil, false
	}
	return list[i], true
}

// ItemCodes lists the codes of Items, for messages that say what is valid.
func ItemCodes() []string {
	list, _ := items()
	out := make([]string, len(list))
	for i, it := range list {
		out[i] = it.Code
	}
	return out
}

// itemRank orders items as Items does.
func itemRank(code string) int {
	_, rank := items()
	if i, ok := rank[code]; ok {
		return i
	}
	return len(catalogue.Items)
}

// partRank orders parts as standard.Parts does; it is the 卷号 less one.
func partRank(part string) int {
	if i := slices.Index(standard.Parts, part); i >= 0 {
		return i
	}
	return len(standard.Parts)
}
