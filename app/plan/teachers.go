package plan

import (
	"math"
	"sort"
)

// Teacher kinds moved by a transfer, by index: the three 体艺 subjects,
// backbone and any other teacher with the required degree.
const (
	kPE = iota
	kMusic
	kArt
	kBackbone
	kOther
)

var kindKeys = [5]string{SubjectPE, SubjectMusic, SubjectArt, TeacherBackbone, SubjectOther}

// hireOK tells whether one more teacher may be hired.
func (m *model) hireOK() bool {
	return !m.o.Off[KeyHire] && (m.o.MaxNewTeachers < 0 || m.hires < m.o.MaxNewTeachers)
}

func (m *model) transferOK() bool { return !m.o.Off[KeyTransfer] }

// moved counts the teachers of a kind moved into and out of a school's
// stage.
func (m *model) moved(c *sch, si, kind int) (in, out int) {
	return c.tin[si][kind], c.tout[si][kind]
}

func kindIndex(k string) int {
	for i, s := range kindKeys {
		if s == k {
			return i
		}
	}
	return -1
}

// hired counts the teachers the plan hires for a school's stage.
func (c *sch) hired(si int) int { return c.hire[si][0] + c.hire[si][1] + c.hire[si][2] + c.hire[si][3] }

// upgradeRoom: how many more teachers could be brought to the degree.
func (m *model) upgradeRoom(c *sch, si int) int {
	return c.ft[si] - c.ad[si] - c.upgrade[si]
}

// recogRoom: how many more teachers could be recognised as backbone:
// full-time after hires and moves, less backbone after moves and
// recognitions.
func (m *model) recogRoom(c *sch, si int) int {
	return c.ft[si] + c.hired(si) + c.inTrans[si] - c.outTrans[si] - (c.bb[si] + m.netBB(c, si) + c.recog[si])
}

func (m *model) netBB(c *sch, si int) int {
	in, out := m.moved(c, si, kBackbone)
	return in - out
}

// holds tells whether a school's stage still has a teacher of the kind to
// send (as recorded, with what moved in and out; new hires stay).
func (m *model) holds(c *sch, si, kind int) bool {
	switch kind {
	case kBackbone:
		return c.bb[si]+c.recog[si]+m.netBB(c, si) > 0
	case kOther:
		return c.ad[si]+c.upgrade[si]+c.inTrans[si]-c.outTrans[si] > 0
	}
	in, out := m.moved(c, si, kind)
	return c.subj[si][kind]+in-out > 0
}

// effects lists the indicators a teacher of a kind counts for.
func kindEffects(kind int) []int {
	switch kind {
	case kBackbone:
		return []int{iR1, iR2}
	case kOther:
		return []int{iR1}
	}
	return []int{iR1, iR3}
}

func (m *model) applyTeacher(p *part, kind int, d float64) {
	st := m.st[p.stage]
	for _, k := range kindEffects(kind) {
		st.move(p, k, d)
	}
}

// doHire hires one teacher of a subject (0–2 体艺, 3 other).
func (m *model) doHire(c *sch, si, subj int, d int) {
	c.hire[si][subj] += d
	m.hires += d
	kind := kOther
	if subj < 3 {
		kind = subj
	}
	m.applyTeacher(c.parts[si], kind, float64(d))
}

func (m *model) doUpgrade(c *sch, si, d int) {
	c.upgrade[si] += d
	m.st[si].move(c.parts[si], iR1, float64(d))
}

func (m *model) doRecog(c *sch, si, d int) {
	c.recog[si] += d
	m.st[si].move(c.parts[si], iR2, float64(d))
}

// doTransfer moves d teachers of a kind (negative d undoes).
func (m *model) doTransfer(from, to *sch, si, kind, d int) {
	key := transferKey{from, to, si, kind}
	t := m.transByKey[key]
	if t == nil {
		if m.transByKey == nil {
			m.transByKey = map[transferKey]*transfer{}
		}
		t = &transfer{from: from, to: to, stage: si, kind: kindKeys[kind]}
		m.trans = append(m.trans, t)
		m.transByKey[key] = t
	}
	t.n += d
	from.outTrans[si] += d
	to.inTrans[si] += d
	from.tout[si][kind] += d
	to.tin[si][kind] += d
	m.applyTeacher(from.parts[si], kind, -float64(d))
	m.applyTeacher(to.parts[si], kind, float64(d))
}

// canGive tells whether a part can send one teacher of a kind and still
// meet its floors (and so pass): every indicator the teacher counts for
// stays at or above what the part's exemption asks.
func (m *model) canGive(p *part, kind int) bool {
	if p == nil || p.sch.fixed || !m.holds(p.sch, p.stage, kind) {
		return false
	}
	for _, k := range kindEffects(kind) {
		if m.steps(p, k, m.floorFrac(p, k), p.res[k]-1, 1) > 0 {
			return false
		}
	}
	if m.recogRoom(p.sch, p.stage) < 1 && kind != kBackbone {
		return false // the teacher leaving would leave a recognition without a teacher
	}
	return true
}

