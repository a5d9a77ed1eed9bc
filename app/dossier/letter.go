package dossier

import (
	"fmt"
	"strings"

	"junheng/app/county"
	"junheng/app/format"
	"junheng/app/standard"
	"junheng/app/wording"
)

// request prints 申请报告: the county government's letter (请示) asking for
// the evaluation. Its text is narrative.request; absent, it is worded from
// the file and the evaluation, so every number in it is the program's.
func (c *ctx) request() {
	d := c.d
	d.newPage(false, true)
	d.heading(c.chapterTitle(Request), 0, 60)
	d.cont = "" // a letter's pages carry no running title
	c.docNoLine()
	d.font(true, 16)
	for _, l := range phraseLines(requestTitle(c.fa.Applicant), d.width(), d.measure) {
		d.pdf.SetX(d.left())
		d.cellf(d.width(), lineH(16), l, "", 1, "CM", false, 0)
	}
	d.setY(d.y() + 6)
	text := strings.TrimSpace(c.f.County.Narrative.Request)
	if text == "" {
		text = c.defaultRequest()
	}
	addressee := "省人民政府教育督导委员会办公室："
	if p := strings.TrimSpace(c.f.County.Province); p != "" {
		addressee = p + "人民政府教育督导委员会办公室："
	}
	d.paragraph(addressee, textSize+1.5, false)
	d.paragraph(text, textSize+1.5, true)
	d.keep = sealH
	d.paragraph("特此请示。", textSize+1.5, true)
	c.attachmentList()
	c.seal(c.fa.Applicant)
	c.contactNote()
}

// we is how the county calls itself: 我市, 我县, 我区, 我旗.
func (c *ctx) we() string {
	rs := []rune(strings.TrimSpace(c.f.County.Name))
	if len(rs) > 0 && strings.ContainsRune("市县区旗", rs[len(rs)-1]) {
		return "我" + string(rs[len(rs)-1])
	}
	return "我县"
}

// defaultRequest words the letter from the data.
func (c *ctx) defaultRequest() string {
	sc := countSchools(c.f)
	name := clean(c.f.County.Name, false)
	var b strings.Builder
	fmt.Fprintf(&b, "%s现有义务教育中小学校 %d 所", name, sc.schools)
	if parts := sc.typeList(); parts != "" {
		fmt.Fprintf(&b, "（%s）", parts)
	}
	if sc.points > 0 {
		fmt.Fprintf(&b, "，教学点 %d 个", sc.points)
	} else {
		b.WriteString("，无教学点")
	}
	fmt.Fprintf(&b, "；义务教育阶段在校生 %s 人，专任教师 %s 人。", sc.students.String(), sc.teachers.String())

	fmt.Fprintf(&b, "\n按照《县域义务教育优质均衡发展督导评估办法》，%s对照评估内容及标准开展了自查自评：", c.we())
	t := wording.Count(c.f, c.r)
	var facts []string
	for _, key := range stageKeys {
		st := c.r.Stages.Get(key)
		if st == nil {
			continue
		}
		allCV := true
		for _, code := range standard.ResourceCodes {
			allCV = allCV && st.CVPass[code]
		}
		word := "均达到要求"
		if !allCV {
			word = "未全部达到要求"
		}
		facts = append(facts, fmt.Sprintf("%s 7 项资源配置指标校际差异系数%s，%s", stageName(key), word, wording.StageSchools(st)))
	}
	facts = append(facts, t.Part(standard.PartGov).Short(), t.Part(standard.PartQuality).Short())
	if s1 := c.r.Items["S1"]; s1 != nil && s1.Value != nil {
		facts = append(facts, "社会认可度为 "+format.Percent(*s1.Value))
	}
	if t.Part(standard.PartVeto).Fail > 0 {
		facts = append(facts, "存在一票否决情形")
	} else {
		facts = append(facts, "未发现一票否决情形")
	}
	b.WriteString(strings.Join(facts, "；") + "。")

	if c.r.Verdict.Pass {
		fmt.Fprintf(&b, "\n经自评，%s已达到县域义务教育优质均衡发展督导评估标准。现申请对%s县域义务教育优质均衡发展进行督导评估认定，请予审核。", name, c.we())
	} else {
		gaps := strings.Join(nonEmpty(t.Shortfall(), t.SchoolProblems()), "；")
		fmt.Fprintf(&b, "\n经自评，%s尚有差距：%s。上述问题%s，将抓紧整改。整改完成后，申请对%s县域义务教育优质均衡发展进行督导评估认定，请予审核。",
			c.we(), gaps, wording.CountLedger(c.f, c.r).Sentence(), c.we())
	}
	return b.String()
}

func stageName(key string) string {
	if key == "junior" {
		return "初中"
	}
	return "小学"
}

