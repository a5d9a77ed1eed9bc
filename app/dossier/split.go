package dossier

import (
	"strings"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
)

// stageSplitNote follows 表Ⅱ of a stage with combined schools: the
// weights and the formula, then each combined school's pupils, share and
// whole-school facilities, so that its row can be followed in the default
// dossier (not only in 一校一表).
func (c *ctx) stageSplitNote(st *eval.Stage, stage string) string {
	var lines []string
	types := map[string]bool{}
	for i := range st.Schools {
		sp := &st.Schools[i]
		s := c.school(sp.ID)
		if sp.Share <= 0 || sp.Share >= 1 || s == nil || splitWeights(s.Type) == "" {
			continue
		}
		types[s.Type] = true
		pupils := "小学 " + intText(s.Students.Primary) + " 人、初中 " + intText(s.Students.Junior) + " 人"
		if county.Val(s.Students.Senior) > 0 {
			pupils += "、高中 " + intText(s.Students.Senior) + " 人"
		}
		lines = append(lines, shortName(sp.Name)+"（"+typeWord(s.Type)+"，"+pupils+"）："+eval.StageNames[stage]+"部份额 "+format.Percent(sp.Share)+
			"；全校教学及辅助用房 "+factText(s.AreaTeachingAux)+" ㎡，室内体育用房 "+factText(s.AreaIndoorSports)+
			" ㎡，室外运动场地 "+factText(s.AreaSportsGround)+" ㎡，教学仪器设备值 "+factText(s.EquipmentValue)+
			" 元，网络多媒体教室 "+intText(s.MultimediaRooms)+" 间。")
	}
	if len(lines) == 0 {
		return ""
	}
	var weights []string
	for _, typ := range county.SchoolTypes {
		if types[typ] {
			weights = append(weights, typeWord(typ)+" "+splitWeights(typ))
		}
	}
	return "合设学校的校舍、场地、设备和多媒体教室按加权在校生分摊到各学段，份额 ＝ 本学段加权在校生 ÷ 全校加权在校生（权重：" +
		strings.Join(weights, "；") + "）。" + splitFormula + "\n" + strings.Join(lines, "\n")
}

// school is the county file's school of an id, nil if none.
func (c *ctx) school(id string) *county.School {
	for i := range c.f.Schools {
		if c.f.Schools[i].ID == id {
			return &c.f.Schools[i]
		}
	}
	return nil
}
