package plan

import (
	"math"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/standard"
)

// The solver's model of one county year: every entering school part with
// its seven resources, in the units a school adds (teachers, part m², part
// 元, part rooms), so that value = per × resource / students exactly as the
// engine computes it. Decisions (what is added where) change the
// resources through the effects of plan.md §2, and the coefficient sums
// are kept up to date so that a step is checked in constant time.

const nInd = 7

// Indicator indexes into the seven.
const (
	iR1 = iota
	iR2
	iR3
	iR4
	iR5
	iR6
	iR7
)

// per is "每百名学生" (100) or "生均" (1) of each indicator.
var per = [nInd]float64{100, 100, 100, 1, 1, 1, 100}

// facilityLever is the lever that raises a facility indicator, and the
// whole-school quantum it is bought in.
var facilityLever = [nInd]string{iR4: KeyRooms, iR5: KeyGround, iR6: KeyEquipment, iR7: KeyMultimedia}
var facilityQuantum = [nInd]float64{iR4: 1, iR5: 1, iR6: 100, iR7: 1}

// part is one school part entering one stage.
type part struct {
	sch    *sch
	stage  int
	P      float64
	share  float64
	res    [nInd]float64
	lim    [nInd]float64
	exempt int // the indicator allowed to stay at 85 %, -1 none
}

func (p *part) value(k int) float64 { return per[k] * p.res[k] / p.P }

// sch is one school with its decisions.
type sch struct {
	id       string
	name     string
	idx      int // in the planning copy's Schools
	parts    [2]*part
	fixed    bool // 不纳入规划: no actions
	ft, ad   [2]int
	bb       [2]int
	subj     [2][3]int // pe, music, art as recorded
	hire     [2][4]int // pe, music, art, other
	upgrade  [2]int
	recog    [2]int
	fac      [nInd]float64 // whole-school facility additions (R4–R7 slots)
	roomsG3  []Action      // the G3 room actions, fixed before the rest
	g3Area   float64
	outTrans [2]int // teachers moved out, per stage
	inTrans  [2]int
	tin      [2][5]int // moved in, per stage and kind
	tout     [2][5]int
}

// stageModel holds the parts of one stage and the coefficient sums:
// A_k = Σ res (× per) and B_k = Σ per²·res²/P, so that CV ≤ c is
// B·Ptot ≤ (1+c²)·A².
type stageModel struct {
	parts []*part
	Ptot  float64
	limit float64
	A, B  [nInd]float64
}

func (st *stageModel) recompute() {
	st.A, st.B = [nInd]float64{}, [nInd]float64{}
	for _, p := range st.parts {
		for k := 0; k < nInd; k++ {
			st.A[k] += per[k] * p.res[k]
			st.B[k] += per[k] * per[k] * p.res[k] * p.res[k] / p.P
		}
	}
}

// excess is how far indicator k is from its coefficient limit, ≤ 0 when
// it meets it (with a small safety so that the engine's own rounding can
// never fail what the model passes).
func (st *stageModel) excess(k int, tighten float64) float64 {
	if len(st.parts) == 0 {
		return 0
	}
	c := st.limit * (1 - tighten)
	return st.B[k]*st.Ptot - (1+c*c)*st.A[k]*st.A[k]
}

// move changes a part's resource k by d, keeping the sums.
func (st *stageModel) move(p *part, k int, d float64) {
	old := p.res[k]
	p.res[k] += d
	st.A[k] += per[k] * d
	st.B[k] += per[k] * per[k] * (p.res[k]*p.res[k] - old*old) / p.P
}

// model is the whole county.
type model struct {
	std     *standard.Standard
	o       Options
	costs   map[string]float64
	schools []*sch
	byID    map[string]*sch
	st      [2]*stageModel
	tighten float64
	hires   int
	trans   []*transfer
	// transByKey finds a transfer by its schools, stage and kind.
	transByKey map[transferKey]*transfer
}

type transferKey struct {
	from, to  *sch
	stage, kd int
}

type transfer struct {
	from, to *sch
	stage    int
	kind     string // pe, music, art, backbone, other
	n        int
}

var stageKeys = [2]string{eval.Primary, eval.Junior}

// newModel builds the model of a county year from the engine's own result
// under the planned standard, so that the values it starts from are the
// engine's.
func newModel(f *county.File, std *standard.Standard, r *eval.Result, o Options) *model {
	m := &model{std: std, o: o, costs: o.Costs, byID: map[string]*sch{}}
	for i := range f.Schools {
		s := &f.Schools[i]
		c := &sch{id: s.ID, name: s.Name, idx: i, fixed: o.Excluded[s.ID]}
		for si, t := range []*county.TeacherCounts{s.Teachers.Primary, s.Teachers.Junior} {
			if t == nil {
				continue
			}
			c.ft[si], c.ad[si], c.bb[si] = county.Val(t.FullTime), county.Val(t.AboveDegree), county.Val(t.Backbone)
			c.subj[si] = [3]int{county.Val(t.PE), county.Val(t.Music), county.Val(t.Art)}
		}
		m.schools = append(m.schools, c)
		m.byID[s.ID] = c
	}
	for si, key := range stageKeys {
		st := &stageModel{limit: std.CVLimit(key)}
		m.st[si] = st
		es := r.Stages.Get(key)
		if es == nil {
			continue
		}
		for _, sp := range es.Schools {
			c := m.byID[sp.ID]
			p := &part{sch: c, stage: si, P: float64(sp.Students), share: sp.Share, exempt: -1}
			for k, code := range standard.ResourceCodes {
				p.lim[k] = std.Item(code).Limit(key)
				if v := sp.Values[code]; v != nil {
					p.res[k] = *v * p.P / per[k]
				}
				if k <= iR3 {
					p.res[k] = math.Round(p.res[k]) // teachers are whole
				}
			}
			if len(sp.Merged) > 0 {
				for _, id := range sp.Merged {
					if pt := m.byID[id]; pt != nil {
						pt.fixed = true // a merged teaching point is planned through its school
					}
				}
			}
			c.parts[si] = p
			st.parts = append(st.parts, p)
			st.Ptot += p.P
		}
		st.recompute()
	}
	return m
}

// passes tells whether a part meets §2.1 with its current resources.
func (m *model) passes(p *part) bool {
	met, below := 0, 0
	for k := 0; k < nInd; k++ {
		v := p.value(k)
		if standard.AtLeast(v, p.lim[k]*(1+m.tighten)) {
			met++
			continue
		}
		if !standard.AtLeast(v, m.std.PartPassFloor*p.lim[k]*(1+m.tighten)) {
			below++
		}
	}
	return met >= m.std.PartPassMinMet && below == 0
}

// steps counts the steps of q (a whole teacher, or the part's share of a
// whole school's quantum) a part must add to its base amount of indicator
// k's resource for the value to reach frac of its limit; 0 when it is
// reached already.
func (m *model) steps(p *part, k int, frac, base, q float64) float64 {
	target := p.lim[k] * frac * (1 + m.tighten)
	meets := func(n float64) bool { return standard.AtLeast(per[k]*(base+n*q)/p.P, target) }
	if meets(0) {
		return 0
	}
	est := math.Ceil((target*p.P/per[k] - base) / q)
	if est < 1 || math.IsNaN(est) {
		est = 1
	}
	for est > 1 && meets(est-1) {
		est--
	}
	for !meets(est) {
		est++
	}
	return est
}

// floorFrac is the fraction of its limit indicator k of part p must reach
// under the part's exemption.
func (m *model) floorFrac(p *part, k int) float64 {
	if p.exempt == k {
		return m.std.PartPassFloor
	}
	return 1
}
