//go:build ignore

// gen_evidence writes the demo county's document PDFs into evidence/ (run
// from this folder: go run gen_evidence.go). They are committed, so a
// first start does not typeset twenty documents.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"junheng/assets/fonts"
)

var docs = map[string]string{
	"g1-plan.pdf":          "义马市义务教育学校布局专项规划（2018—2025年）|义政〔2018〕21号",
	"g1-notice.pdf":        "关于公布义务教育学校布局规划的通知|义政办〔2018〕45号",
	"g2-1.pdf":             "义马市城乡义务教育学校建设标准|义教〔2019〕8号",
	"g2-2.pdf":             "义马市中小学教职工编制标准实施意见|义编〔2019〕3号",
	"g2-3.pdf":             "义务教育学校生均公用经费基准定额的通知|义财教〔2020〕6号",
	"g2-4.pdf":             "义务教育学校基本装备配置标准|义教装〔2019〕2号",
	"g8-pay.pdf":           "教师与公务员平均工资收入对比测算表|",
	"g9-training.pdf":      "教师5年360学时培训完成情况统计表|",
	"g11-rotation.pdf":     "义马市义务教育教师交流轮岗实施办法|义教人〔2020〕11号",
	"g13-enrol.pdf":        "2020年义务教育招生入学工作方案|义教基〔2020〕15号",
	"g14-quota.pdf":        "优质普通高中招生名额分配办法|义教〔2020〕19号",
	"q1-retention.pdf":     "2018级初中三年巩固率统计表|",
	"q2-disabled.pdf":      "残疾儿童少年入学情况统计表|",
	"q9-monitoring.pdf":    "国家义务教育质量监测义马市结果报告|",
	"s1-survey.pdf":        "义马市义务教育社会认可度调查报告|",
	"v7-pledge.pdf":        "督导评估材料真实性承诺书|",
	"f4-budget.pdf":        "2018—2020年一般公共预算教育支出决算表|",
	"f6-surcharge.pdf":     "教育费附加征收和拨付情况说明|",
	"g12-certificates.pdf": "专任教师持有教师资格证情况统计表|",
	"g15-care.pdf":         "留守儿童关爱保护工作实施方案|义教〔2019〕30号",
}

func main() {
	for name, spec := range docs {
		title, docNo, _ := strings.Cut(spec, "|")
		pdf := gofpdf.New("P", "mm", "A4", "")
		pdf.AddUTF8FontFromBytes("serif", "", fonts.Serif)
		pdf.SetCompression(true)
		pages := 1 + len(name)%3
		for p := 1; p <= pages; p++ {
			pdf.AddPage()
			pdf.SetFont("serif", "", 18)
			pdf.SetXY(20, 30)
			pdf.CellFormat(170, 12, title, "", 1, "C", false, 0, "")
			pdf.SetFont("serif", "", 12)
			if docNo != "" && p == 1 {
				pdf.SetX(20)
				pdf.CellFormat(170, 10, docNo, "", 1, "C", false, 0, "")
			}
			pdf.SetXY(25, 70)
			pdf.CellFormat(160, 8, fmt.Sprintf("（演示文件，第 %d 页，共 %d 页）", p, pages), "", 1, "L", false, 0, "")
			pdf.SetX(25)
			pdf.CellFormat(160, 8, "义马市教育体育局", "", 1, "L", false, 0, "")
		}
		if err := pdf.OutputFileAndClose(filepath.Join("evidence", name)); err != nil {
			fmt.Fprintln(os.Stderr, name, err)
			os.Exit(1)
		}
	}
}
