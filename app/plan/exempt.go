package plan

import "math"

// The 6-of-7 choice: each part may leave one indicator at 85 % of its
// standard. Which one is worth most depends on what raising each costs
// there; the first guess takes the largest saving, and the search of
// best() tries the others.

// raisable tells whether some lever left on can raise indicator k at a part.
func (m *model) raisable(p *part, k int) bool {
	c, si := p.sch, p.stage
	switch k {
	case iR1:
		return m.hireOK() || m.transferOK() || (!m.o.Off[KeyUpgrade] && m.upgradeRoom(c, si) > 0)
	case iR2:
		return m.transferOK() || (!m.o.Off[KeyBackbone] && (m.recogRoom(c, si) > 0 || m.hireOK()))
	case iR3:
		return m.hireOK() || m.transferOK()
	}
	return !m.o.Off[facilityLever[k]]
}

// estimate is a rough cost of raising indicator k of a part to frac of its
// standard on its own, by the lever that would usually serve.
func (m *model) estimate(p *part, k int, frac float64) float64 {
	if k >= iR4 {
		q := facilityQuantum[k]
		return m.steps(p, k, frac, p.res[k], p.share*q) * q * m.costs[facilityLever[k]]
	}
	n := m.steps(p, k, frac, p.res[k], 1)
	switch k {
	case iR1:
		if !m.o.Off[KeyUpgrade] && float64(m.upgradeRoom(p.sch, p.stage)) >= n {
			return n * m.costs[KeyUpgrade]
		}
		return n * m.costs[KeyHire]
	case iR2:
		return n * m.costs[KeyBackbone]
	}
	return n * m.costs[KeyHire]
}

// initialExemptions picks for each part the indicator whose 85 % saves
// most; one that no lever can raise must be the one left at 85 %.
func (m *model) initialExemptions() map[string][2]int {
	out := map[string][2]int{}
	for _, c := range m.schools {
		e := [2]int{-1, -1}
		for si, p := range c.parts {
			if p == nil || c.fixed || m.std.PartPassMinMet >= nInd {
				continue
			}
			best, saving := -1, 0.0
			for k := 0; k < nInd; k++ {
				if m.steps(p, k, 1, p.res[k], stepOf(p, k)) == 0 {
					continue // met
				}
				if !m.raisable(p, k) {
					best, saving = k, math.Inf(1)
					continue
				}
				if s := m.estimate(p, k, 1) - m.estimate(p, k, m.std.PartPassFloor); s > saving {
					best, saving = k, s
				}
			}
			e[si] = best
		}
		out[c.id] = e
	}
	return out
}

func stepOf(p *part, k int) float64 {
	if k >= iR4 {
		return p.share * facilityQuantum[k]
	}
	return 1
}

// candidate is a part whose exemption the search may change.
type candidate struct {
	id      string
	si      int
	options []int
}

// exemptCandidates are the parts below standard in some indicator, with
// the choices open to them: none, or any unmet indicator.
func (m *model) exemptCandidates() []candidate {
	var out []candidate
	for _, c := range m.schools {
		if c.fixed || m.std.PartPassMinMet >= nInd {
			continue
		}
		for si, p := range c.parts {
			if p == nil {
				continue
			}
			opts := []int{-1}
			for k := 0; k < nInd; k++ {
				if m.steps(p, k, 1, p.res[k], stepOf(p, k)) > 0 {
					opts = append(opts, k)
				}
			}
			if len(opts) == 1 && m.transferOK() {
				// a part that meets all seven may still leave a teacher
				// indicator at 85 % to spare more teachers for others
				opts = append(opts, iR1, iR2, iR3)
			}
			if len(opts) > 1 {
				out = append(out, candidate{c.id, si, opts})
			}
		}
	}
	return out
}
