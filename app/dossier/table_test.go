package dossier

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tablePDF draws rows in a fresh landscape document and returns the text
// of each page.
func tablePDF(t *testing.T, rows [][]cell) []string {
	t.Helper()
	d := newDoc("测试县  表格", "2024-2025学年", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), 0, nil, meta{Title: "测试"})
	d.newPage(true, true)
	tb := &table{size: smallSize, cols: []col{{W: 8, Align: "R"}, {W: 30, Align: "L"}, {W: 60, Align: "L"}, {W: 14, Align: "R"}},
		head: [][]cell{headRow("序号", "学校名称", "问题及差距", "金额（元）")}}
	tb.draw(d, rows)
	var buf bytes.Buffer
	if err := output(d, &buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "table.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return pages(t, path)
}

// longText is a sentence of a few lines, unique to row i.
func longText(i int) string {
	return fmt.Sprintf("第%d行：该校体育运动场馆面积不足，差 1,240 ㎡，需在下一学年内通过改扩建、租用或共享等方式补足，并同步完善器材配备与管理制度。", i)
}

func TestTableRepeatsHeaderAndNeverSplitsARow(t *testing.T) {
	var rows [][]cell
	for i := 1; i <= 300; i++ {
		note := fmt.Sprintf("第%d行", i)
		if i%7 == 0 {
			note = longText(i)
		}
		rows = append(rows, []cell{num(fmt.Sprint(i)), txt(fmt.Sprintf("第%d学校", i)), txt(note), num("1,234,567.89")})
	}
	ps := tablePDF(t, rows)
	if len(ps) < 5 {
		t.Fatalf("300 rows on %d pages: rows are missing", len(ps))
	}
	head := squeeze("序号学校名称问题及差距金额（元）")
	found := make([]int, 301) // page of each row, 0 = not found
	for pi, p := range ps {
		body := squeeze(p)
		for _, chrome := range []string{"测试县表格", "2024-2025学年", fmt.Sprintf("第%d页共？页", pi+1)} {
			body = strings.Replace(body, chrome, "", 1)
		}
		if pi > 0 { // a continued table says so above its header
			if !strings.HasPrefix(body, "（续表）") {
				t.Errorf("page %d does not say （续表）", pi+1)
			}
			body = strings.TrimPrefix(body, "（续表）")
		}
		if !strings.HasPrefix(body, head) {
			t.Errorf("page %d does not start with the header row", pi+1)
		}
		for i := 1; i <= 300; i++ {
			row := squeeze(rows[i-1][1].Text + rows[i-1][2].Text)
			if strings.Contains(body, row) {
				if found[i] != 0 {
					t.Errorf("row %d is on pages %d and %d", i, found[i], pi+1)
				}
				found[i] = pi + 1
			}
		}
	}
	for i := 1; i <= 300; i++ {
		if found[i] == 0 {
			t.Errorf("row %d is not printed whole on any page", i)
		}
		if i > 1 && found[i] < found[i-1] {
			t.Errorf("row %d comes before row %d", i, i-1)
		}
	}
}

func TestTableRowTallerThanAPageContinues(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 60; i++ {
		b.WriteString(longText(i) + "\n")
	}
	ps := tablePDF(t, [][]cell{{num("1"), txt("第1学校"), txt(b.String()), num("0.00")}})
	if len(ps) < 2 {
		t.Fatalf("a row of 60 paragraphs fits on %d page", len(ps))
	}
	all := ""
	head := squeeze("序号学校名称问题及差距金额（元）")
	for pi, p := range ps {
		body := squeeze(p)
		if !strings.Contains(body, head) {
			t.Errorf("page %d lacks the header row", pi+1)
		}
		for _, chrome := range []string{"测试县表格", "2024-2025学年", fmt.Sprintf("第%d页共？页", pi+1), "（续表）", head} {
			body = strings.Replace(body, chrome, "", 1)
		}
		all += body
	}
	for i := 0; i < 60; i++ {
		if !strings.Contains(all, squeeze(longText(i))) {
			t.Errorf("paragraph %d of the tall row is lost or cut across pages mid-line", i)
		}
	}
}
