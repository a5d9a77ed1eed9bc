package dossier

import (
	"fmt"
	"sort"
	"strings"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/standard"
)

// schoolsInContents: above this many schools the contents lists only the
// chapter (the PDF outline still lists every school).
const schoolsInContents = 40

// schools prints 一校一表: one sheet per school with its profile and its
// values against the standards.
func (c *ctx) schools() {
	d := c.d
	for i := range c.f.Schools {
		s := &c.f.Schools[i]
		d.newPage(false, true)
		if i == 0 {
			d.heading(c.chapterTitle(SchoolSet), 0, 60)
		}
		title := fmt.Sprintf("%d. %s", i+1, shortName(s.Name))
		if len(c.f.Schools) <= schoolsInContents {
			d.heading(title, 1, 40)
		} else {
			d.pdf.Bookmark(shortTitle(title), 1, d.y())
			d.font(true, 12)
			for _, l := range Wrap(title, d.width(), d.measure) {
				d.pdf.SetX(d.left())
				d.cellf(d.width(), lineH(12), l, "", 1, "LM", false, 0)
			}
			d.setY(d.y() + 2)
		}
		d.cont = title + "（学校标识码：" + clean(s.ID, false) + "）" // a sheet that spills says whose it is
		c.schoolSheet(s)
		d.cont = ""
	}
}

func yesNo(p *bool) string {
	if p == nil {
		return format.Missing
	}
	if *p {
		return "是"
	}
	return "否"
}

func (c *ctx) schoolSheet(s *county.School) {
	d := c.d
	label := func(t string) cell { return cell{Text: t, Shade: true, Bold: true} }
	nature := "公办"
	if s.IsPrivate() {
		nature = "民办"
	}
	parent := ""
	if s.ParentID != nil {
		parent = *s.ParentID
		for _, o := range c.f.Schools {
			if o.ID == *s.ParentID {
				parent = shortName(o.Name)
			}
		}
	}
	kv := &table{cols: []col{{W: 20}, {W: 30}, {W: 20}, {W: 30}}, size: smallSize}
	rows := [][]cell{
		{label("学校标识码"), txt(s.ID), label("学校类型"), txt(s.Type)},
		{label("城乡分类"), txt(textOr(s.Location)), label("办学性质"), txt(nature)},
		{label("是否寄宿制"), txt(yesNo(s.Boarding)), label("所属中心校"), txt(parent)},
	}
	kv.draw(d, rows)
	if s.Type == county.TypeSpecial {
		kv.draw(d, [][]cell{{label("在校生数"), num(format.Int(county.Val(s.Students.Primary) + county.Val(s.Students.Junior))),
			label("核拨公用经费（元）"), num(valText(s.PublicFundsAllocated))}})
		c.schoolItems(s)
		return
	}

	tp, tj := s.Teachers.Primary, s.Teachers.Junior
	tc := func(t *county.TeacherCounts, pick func(*county.TeacherCounts) *int) string {
		if t == nil {
			return "—"
		}
		return intText(pick(t))
	}
	type line struct{ name, p, j string }
	teacher := func(name string, pick func(*county.TeacherCounts) *int) line {
		return line{name, tc(tp, pick), tc(tj, pick)}
	}
	lines := []line{
		{"在校生数", intText(s.Students.Primary), intText(s.Students.Junior)},
		{"班级数", intText(s.Classes.Primary), intText(s.Classes.Junior)},
		{"最大班额", intText(s.LargestClass.Primary), intText(s.LargestClass.Junior)},
		teacher("专任教师数", func(t *county.TeacherCounts) *int { return t.FullTime }),
		teacher("持证专任教师数", func(t *county.TeacherCounts) *int { return t.Certified }),
		teacher("高于规定学历教师数", func(t *county.TeacherCounts) *int { return t.AboveDegree }),
		teacher("县级以上骨干教师数", func(t *county.TeacherCounts) *int { return t.Backbone }),
		teacher("体育专任教师数", func(t *county.TeacherCounts) *int { return t.PE }),
		teacher("音乐专任教师数", func(t *county.TeacherCounts) *int { return t.Music }),
		teacher("美术专任教师数", func(t *county.TeacherCounts) *int { return t.Art }),
		{"新生数", intText(s.Entrants.Primary), intText(s.Entrants.Junior)},
		{"就近划片入学新生数", intText(s.EntrantsNearby.Primary), intText(s.EntrantsNearby.Junior)},
		staffLine(s.Staff),
		{"", "", ""},
	}
	// Two items a row: 项目 小学 初中 | 项目 小学 初中.
	st := &table{size: 8, cols: []col{{W: 24, Align: "L"}, {W: 13, Align: "R"}, {W: 13, Align: "R"}, {W: 24, Align: "L"}, {W: 13, Align: "R"}, {W: 13, Align: "R"}},
		head: [][]cell{headRow("项目", "小学", "初中", "项目", "小学", "初中")}}
	var grid [][]cell
	for i := 0; i < len(lines); i += 2 {
		a, b := lines[i], lines[i+1]
		grid = append(grid, []cell{txt(a.name), num(a.p), num(a.j), txt(b.name), num(b.p), num(b.j)})
	}
	st.draw(d, grid)

	rooms := func(list []float64) string {
		if len(list) == 0 {
			return "0 间"
		}
		var a []string
		for _, x := range list {
			a = append(a, format.Value(x))
		}
		return fmt.Sprintf("%d 间（%s ㎡）", len(list), strings.Join(a, "、"))
	}
	kv = &table{cols: []col{{W: 27}, {W: 23}, {W: 27}, {W: 23}}, size: 8}
	kv.draw(d, [][]cell{
		{label("教学及辅助用房面积（㎡）"), num(valText(s.AreaTeachingAux)), label("室内体育用房面积（㎡）"), num(valText(s.AreaIndoorSports))},
		{label("室外体育运动场地面积（㎡）"), num(valText(s.AreaSportsGround)), label("教学仪器设备值（元）"), num(valText(s.EquipmentValue))},
		{label("网络多媒体教室（间）"), num(intText(s.MultimediaRooms)), label("计算机（台）"), num(intText(s.Computers))},
		{label("图书（册）"), num(intText(s.Books)), label("德育与校园文化评价"), txt(textOr(strPtr(s.MoralRating)))},
		{label("音乐专用教室"), txt(rooms(s.MusicRooms)), label("美术专用教室"), txt(rooms(s.ArtRooms))},
		{label("核拨公用经费（元）"), num(valText(s.PublicFundsAllocated)), label("公用经费预算（元）"), num(valText(s.PublicFundsBudget))},
		{label("教师培训经费（元）"), num(valText(s.TrainingFunds)), label("学校章程 / 信息化"), txt(yesNo(s.Charter) + " / " + yesNo(s.Informatized))},
		{label("高中在校生数（仅用于设施分摊）"), num(intText(s.Students.Senior)), label(""), txt("")},
	})

	c.splitNote(s)
	for _, key := range stageKeys {
		stage := c.r.Stages.Get(key)
		if stage == nil {
			continue
		}
		for _, ex := range stage.Excluded {
			if ex.ID == s.ID {
				d.paragraph(fmt.Sprintf("%s资源配置：未纳入计算（%s）。", eval.StageNames[key], ex.Reason), smallSize, false)
			}
		}
		for i := range stage.Schools {
			if stage.Schools[i].ID == s.ID {
				c.schoolPartTable(key, stage, &stage.Schools[i])
			}
		}
	}
	c.schoolItems(s)
}

