package demo

import (
	"bytes"
	"embed"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"

	"junheng/app/county"
	"junheng/app/evidence"
)

// demoFile is one 佐证材料 of the demo county: a document (a PDF written
// by gen_evidence.go and embedded) or a photo drawn here.
type demoFile struct {
	item    string
	school  int // index into the demo's schools; -1 for a county item
	title   string
	docNo   string
	date    string
	entry   string // checklist entry it answers
	caption string // photos
	pdf     string // file in evidence/, "" for a photo
}

// demoFiles are 40 attachments: the county's documents with their 文号,
// and photos of five schools' music and art rooms, playgrounds and
// multimedia classrooms. A few checklist entries stay unanswered, so the
// 首页 shows what is still missing.
var demoFiles = func() []demoFile {
	fs := []demoFile{
		{item: "G1", school: -1, title: "义马市义务教育学校布局专项规划（2018—2025年）", docNo: "义政〔2018〕21号", date: "2018-06-12", entry: "义务教育学校布局规划文件", pdf: "g1-plan.pdf"},
		{item: "G1", school: -1, title: "关于公布义务教育学校布局规划的通知", docNo: "义政办〔2018〕45号", date: "2018-07-03", entry: "规划批复或公布文件", pdf: "g1-notice.pdf"},
		{item: "G2.1", school: -1, title: "义马市城乡义务教育学校建设标准", docNo: "义教〔2019〕8号", date: "2019-03-15", pdf: "g2-1.pdf"},
		{item: "G2.2", school: -1, title: "义马市中小学教职工编制标准实施意见", docNo: "义编〔2019〕3号", date: "2019-04-02", pdf: "g2-2.pdf"},
		{item: "G2.3", school: -1, title: "义务教育学校生均公用经费基准定额的通知", docNo: "义财教〔2020〕6号", date: "2020-02-20", pdf: "g2-3.pdf"},
		{item: "G2.4", school: -1, title: "义务教育学校基本装备配置标准", docNo: "义教装〔2019〕2号", date: "2019-05-10", pdf: "g2-4.pdf"},
		{item: "G8", school: -1, title: "教师与公务员平均工资收入对比测算表", date: "2021-01-15", entry: "教师与公务员平均工资收入对比测算表", pdf: "g8-pay.pdf"},
		{item: "G9", school: -1, title: "教师5年360学时培训完成情况统计表", date: "2021-03-01", entry: "教师培训学时统计表", pdf: "g9-training.pdf"},
		{item: "G11", school: -1, title: "义马市义务教育教师交流轮岗实施办法", docNo: "义教人〔2020〕11号", date: "2020-08-18", entry: "教师交流轮岗文件", pdf: "g11-rotation.pdf"},
		{item: "G13", school: -1, title: "2020年义务教育招生入学工作方案", docNo: "义教基〔2020〕15号", date: "2020-06-05", entry: "招生入学划片文件", pdf: "g13-enrol.pdf"},
		{item: "G14", school: -1, title: "优质普通高中招生名额分配办法", docNo: "义教〔2020〕19号", date: "2020-05-22", entry: "优质高中招生名额分配文件", pdf: "g14-quota.pdf"},
		{item: "Q1", school: -1, title: "2018级初中三年巩固率统计表", date: "2021-06-30", pdf: "q1-retention.pdf"},
		{item: "Q2", school: -1, title: "残疾儿童少年入学情况统计表", date: "2020-09-30", pdf: "q2-disabled.pdf"},
		{item: "Q9", school: -1, title: "国家义务教育质量监测义马市结果报告", date: "2020-12-10", pdf: "q9-monitoring.pdf"},
		{item: "S1", school: -1, title: "义马市义务教育社会认可度调查报告", date: "2021-04-20", entry: "社会认可度调查报告", pdf: "s1-survey.pdf"},
		{item: "V7", school: -1, title: "督导评估材料真实性承诺书", date: "2021-05-06", pdf: "v7-pledge.pdf"},
		{item: "F4", school: -1, title: "2018—2020年一般公共预算教育支出决算表", date: "2021-02-26", pdf: "f4-budget.pdf"},
		{item: "F6", school: -1, title: "教育费附加征收和拨付情况说明", date: "2021-02-26", pdf: "f6-surcharge.pdf"},
		{item: "G12", school: -1, title: "专任教师持有教师资格证情况统计表", date: "2020-12-31", pdf: "g12-certificates.pdf"},
		{item: "G15", school: -1, title: "留守儿童关爱保护工作实施方案", docNo: "义教〔2019〕30号", date: "2019-10-11", entry: "留守儿童关爱工作文件", pdf: "g15-care.pdf"},
	}
	photos := []struct{ item, entry, what string }{
		{"G3", "音乐专用教室照片", "音乐专用教室"},
		{"G3", "美术专用教室照片", "美术专用教室"},
		{"R5", "运动场馆照片", "运动场"},
		{"R7", "网络多媒体教室照片", "网络多媒体教室"},
	}
	for s := 0; s < 5; s++ {
		for _, p := range photos {
			fs = append(fs, demoFile{item: p.item, school: s, title: p.what, entry: p.entry, date: "2021-04-1" + fmt.Sprint(s),
				caption: fmt.Sprintf("2021年4月1%d日，%%s%s，学生上课情况", s, p.what)})
		}
	}
	return fs
}()

