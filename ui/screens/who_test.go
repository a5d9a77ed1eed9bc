package screens

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"junheng/app/dossier"
	"junheng/ui/session"
)

// The dossier written from 打印材料 is signed by the clerk who said who is
// working (设置's 姓名 and 单位), never by a placeholder.
func TestDossierSignedByTheClerk(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	fx := newFixture(t)
	fx.env.S.Settings = session.Settings{User: "张丽", Office: "义马市教育体育局"}
	var status string
	fx.env.Status = func(s string) { status = s }
	p := fx.show(Print).(*print)
	out := filepath.Join(t.TempDir(), "申报材料.pdf")
	p.writePDF(out, []dossier.Section{dossier.Resource})
	deadline := time.Now().Add(time.Minute)
	for !strings.Contains(status, "已生成") && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", out, "-").Output()
	if err != nil {
		t.Fatalf("no PDF (status %q): %v", status, err)
	}
	flat := strings.Join(strings.Fields(string(text)), "")
	if !strings.Contains(flat, "填报人：张丽") || strings.Contains(flat, "本机用户") {
		t.Fatalf("the dossier is not signed 填报人：张丽:\n%s", text)
	}
}