// staffLine is the school's 教职工数 per stage (表Ⅰ).
func staffLine(st *county.StageCount) struct{ name, p, j string } {
	if st == nil {
		return struct{ name, p, j string }{"教职工数", format.Missing, format.Missing}
	}
	return struct{ name, p, j string }{"教职工数", intText(st.Primary), intText(st.Junior)}
}

func strPtr(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// splitNote explains how a combined school's facilities are split between
// its parts (standard §2.3): the parts, the weights and the shares, so
// that every R4–R7 value of a part can be derived from the page.
func (c *ctx) splitNote(s *county.School) {
	weights := splitWeights(s.Type)
	if weights == "" {
		return
	}
	var parts []string
	rest := 1.0
	for _, key := range stageKeys {
		st := c.r.Stages.Get(key)
		if st == nil {
			continue
		}
		for i := range st.Schools {
			if sp := &st.Schools[i]; sp.ID == s.ID {
				parts = append(parts, fmt.Sprintf("%s部 %s 人，占 %s", eval.StageNames[key], format.Int(sp.Students), format.Percent(sp.Share)))
				rest -= sp.Share
			}
		}
	}
	if s.Students.Senior != nil && *s.Students.Senior > 0 {
		parts = append(parts, fmt.Sprintf("高中部 %s 人，占 %s", format.Int(*s.Students.Senior), format.Percent(max(rest, 0))))
	}
	if len(parts) == 0 {
		return
	}
	c.d.paragraph(fmt.Sprintf("本校为%s，校舍、场地、设备和多媒体教室按加权在校生分摊到各学段（权重：%s）：%s。"+splitFormula,
		typeWord(s.Type), weights, strings.Join(parts, "；")), smallSize, false)
}

// splitFormula is how a part's R4–R7 follow from its share (standard §2.3).
const splitFormula = "各部：R4 =（教学及辅助用房 − 室内体育用房）× 份额 ÷ 在校生；R5 =（室外运动场地 + 室内体育用房）× 份额 ÷ 在校生；" +
	"R6 = 教学仪器设备值 × 份额 ÷ 在校生；R7 = 100 × 网络多媒体教室 × 份额 ÷ 在校生。"

// splitWeights are the enrolment weights of a combined school's type
// (standard §2.3); "" for a school of one stage.
func splitWeights(typ string) string {
	switch typ {
	case county.TypeNineYear:
		return "小学 1、初中 1.1"
	case county.TypeComplete:
		return "初中 1、高中 1.2"
	case county.TypeTwelveYear:
		return "小学 1、初中 1.1、高中 1.32"
	}
	return ""
}

// needText words a shortfall exactly, in the resource's own unit; for a
// facility of a combined school it is what the whole school must add.
func needText(sf eval.Shortfall, share float64) string {
	it := national.Item(sf.Code)
	s := "差 " + format.Number(sf.NeedAmount, 0) + " " + strings.TrimSpace(it.Resource)
	if share > 0 && share < 1 && (sf.NeedUnit == "㎡" || sf.NeedUnit == "元" || sf.NeedUnit == "间") {
		s += "（全校需增加，本部按 " + format.Percent(share) + " 计入）"
	}
	return s
}

// schoolPartTable prints one stage part's R1–R7 against the standard.
func (c *ctx) schoolPartTable(key string, stage *eval.Stage, sp *eval.SchoolPart) {
	d := c.d
	// The caption stays with its table, which is small enough to be kept
	// whole: make room for both (caption, header, seven rows of up to two lines).
	d.ensure(2*lineH(smallSize) + 8*(2*lineH(8)+2*padY) + 4)
	d.para(fmt.Sprintf("%s资源配置（%s，在校生 %s 人）：%d 项达标，%s", eval.StageNames[key], partName(sp, key), format.Int(sp.Students),
		sp.MetCount, map[bool]string{true: "该校（部）达标。", false: "该校（部）未达标。"}[sp.Pass]), smallSize, false, true)
	need := map[string]string{}
	for _, sf := range sp.Shortfalls {
		need[sf.Code] = needText(sf, sp.Share)
	}
	t := &table{size: 8,
		cols: []col{{W: 6, Align: "C"}, {W: 44, Align: "L"}, {W: 12, Align: "R"}, {W: 11, Align: "R"}, {W: 11, Align: "R"}, {W: 11, Align: "C"}, {W: 29, Align: "L"}},
		head: [][]cell{headRow("代码", "指标", "实际值", "达标值", "85%基本值", "是否达标", "差距")}}
	var rows [][]cell
	for _, code := range standard.ResourceCodes {
		it := national.Item(code)
		v := sp.Values[code]
		limit := stage.Standard[code]
		value := format.Missing
		if v != nil {
			value = valueAgainst(*v, limit, floorOf(limit))
		}
		rows = append(rows, []cell{txt(code), txt(it.Name + "（" + it.Unit + "）"), num(value),
			num(limitText(limit)), num(limitText(floorOf(limit))),
			verdictCell(sp.Met[code], v == nil), txt(need[code])})
	}
	t.draw(d, rows)
}

// schoolItems lists the county items this school fails.
func (c *ctx) schoolItems(s *county.School) {
	lines := schoolItemLines(c.r, s.ID)
	if len(lines) == 0 {
		return
	}
	c.d.para("本校涉及的其他未达标事项：", smallSize, false, true)
	c.d.paragraph(strings.Join(lines, "\n"), smallSize, false)
}

// schoolItemLines lists the failed items that concern the school with this
// id, each with the issues the evaluation attributed to it. An item's
// Schools[i] is the school of Issues[i], so the match is by id: matching
// issue text by school name gave 第一小学 the lines of 第一小学分校.
func schoolItemLines(r *eval.Result, id string) []string {
	var codes []string
	for code, it := range r.Items {
		for _, sid := range it.Schools {
			if sid == id {
				codes = append(codes, code)
				break
			}
		}
	}
	sort.Strings(codes)
	var lines []string
	for _, code := range codes {
		it := r.Items[code]
		line := code + " " + itemName(code)
		if len(it.Schools) == len(it.Issues) {
			for i, sid := range it.Schools {
				if sid == id {
					line += "：" + it.Issues[i]
				}
			}
		}
		lines = append(lines, line)
	}
	return lines
}
