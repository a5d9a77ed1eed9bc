package plan

import "math"

// facilities plans R4–R7: every part to its floor, then each stage's
// coefficient to its limit by raising the lowest parts to a common floor
// (for a fixed total, the cheapest way down), bought per whole school in
// whole quanta; a combined school buys what the needier of its parts
// asks, and its other part receives its share too.
func (m *model) facilities() *Infeasible {
	for k := iR4; k <= iR7; k++ {
		if err := m.facility(k); err != nil {
			return err
		}
	}
	return nil
}

func (m *model) facility(k int) *Infeasible {
	q := facilityQuantum[k]
	lever := facilityLever[k]
	// The parts' amounts before this indicator's purchases.
	type entry struct {
		c    *sch
		base [2]float64
		stdQ float64 // quanta the standard floors ask
	}
	var list []*entry
	for _, c := range m.schools {
		if c.fixed || (c.parts[0] == nil && c.parts[1] == nil) {
			continue
		}
		e := &entry{c: c}
		for si, p := range c.parts {
			if p == nil {
				continue
			}
			e.base[si] = p.res[k] - c.fac[k]*p.share
			n := m.steps(p, k, m.floorFrac(p, k), p.res[k], p.share*q)
			if n > 0 && m.o.Off[lever] {
				return m.cannotRaise(p, k)
			}
			e.stdQ = math.Max(e.stdQ, c.fac[k]/q+n)
		}
		list = append(list, e)
	}
	var T [2]float64
	quanta := func(e *entry) float64 {
		n := e.stdQ
		for si, p := range e.c.parts {
			if p == nil || T[si] <= 0 {
				continue
			}
			need := (T[si]*p.P/per[k] - e.base[si]) / (p.share * q)
			if need > n {
				n = math.Ceil(need - 1e-9)
			}
		}
		return n
	}
	set := func() {
		for _, e := range list {
			n := quanta(e)
			if m.o.Off[lever] {
				n = e.c.fac[k] / q
			}
			m.setFacility(e.c, k, n*q)
		}
	}
	set()
	for round := 0; round < 4; round++ {
		changed := false
		for si := 0; si < 2; si++ {
			st := m.st[si]
			if len(st.parts) < 2 || st.excess(k, m.tighten) <= 0 {
				continue
			}
			if m.o.Off[lever] {
				return m.cannotLower(si, k)
			}
			lo, hi := T[si], 0.0
			for _, p := range st.parts {
				hi = math.Max(hi, p.value(k))
			}
			T[si] = hi
			set()
			if st.excess(k, m.tighten) > 0 {
				return m.cannotLower(si, k)
			}
			for it := 0; it < 80 && hi-lo > 1e-12*hi; it++ {
				mid := (lo + hi) / 2
				T[si] = mid
				set()
				if st.excess(k, m.tighten) <= 0 {
					hi = mid
				} else {
					lo = mid
				}
			}
			T[si] = hi
			set()
			changed = true
		}
		if !changed {
			break
		}
	}
	return nil
}

// setFacility sets a school's purchase of a facility (whole-school amount)
// and moves its parts by their shares.
func (m *model) setFacility(c *sch, k int, amount float64) {
	d := amount - c.fac[k]
	if d == 0 {
		return
	}
	c.fac[k] = amount
	for si, p := range c.parts {
		if p != nil {
			m.st[si].move(p, k, d*p.share)
		}
	}
}