//go:embed evidence/*.pdf
var evidencePDFs embed.FS

// Evidence is the demo county's 佐证材料, ready for Store.SaveEvidence:
// documents embedded as PDFs, photos drawn (1280×960, each school and
// room its own colours). f is the demo county (File()).
func Evidence(f *county.File) ([]evidence.Add, error) {
	var out []evidence.Add
	for i, d := range demoFiles {
		var (
			name string
			raw  []byte
			err  error
		)
		school := ""
		caption := d.caption
		if d.school >= 0 {
			sc := f.Schools[d.school]
			school = sc.ID
			caption = fmt.Sprintf(d.caption, sc.Name)
		}
		if d.pdf != "" {
			name = d.title + ".pdf"
			if raw, err = evidencePDFs.ReadFile("evidence/" + d.pdf); err != nil {
				return nil, err
			}
		} else {
			name = fmt.Sprintf("IMG_2021041%d_%02d.jpg", d.school, i)
			if raw, err = photo(i); err != nil {
				return nil, err
			}
		}
		p, err := evidence.Prepare(name, raw)
		if err != nil {
			return nil, err
		}
		out = append(out, evidence.Add{Item: d.item, School: school, File: p,
			Meta: evidence.Meta{Title: d.title, DocNo: d.docNo, Date: d.date, Caption: caption, Entry: d.entry}})
	}
	return out, nil
}

// photo draws a room: a wall, a floor, windows and a blackboard, the
// colours chosen by n so that no two photos are the same bytes.
func photo(n int) ([]byte, error) {
	const w, h = 1280, 960
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	wall := color.RGBA{uint8(200 + n*7%50), uint8(190 + n*13%60), uint8(170 + n*5%80), 255}
	floor := color.RGBA{uint8(120 + n*11%80), uint8(90 + n*3%60), uint8(60 + n*17%50), 255}
	set := func(x, y int, c color.RGBA) { // Pix directly: SetRGBA per pixel costs seconds for 20 photos
		i := img.PixOffset(x, y)
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, 255
	}
	for y := 0; y < h; y++ {
		c := wall
		if y > h*2/3 {
			c = floor
		}
		for x := 0; x < w; x++ {
			shade := uint8((x + y) % 16) // a little texture, as a camera gives
			set(x, y, color.RGBA{c.R - shade, c.G - shade, c.B - shade, 255})
		}
	}
	rect := func(x0, y0, x1, y1 int, c color.RGBA) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				set(x, y, c)
			}
		}
	}
	rect(400, 200, 880, 440, color.RGBA{40, 70, 50, 255}) // blackboard
	for i := 0; i < 3; i++ {
		x := 60 + i*110 + n%5*8
		rect(x, 160, x+90, 420, color.RGBA{170, 210, 240, 255}) // windows
	}
	for i := 0; i < 6; i++ { // desks
		x := 150 + i*170
		rect(x, 720+n%3*10, x+120, 770+n%3*10, color.RGBA{150, 100, 60, 255})
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 88}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
