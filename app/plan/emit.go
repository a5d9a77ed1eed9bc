package plan

import "math"

// actions turns the model's decisions into the plan's actions, each with
// its cost: quantity × unit cost.
func (m *model) actions() []Action {
	var out []Action
	c := m.costs
	for _, s := range m.schools {
		for si, stage := range stageKeys {
			for subj, n := range s.hire[si] {
				if n > 0 {
					out = append(out, Action{Kind: KeyHire, School: s.id, Stage: stage, Subject: kindKeys[subjKind(subj)], Count: n, Cost: money(float64(n) * c[KeyHire])})
				}
			}
			if n := s.upgrade[si]; n > 0 {
				out = append(out, Action{Kind: KeyUpgrade, School: s.id, Stage: stage, Count: n, Cost: money(float64(n) * c[KeyUpgrade])})
			}
			if n := s.recog[si]; n > 0 {
				out = append(out, Action{Kind: KeyBackbone, School: s.id, Stage: stage, Count: n, Cost: money(float64(n) * c[KeyBackbone])})
			}
		}
		if a := wholeUp(s.fac[iR4]); a > 0 {
			out = append(out, Action{Kind: KeyRooms, School: s.id, Area: int(a), Cost: money(a * c[KeyRooms])})
		}
		if a := wholeUp(s.fac[iR5]); a > 0 {
			out = append(out, Action{Kind: KeyGround, School: s.id, Area: int(a), Cost: money(a * c[KeyGround])})
		}
		if v := wholeUp(s.fac[iR6]); v > 0 {
			out = append(out, Action{Kind: KeyEquipment, School: s.id, Value: int(v), Cost: money(v * c[KeyEquipment])})
		}
		if n := wholeUp(s.fac[iR7]); n > 0 {
			out = append(out, Action{Kind: KeyMultimedia, School: s.id, Count: int(n), Cost: money(n * c[KeyMultimedia])})
		}
	}
	for _, t := range m.trans {
		if t.n > 0 {
			out = append(out, Action{Kind: KeyTransfer, From: t.from.id, To: t.to.id, Stage: stageKeys[t.stage], Teacher: t.kind, Count: t.n, Cost: money(float64(t.n) * c[KeyTransfer])})
		}
	}
	return out
}

func subjKind(subj int) int {
	if subj == 3 {
		return kOther
	}
	return subj
}

// cost is the total of the model's decisions.
func (m *model) cost() float64 {
	t := 0.0
	for _, a := range m.actions() {
		t += a.Cost
	}
	return math.Round(t*100) / 100
}
