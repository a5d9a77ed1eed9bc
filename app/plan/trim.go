package plan

import "sort"

// feasible tells whether the model meets everything a plan must: the
// given parts pass, and every coefficient of both stages is within its
// limit.
func (m *model) feasible(parts ...*part) bool {
	for _, p := range parts {
		if p != nil && !p.sch.fixed && !m.passes(p) {
			return false
		}
	}
	for si := 0; si < 2; si++ {
		for k := 0; k < nInd; k++ {
			if m.st[si].excess(k, m.tighten) > 0 {
				return false
			}
		}
	}
	return true
}

// valid tells whether a school's teacher counts are possible: no more
// upgrades than teachers without the degree, no more recognitions than
// teachers, no kind sent that it does not hold.
func (m *model) valid(c *sch, si int) bool {
	if m.upgradeRoom(c, si) < 0 || m.recogRoom(c, si) < 0 {
		return false
	}
	for kd := kPE; kd <= kArt; kd++ {
		if c.subj[si][kd]+c.tin[si][kd]-c.tout[si][kd] < 0 {
			return false
		}
	}
	if c.bb[si]+c.recog[si]+c.tin[si][kBackbone]-c.tout[si][kBackbone] < 0 {
		return false
	}
	return c.ad[si]+c.upgrade[si]+c.inTrans[si]-c.outTrans[si] >= 0
}

// trim takes back, the dearest first, every unit the plan can do without:
// whole facility quanta by bisection per school, then single teachers.
// What the floors and the coefficient steps bought in sequence can
// overlap (a room bought for the floor also lifts the coefficient), so
// this is where the plan becomes minimal.
func (m *model) trim() {
	for pass := 0; pass < 3; pass++ {
		changed := m.trimFacilities()
		if m.trimTeachers() {
			changed = true
		}
		if !changed {
			return
		}
	}
}

func (m *model) trimFacilities() bool {
	type item struct {
		c    *sch
		k    int
		cost float64
	}
	var items []item
	for _, c := range m.schools {
		for k := iR4; k <= iR7; k++ {
			if c.fac[k] > 0 {
				items = append(items, item{c, k, c.fac[k] * m.costs[facilityLever[k]]})
			}
		}
	}
	sort.SliceStable(items, func(a, b int) bool { return items[a].cost > items[b].cost })
	changed := false
	for _, it := range items {
		c, k, q := it.c, it.k, facilityQuantum[it.k]
		before := c.fac[k]
		hi := before / q // feasible
		m.setFacility(c, k, 0)
		if m.feasible(c.parts[0], c.parts[1]) {
			changed = true
			continue
		}
		lo := 0.0 // infeasible
		for hi-lo > 1 {
			mid := lo + float64(int64((hi-lo)/2))
			m.setFacility(c, k, mid*q)
			if m.feasible(c.parts[0], c.parts[1]) {
				hi = mid
			} else {
				lo = mid
			}
		}
		m.setFacility(c, k, hi*q)
		if c.fac[k] < before {
			changed = true
		}
	}
	return changed
}

// trimTeachers tries to take back one hire, upgrade, recognition or
// transfer at a time, dearest first, while the plan stays feasible.
func (m *model) trimTeachers() bool {
	type undo struct {
		cost  float64
		try   func() bool // takes one back; false when there is none
		redo  func()
		parts []*part
		schs  []*sch
		si    int
	}
	var list []undo
	for _, c := range m.schools {
		for si := 0; si < 2; si++ {
			c, si := c, si
			p := c.parts[si]
			if p == nil {
				continue
			}
			for subj := 0; subj < 4; subj++ {
				subj := subj
				list = append(list, undo{m.costs[KeyHire], func() bool {
					if c.hire[si][subj] == 0 {
						return false
					}
					m.doHire(c, si, subj, -1)
					return true
				}, func() { m.doHire(c, si, subj, 1) }, []*part{p}, []*sch{c}, si})
			}
			list = append(list, undo{m.costs[KeyUpgrade], func() bool {
				if c.upgrade[si] == 0 {
					return false
				}
				m.doUpgrade(c, si, -1)
				return true
			}, func() { m.doUpgrade(c, si, 1) }, []*part{p}, []*sch{c}, si})
			list = append(list, undo{m.costs[KeyBackbone], func() bool {
				if c.recog[si] == 0 {
					return false
				}
				m.doRecog(c, si, -1)
				return true
			}, func() { m.doRecog(c, si, 1) }, []*part{p}, []*sch{c}, si})
		}
	}
	for _, t := range m.trans {
		t := t
		kd := kindIndex(t.kind)
		list = append(list, undo{m.costs[KeyTransfer], func() bool {
			if t.n == 0 {
				return false
			}
			m.doTransfer(t.from, t.to, t.stage, kd, -1)
			return true
		}, func() { m.doTransfer(t.from, t.to, t.stage, kd, 1) }, []*part{t.from.parts[t.stage], t.to.parts[t.stage]}, []*sch{t.from, t.to}, t.stage})
	}
	sort.SliceStable(list, func(a, b int) bool { return list[a].cost > list[b].cost })
	changed := false
	for _, u := range list {
		for u.try() {
			ok := m.feasible(u.parts...)
			for _, c := range u.schs {
				ok = ok && m.valid(c, u.si)
			}
			if !ok {
				u.redo()
				break
			}
			changed = true
		}
	}
	return changed
}