// sourcesFor lists the parts of a stage that might send a teacher for
// indicator k, the richest first.
func (m *model) sourcesFor(si, k int) []*part {
	var out []*part
	for _, p := range m.st[si].parts {
		if !p.sch.fixed {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].value(k) > out[b].value(k) })
	return out
}

// teacherFloors raises every part to its floors of R3, then R1, then R2
// (a 体艺 teacher counts for R1 too), each unit by its cheapest lever: a
// transfer from the richest part that can spare one, an upgrade, a
// recognition, a hire.
func (m *model) teacherFloors(si int) *Infeasible {
	st := m.st[si]
	cT, cU, cB, cH := m.costs[KeyTransfer], m.costs[KeyUpgrade], m.costs[KeyBackbone], m.costs[KeyHire]
	// R3 first, then R2, then R1: a 体艺 teacher moved or hired counts for
	// R1 too, and so does a backbone teacher moved, so the R1 a source can
	// spare is not spent on teachers who serve R1 alone.
	for _, k := range []int{iR3, iR2, iR1} {
		src := m.sourcesFor(si, k)
		next := 0
		for _, p := range st.parts {
			if p.sch.fixed {
				continue
			}
			for m.steps(p, k, m.floorFrac(p, k), p.res[k], 1) > 0 {
				c := p.sch
				// the cheapest source able to give, if transfers are on
				var from *part
				kind := -1
				if m.transferOK() {
					for i := next; i < len(src); i++ {
						s := src[i]
						if s == p {
							continue
						}
						kd := m.giveKind(s, k)
						if kd >= 0 {
							from, kind = s, kd
							break
						}
						if i == next {
							next++
						}
					}
				}
				type option struct {
					cost float64
					do   func()
				}
				var opts []option
				switch k {
				case iR1:
					if !m.o.Off[KeyUpgrade] && m.upgradeRoom(c, si) > 0 {
						opts = append(opts, option{cU, func() { m.doUpgrade(c, si, 1) }})
					}
					if m.hireOK() {
						opts = append(opts, option{cH, func() { m.doHire(c, si, 3, 1) }})
					}
				case iR2:
					if from != nil && m.steps(p, iR1, m.floorFrac(p, iR1), p.res[iR1], 1) > 0 {
						// the part needs R1 too: a backbone teacher moved
						// serves both, for the price of one
						f := from
						opts = append(opts, option{cT - 1e-6, func() { m.doTransfer(f.sch, c, si, kBackbone, 1) }})
					}
					if !m.o.Off[KeyBackbone] && m.recogRoom(c, si) > 0 {
						opts = append(opts, option{cB, func() { m.doRecog(c, si, 1) }})
					} else if !m.o.Off[KeyBackbone] && m.hireOK() {
						opts = append(opts, option{cH + cB, func() { m.doHire(c, si, 3, 1); m.doRecog(c, si, 1) }})
					}
				case iR3:
					if m.hireOK() {
						opts = append(opts, option{cH, func() { m.doHire(c, si, m.lackingSubject(c, si), 1) }})
					}
				}
				if from != nil {
					// last, so that a tie goes to what leaves the source alone
					f, kd := from, kind
					opts = append(opts, option{cT, func() { m.doTransfer(f.sch, c, si, kd, 1) }})
				}
				if len(opts) == 0 {
					return m.cannotRaise(p, k)
				}
				best := opts[0]
				for _, o := range opts[1:] {
					if o.cost < best.cost {
						best = o
					}
				}
				best.do()
			}
		}
	}
	return nil
}

// giveKind is the kind of teacher a part can send that counts for
// indicator k, or -1.
func (m *model) giveKind(p *part, k int) int {
	switch k {
	case iR2:
		if m.canGive(p, kBackbone) {
			return kBackbone
		}
	case iR3:
		for _, kd := range m.subjectOrder(p.sch, p.stage) {
			if m.canGive(p, kd) {
				return kd
			}
		}
	case iR1:
		if m.canGive(p, kOther) {
			return kOther
		}
	}
	return -1
}

// subjectOrder lists the 体艺 subjects of a school's stage, the one it holds
// most of first.
func (m *model) subjectOrder(c *sch, si int) []int {
	n := func(kd int) int { in, out := m.moved(c, si, kd); return c.subj[si][kd] + in - out }
	order := []int{kPE, kMusic, kArt}
	sort.SliceStable(order, func(a, b int) bool { return n(order[a]) > n(order[b]) })
	return order
}

// lackingSubject is the 体艺 subject a school's stage has fewest of, so that
// hires spread 体育, 音乐, 美术 as the school lacks them.
func (m *model) lackingSubject(c *sch, si int) int {
	o := m.subjectOrder(c, si)
	n := func(kd int) int { in, out := m.moved(c, si, kd); return c.subj[si][kd] + in - out + c.hire[si][kd] }
	best := o[0]
	for _, kd := range []int{kPE, kMusic, kArt} {
		if n(kd) < n(best) {
			best = kd
		}
	}
	return best
}

