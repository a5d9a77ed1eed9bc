package xlsx

import (
	"strings"
	"testing"
)

// Found: 「98，99，101」 was refused with thousands-separator wording. A
// list typed with commas is named as a list: rooms are separated by 、,
// a number cell holds one number; a true thousands separator still reads.
func TestCommaListsAreNamedAsLists(t *testing.T) {
	rooms := tableColumn(t, "music_rooms")
	if _, why := rooms.parse("98，99，101"); !strings.Contains(why, "顿号") || strings.Contains(why, "千位分隔符应") {
		t.Errorf("rooms 98，99，101: %q", why)
	}
	students := tableColumn(t, "students.primary")
	if _, why := students.parse("45,46"); !strings.Contains(why, "几个数") {
		t.Errorf("students 45,46: %q", why)
	}
	if v, why := students.parse("1,200"); why != "" || v != 1200 {
		t.Errorf("students 1,200: %v %q", v, why)
	}
	if v, why := rooms.parse("98、96"); why != "" || len(v.([]float64)) != 2 {
		t.Errorf("rooms 98、96: %v %q", v, why)
	}
}
