package plan

import (
	"fmt"

	"junheng/app/county"

	"junheng/app/eval"
	"junheng/app/format"
)

// LeverNames are the Chinese names of the levers (the county catalogue's)
// and of the G3 room actions.
var LeverNames = func() map[string]string {
	m := map[string]string{KindBuildMusic: "新建音乐专用教室", KindBuildArt: "新建美术专用教室",
		KindEnlargeMusic: "改扩建音乐专用教室", KindEnlargeArt: "改扩建美术专用教室"}
	for k, v := range county.PlanningLeverLabels {
		m[k] = v
	}
	return m
}()

// LeverUnits are the units the levers' unit costs are counted per.
var LeverUnits = county.PlanningLeverUnits

// SubjectNames name hire subjects and transferred teachers' kinds.
var SubjectNames = map[string]string{
	SubjectPE: "体育", SubjectMusic: "音乐", SubjectArt: "美术", SubjectOther: "其他学科", TeacherBackbone: "骨干",
}

// Describe words an action for a clerk, naming schools through names
// (id → name; an unknown id is printed as it is): 「新增小学体育教师 2 人」,
// 「从城关一小交流初中骨干教师 1 人到西村中学」, 「新建室外运动场地 1,188 ㎡」.
func (a Action) Describe(names map[string]string) string {
	stage := eval.StageNames[a.Stage]
	name := func(id string) string {
		if n, ok := names[id]; ok && n != "" {
			return format.Safe(n)
		}
		return format.Safe(id)
	}
	switch a.Kind {
	case KeyHire:
		return fmt.Sprintf("新增%s%s专任教师 %d 人", stage, SubjectNames[a.Subject], a.Count)
	case KeyUpgrade:
		return fmt.Sprintf("%s教师学历提升 %d 人（达到规定学历）", stage, a.Count)
	case KeyBackbone:
		return fmt.Sprintf("培养认定%s县级骨干教师 %d 人", stage, a.Count)
	case KeyTransfer:
		kind := SubjectNames[a.Teacher]
		if a.Teacher == SubjectPE || a.Teacher == SubjectMusic || a.Teacher == SubjectArt {
			kind = "体艺（" + kind + "）"
		}
		return fmt.Sprintf("从%s交流%s%s教师 %d 人到%s", name(a.From), stage, kind, a.Count, name(a.To))
	case KeyRooms:
		return fmt.Sprintf("新建教学及辅助用房 %s ㎡", format.Number(float64(a.Area), 0))
	case KeyGround:
		return fmt.Sprintf("新建室外运动场地 %s ㎡", format.Number(float64(a.Area), 0))
	case KeyEquipment:
		return fmt.Sprintf("购置教学仪器设备 %s 元", format.Number(float64(a.Value), 0))
	case KeyMultimedia:
		return fmt.Sprintf("配备网络多媒体教室 %d 间", a.Count)
	case KindBuildMusic:
		return fmt.Sprintf("新建音乐专用教室 1 间（%s ㎡）", format.Number(float64(a.Area), 0))
	case KindBuildArt:
		return fmt.Sprintf("新建美术专用教室 1 间（%s ㎡）", format.Number(float64(a.Area), 0))
	case KindEnlargeMusic, KindEnlargeArt:
		room := 0
		if a.Room != nil {
			room = *a.Room + 1
		}
		kind := "音乐"
		if a.Kind == KindEnlargeArt {
			kind = "美术"
		}
		return fmt.Sprintf("改扩建第 %d 间%s专用教室，增加 %s ㎡", room, kind, format.Number(float64(a.Area), 0))
	}
	return a.Kind
}

// Responsible is who carries an action out (整改台账 责任单位): the school,
// or 县教体局 for a transfer between schools.
func (a Action) Responsible(names map[string]string) string {
	if a.Kind == KeyTransfer {
		return "县教体局"
	}
	if n, ok := names[a.School]; ok && n != "" {
		return n
	}
	return a.School
}

// Item is the indicator an action serves, the code its 整改台账 row is
// filed under: a 体艺 teacher R3, a backbone R2, any other teacher or an
// upgrade R1, rooms R4, ground R5, equipment R6, multimedia R7, the music
// and art rooms G3.
func (a Action) Item() string {
	subject := a.Subject
	if a.Kind == KeyTransfer {
		subject = a.Teacher
	}
	switch a.Kind {
	case KeyHire, KeyTransfer:
		switch subject {
		case SubjectPE, SubjectMusic, SubjectArt:
			return "R3"
		case TeacherBackbone:
			return "R2"
		}
		return "R1"
	case KeyUpgrade:
		return "R1"
	case KeyBackbone:
		return "R2"
	case KeyRooms:
		return "R4"
	case KeyGround:
		return "R5"
	case KeyEquipment:
		return "R6"
	case KeyMultimedia:
		return "R7"
	}
	return "G3"
}
