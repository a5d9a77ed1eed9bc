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
	// The floor of each part is T − G·(1/share − 1): a whole-school m² gives
	// a part only its share, so the cheapest way to a coefficient (the KKT
	// condition of the convex problem) raises a combined school's part to
	// a lower level than a single-stage school's, by how much dearer its
	// m² are. G = 0 is the common floor.
	var T, G [2]float64
	quanta := func(e *entry) float64 {
		n := e.stdQ
		for si, p := range e.c.parts {
			if p == nil || T[si] <= 0 {
				continue
			}
			floor := T[si] - G[si]*(1/p.share-1)
			if floor <= 0 {
				continue
			}
			need := (floor*p.P/per[k] - e.base[si]) / (p.share * q)
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
	combined := [2]bool{}
	for _, e := range list {
		for si, p := range e.c.parts {
			if p != nil && p.share < 1 {
				combined[si] = true
			}
		}
	}
	// lowest finds the smallest T meeting stage si's limit for the current G.
	lowest := func(si int) bool {
		st := m.st[si]
		lo, hi := 0.0, 0.0
		for _, p := range st.parts {
			hi = math.Max(hi, p.value(k))
		}
		hi += G[si] * 1e3
		T[si] = hi
		set()
		if st.excess(k, m.tighten) > 0 {
			return false
		}
		for it := 0; it < 60 && hi-lo > 1e-12*hi; it++ {
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
		return true
	}
	total := func() float64 {
		t := 0.0
		for _, e := range list {
			t += e.c.fac[k]
		}
		return t
	}
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
			G[si] = 0
			if !lowest(si) {
				return m.cannotLower(si, k)
			}
			changed = true
			if !combined[si] || len(list) > 5000 {
				continue
			}
			// search G: a coarse scan of multiples of the floor, then a
			// finer one around the best
			bestG, bestCost := 0.0, total()
			base := T[si]
			try := func(g float64) {
				G[si] = g
				if lowest(si) {
					if c := total(); c < bestCost-1e-9 {
						bestG, bestCost = g, c
					}
				}
			}
			for _, f := range []float64{0.02, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1, 1.5, 2, 3} {
				try(base * f)
			}
			step := math.Max(bestG, base*0.02) / 2
			for i := 0; i < 8; i++ {
				g := bestG
				try(g + step)
				if g2 := g - step; g2 > 0 {
					try(g2)
				}
				step /= 2
			}
			G[si] = bestG
			lowest(si)
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
