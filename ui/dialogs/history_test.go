package dialogs

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"junheng/ui/session"
)

// Found: 修改记录 showed 「2026-12-07T11:40:50.892971830Z」, a SHA hash,
// 「photo」, 「image/jpeg」 and 「/ 本机用户」. It reads for people: local
// time to the minute, no fingerprints or formats, kinds in Chinese, the
// clerk as 「单位 姓名」.
func TestHistoryReadsForPeople(t *testing.T) {
	w := saveWindow(t)
	at := time.Date(2026, 12, 7, 11, 40, 50, 892971830, time.UTC)
	changes := []session.Change{
		{When: at, User: " / 李老师", Action: "录入", School: "佐证材料「音乐教室」", Field: "evidence.hash", Label: "文件内容", New: strings.Repeat("ab", 32)},
		{When: at, User: "城关镇中心校 / 李老师", Action: "录入", School: "佐证材料「音乐教室」", Field: "evidence.mime", Label: "文件格式", New: "image/jpeg"},
		{When: at, User: "城关镇中心校 / 李老师", Action: "录入", School: "佐证材料「音乐教室」", Field: "evidence.kind", Label: "类型", New: "photo"},
		{When: at, User: " / 李老师", Action: "录入", School: "佐证材料「音乐教室」", Field: "evidence.added_at", Label: "添加时间", New: at.Format(time.RFC3339Nano)},
		{When: at, User: " / 李老师", Action: "录入", School: "佐证材料「音乐教室」", Field: "evidence.title", Label: "题名", New: "音乐教室"},
		{When: at, User: "李老师", Action: "录入", School: "佐证材料「音乐教室」", Field: "evidence.date", Label: "日期", New: "2024-09-01"},
	}
	h := History(nil, "", w, func(string, string) ([]session.Change, error) { return changes, nil })
	all := strings.Join(h.Lines, "\n")
	if len(h.Lines) != 3 || !strings.Contains(h.Msg.Text, "共 3条") {
		t.Fatalf("%d lines (%s):\n%s", len(h.Lines), h.Msg.Text, all)
	}
	for _, bad := range []string{"abab", "image/jpeg", "photo", "T11:40", "/ ", "/李老师"} {
		if strings.Contains(all, bad) {
			t.Errorf("the history shows %q:\n%s", bad, all)
		}
	}
	if !strings.Contains(all, "照片") || !strings.Contains(all, "城关镇中心校 李老师") || !strings.Contains(all, "2024-09-01") {
		t.Errorf("kind, clerk or date not in the clerk's words:\n%s", all)
	}
	if !regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d　`).MatchString(h.Lines[0]) {
		t.Errorf("the time is not to the minute: %q", h.Lines[0])
	}
}