// teacherCV lowers the R1–R3 coefficients of a stage to their limit, one
// teacher at a time, each time taking the move that removes most of the
// excess per 元: a teacher added to one of the lowest parts, or moved to
// it from one of the richest.
func (m *model) teacherCV(si int) *Infeasible {
	st := m.st[si]
	if len(st.parts) < 2 {
		return nil
	}
	violation := func() float64 {
		v := 0.0
		for k := iR1; k <= iR3; k++ {
			if e := st.excess(k, m.tighten); e > 0 {
				v += e / (st.Ptot * st.Ptot) * 1e4 / (per[k] * per[k])
			}
		}
		return v
	}
	cT, cU, cB, cH := m.costs[KeyTransfer], m.costs[KeyUpgrade], m.costs[KeyBackbone], m.costs[KeyHire]
	for guard := 0; guard < 1_000_000; guard++ {
		v0 := violation()
		if v0 <= 0 {
			return nil
		}
		type move struct {
			gain, cost float64
			do, undo   func()
		}
		var best *move
		try := func(cost float64, do, undo func()) {
			if cost < 0 {
				return
			}
			do()
			g := v0 - violation()
			undo()
			if g <= 0 {
				return
			}
			if best == nil || g/math.Max(cost, 1e-9) > best.gain/math.Max(best.cost, 1e-9) {
				best = &move{g, cost, do, undo}
			}
		}
		for k := iR1; k <= iR3; k++ {
			if st.excess(k, m.tighten) <= 0 {
				continue
			}
			low := m.extremes(si, k, 4, true)
			var high []*part
			if m.transferOK() {
				high = m.givers(si, k, 4)
			}
			for _, p := range low {
				c := p.sch
				switch k {
				case iR1:
					if !m.o.Off[KeyUpgrade] && m.upgradeRoom(c, si) > 0 {
						try(cU, func() { m.doUpgrade(c, si, 1) }, func() { m.doUpgrade(c, si, -1) })
					}
					if m.hireOK() {
						try(cH, func() { m.doHire(c, si, 3, 1) }, func() { m.doHire(c, si, 3, -1) })
					}
				case iR2:
					if !m.o.Off[KeyBackbone] && m.recogRoom(c, si) > 0 {
						try(cB, func() { m.doRecog(c, si, 1) }, func() { m.doRecog(c, si, -1) })
					} else if !m.o.Off[KeyBackbone] && m.hireOK() {
						try(cH+cB, func() { m.doHire(c, si, 3, 1); m.doRecog(c, si, 1) }, func() { m.doRecog(c, si, -1); m.doHire(c, si, 3, -1) })
					}
				case iR3:
					if m.hireOK() {
						subj := m.lackingSubject(c, si)
						try(cH, func() { m.doHire(c, si, subj, 1) }, func() { m.doHire(c, si, subj, -1) })
					}
				}
				if m.transferOK() {
					for _, h := range high {
						if h == p {
							continue
						}
						kd := m.giveKind(h, k)
						if kd < 0 {
							continue
						}
						from := h.sch
						try(cT, func() { m.doTransfer(from, c, si, kd, 1) }, func() { m.doTransfer(from, c, si, kd, -1) })
					}
				}
			}
		}
		if best == nil {
			for k := iR1; k <= iR3; k++ {
				if st.excess(k, m.tighten) > 0 {
					return m.cannotLower(si, k)
				}
			}
			return nil
		}
		best.do()
	}
	return nil
}

// extremes returns the n parts (not fixed) of a stage whose one more (or
// one less) teacher moves the coefficient most: lowest 2X+δ, or highest
// 2X−δ.
func (m *model) extremes(si, k, n int, low bool) []*part {
	var out []*part
	key := func(p *part) float64 {
		d := per[k] / p.P
		if low {
			return 2*p.value(k) + d
		}
		return -(2*p.value(k) - d)
	}
	for _, p := range m.st[si].parts {
		if p.sch.fixed {
			continue
		}
		kp := key(p)
		if len(out) < n {
			out = append(out, p)
		} else if kp < key(out[n-1]) {
			out[n-1] = p
		} else {
			continue
		}
		for i := len(out) - 1; i > 0 && key(out[i]) < key(out[i-1]); i-- {
			out[i], out[i-1] = out[i-1], out[i]
		}
	}
	return out
}

// givers returns up to n parts of a stage able to send a teacher counting
// for indicator k, those whose loss lowers the coefficient most first.
func (m *model) givers(si, k, n int) []*part {
	cands := m.extremes(si, k, 4*n, false)
	var out []*part
	for _, p := range cands {
		if m.giveKind(p, k) >= 0 {
			out = append(out, p)
			if len(out) == n {
				return out
			}
		}
	}
	if len(m.st[si].parts) > 2000 {
		return out
	}
	// few of the richest can give: look through all of them
	all := append([]*part(nil), m.st[si].parts...)
	sort.SliceStable(all, func(a, b int) bool {
		return 2*all[a].value(k)-per[k]/all[a].P > 2*all[b].value(k)-per[k]/all[b].P
	})
	out = out[:0]
	for _, p := range all {
		if !p.sch.fixed && m.giveKind(p, k) >= 0 {
			out = append(out, p)
			if len(out) == n {
				break
			}
		}
	}
	return out
}
