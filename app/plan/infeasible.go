package plan

import (
	"fmt"
	"strings"

	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/standard"
)

// indicatorWords name what an indicator needs, for the sentences that say
// why no plan exists.
var indicatorWords = [nInd]string{
	"高于规定学历的教师", "县级以上骨干教师", "体育、艺术（音乐、美术）专任教师", "教学及辅助用房面积",
	"体育运动场馆面积", "教学仪器设备值", "网络多媒体教室",
}

// leversFor lists the levers that can raise an indicator.
func leversFor(k int) []string {
	switch k {
	case iR1:
		return []string{KeyHire, KeyUpgrade, KeyTransfer}
	case iR2:
		return []string{KeyBackbone, KeyTransfer}
	case iR3:
		return []string{KeyHire, KeyTransfer}
	}
	return []string{facilityLever[k]}
}

// offWords says which levers the options leave unusable: 「不允许新增教师和交流轮岗时」.
func (m *model) offWords(k int) string {
	var off []string
	for _, l := range leversFor(k) {
		if m.o.Off[l] {
			off = append(off, LeverNames[l])
		}
	}
	cap := ""
	if m.o.MaxNewTeachers >= 0 && (k <= iR3) && !m.o.Off[KeyHire] {
		cap = fmt.Sprintf("新增教师不超过 %d 人", m.o.MaxNewTeachers)
	}
	switch {
	case len(off) > 0 && cap != "":
		return "不允许" + strings.Join(off, "和") + "且" + cap + "时，"
	case len(off) > 0:
		return "不允许" + strings.Join(off, "和") + "时，"
	case cap != "":
		return cap + "时，"
	}
	return "在现有条件下，"
}

func (m *model) cannotRaise(p *part, k int) *Infeasible {
	name := format.Safe(p.sch.name)
	return &Infeasible{Sentence: fmt.Sprintf("%s%s%s%s无法达到标准（%s ≥ %s），请放开相应措施或调整规划设置。",
		m.offWords(k), name, eval.StageNames[stageKeys[p.stage]], indicatorWords[k],
		m.std.Item(standard.ResourceCodes[k]).Name, format.Number(p.lim[k]*m.floorFrac(p, k), 2)),
		school: p.sch.id, stage: p.stage, ind: k}
}

func (m *model) cannotLower(si, k int) *Infeasible {
	code := standard.ResourceCodes[k]
	return &Infeasible{ind: -1, Sentence: fmt.Sprintf("%s%s%s（%s）的差异系数无法降到 %s 以下，请放开相应措施或调整规划设置。",
		m.offWords(k), eval.StageNames[stageKeys[si]], m.std.Item(code).Name, code, format.Number(m.st[si].limit, 3))}
}
