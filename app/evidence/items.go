package evidence

import (
	"slices"

	"junheng/app/standard"
)

// catalogue is the standard the items come from.
var catalogue = standard.National2017()

// Items lists the items evidence may be attached to, in the order of the
// county verdict (资源配置, 政府保障程度, 教育质量, 社会认可度, 一票否决,
// 教育经费保障): every item of those parts.
func Items() []*standard.Item {
	var out []*standard.Item
	for _, p := range standard.Parts {
		out = append(out, catalogue.ByPart(p)...)
	}
	return out
}

// ItemOf returns the item of a code, ok false for a code evidence cannot
// be attached to (unknown, or a 2012 基本均衡 item).
func ItemOf(code string) (*standard.Item, bool) {
	for _, it := range Items() {
		if it.Code == code {
			return it, true
		}
	}
	return nil, false
}

// ItemCodes lists the codes of Items, for messages that say what is valid.
func ItemCodes() []string {
	var out []string
	for _, it := range Items() {
		out = append(out, it.Code)
	}
	return out
}

// itemRank orders items as Items does.
func itemRank(code string) int {
	i := slices.IndexFunc(Items(), func(it *standard.Item) bool { return it.Code == code })
	if i < 0 {
		return len(catalogue.Items)
	}
	return i
}

// partRank orders parts as standard.Parts does; it is the 卷号 less one.
func partRank(part string) int {
	if i := slices.Index(standard.Parts, part); i >= 0 {
		return i
	}
	return len(standard.Parts)
}