// report prints 自评报告 with the official section titles.
func (c *ctx) report() {
	d := c.d
	d.newPage(false, true)
	d.heading(c.chapterTitle(Report), 0, 60)
	d.cont = "" // nor does the report's
	d.font(true, 16)
	for _, l := range Wrap(clean(c.f.County.Name, false)+"县域义务教育优质均衡发展自评报告", d.width(), d.measure) {
		d.pdf.SetX(d.left())
		d.cellf(d.width(), lineH(16), l, "", 1, "CM", false, 0)
	}
	d.setY(d.y() + 4)
	n := c.f.County.Narrative
	for i, s := range []struct{ title, text string }{
		{"县域义务教育基本情况", n.Basic},
		{"推进县域义务教育优质均衡发展工作基础", n.Foundation},
		{"目前县域义务教育优质均衡发展存在的问题和原因分析", n.Problems},
		{"推进县域义务教育优质均衡发展的保障措施", n.Measures},
	} {
		d.heading(chineseNumerals[i]+"、"+s.title, 1, 3*lineH(textSize))
		if i == 3 {
			d.keep = sealH // the seal signs the report's last lines
		}
		d.paragraph(textOr(s.text), textSize, true)
	}
	c.seal(c.fa.Applicant) // the applicant signs its report, as it signs the 请示
}

// seal prints the signing unit and the date at the right, with room above
// for the seal (公章 overlaps the unit and the date).
// sealH is the height seal needs.
const sealH = sealRoom + 2*(textSize+1.5)*ptToMM*1.55 + 6

const sealRoom = 22.0

func (c *ctx) seal(unit string) {
	d := c.d
	const room = sealRoom
	size := textSize + 1.5
	d.ensure(sealH)
	d.setY(d.y() + room)
	d.font(false, size)
	if strings.TrimSpace(unit) == "" {
		unit = "＿＿＿＿＿＿＿＿＿＿"
	}
	w := 90.0
	for _, line := range append(Wrap(unit+"（盖章）", w, d.measure), chineseDate(c.fa.Date)) {
		d.pdf.SetX(d.right() - w)
		d.cellf(w, lineH(size), line, "", 1, "CM", false, 0)
	}
	d.font(false, textSize)
}

// countSchools counts what 表Ⅰ and the letter say: 中小学校 apart from
// 教学点, by type, with their students and teachers.
type schoolCounts struct {
	byType             map[string]int
	schools, points    int
	pointsOver50       int
	students, teachers sum
}

func countSchools(f *county.File) schoolCounts {
	sc := schoolCounts{byType: map[string]int{}}
	for i := range f.Schools {
		s := &f.Schools[i]
		sc.byType[s.Type]++
		if s.Type == county.TypePoint {
			sc.points++
			if county.Val(s.Students.Primary)+county.Val(s.Students.Junior) >= 50 {
				sc.pointsOver50++
			}
		} else {
			sc.schools++
		}
		sc.students.add(addInts(s.Students.Primary, s.Students.Junior))
		sc.teachers.add(addInts(fullTime(s.Teachers.Primary), fullTime(s.Teachers.Junior)))
	}
	return sc
}

// typeList words the schools by type: "小学 10 所、初中 4 所、九年一贯制学校 1 所".
func (sc schoolCounts) typeList() string {
	var parts []string
	for _, typ := range county.SchoolTypes {
		if typ == county.TypePoint || sc.byType[typ] == 0 {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %d 所", typeWord(typ), sc.byType[typ]))
	}
	return strings.Join(parts, "、")
}

// typeWord names a type as a noun: 九年一贯制 → 九年一贯制学校.
func typeWord(typ string) string {
	if strings.HasSuffix(typ, "一贯制") {
		return typ + "学校"
	}
	return typ
}

// addInts adds two optional counts; nil when both are nil.
func addInts(a, b *int) *int {
	if a == nil && b == nil {
		return nil
	}
	n := county.Val(a) + county.Val(b)
	return &n
}

// dualSealH is the height dualSeal needs.
const dualSealH = 6 + 24.0 + 4*(textSize+1.5)*ptToMM*1.55 + 2

// dualSeal closes the application form: the county government and the
// education bureau sign and seal it side by side.
func (c *ctx) dualSeal() {
	d := c.d
	const room = 24.0
	size := textSize + 1.5
	d.ensure(dualSealH)
	d.setY(d.y() + 6)
	y := d.y() + room
	w := d.width() / 2
	d.font(false, size)
	for i, unit := range []string{c.fa.Applicant, c.fa.Office} {
		if strings.TrimSpace(unit) == "" {
			unit = "＿＿＿＿＿＿＿＿＿＿"
		}
		label := []string{"县级人民政府（盖章）", "教育行政部门（盖章）"}[i]
		yy := y
		for _, line := range append(append([]string{label}, Wrap(unit, w-6, d.measure)...), chineseDate(c.fa.Date)) {
			d.pdf.SetXY(d.left()+float64(i)*w, yy)
			d.cellf(w, lineH(size), line, "", 0, "CM", false, 0)
			yy += lineH(size)
		}
		d.setY(max(d.y(), yy))
	}
	d.font(false, textSize)
}
