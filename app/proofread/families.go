package proofread

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/wording"
)

// facts are the computed values the texts are checked against; a nil
// pointer is a value the file does not give (never reported).
type facts struct {
	growth, amount       map[int]map[string]*float64
	years                []int // the years of 表Ⅴ, ascending
	tally                wording.Tally
	classes, pointClass  *float64
	migrantRate          *float64
	migrants             *float64
	retention            *float64
	disabledRate         *float64
	disabled             *float64
	schools, points      float64
	byType               map[string]float64
	students, primary    float64
	junior               float64
	pointStudents        float64
	teachers, pointTeach float64
	staff                *float64
	f1                   *eval.ItemResult
}

func ratio(a, b *int) *float64 {
	if a == nil || b == nil || *b <= 0 {
		return nil
	}
	x := float64(*a) / float64(*b)
	return &x
}

func intF(p *int) *float64 {
	if p == nil {
		return nil
	}
	x := float64(*p)
	return &x
}

func newFacts(f *county.File, r *eval.Result) *facts {
	k := &facts{growth: map[int]map[string]*float64{}, amount: map[int]map[string]*float64{}, byType: map[string]float64{}, f1: r.Items["F1"]}
	k.tally = wording.Count(f, r)
	for _, row := range r.Finance {
		k.years = append(k.years, row.Year)
		k.growth[row.Year] = row.Growth
		k.amount[row.Year] = row.Values
	}
	if g := f.County.Gov.G15; g != nil {
		k.migrantRate = ratio(g.MigrantInPublicOrFunded, g.MigrantEligible)
		k.migrants = intF(g.MigrantEligible)
	}
	if q := f.County.Quality.Q1; q != nil {
		k.retention = ratio(q.CohortRetained, q.CohortEntry)
	}
	if q := f.County.Quality.Q2; q != nil {
		k.disabledRate = ratio(q.Enrolled, q.Eligible)
		k.disabled = intF(q.Eligible)
	}
	staff, staffAll := 0.0, len(f.Schools) > 0
	for i := range f.Schools {
		s := &f.Schools[i]
		n := float64(county.Val(s.Students.Primary) + county.Val(s.Students.Junior))
		t := 0.0
		for _, tc := range []*county.TeacherCounts{s.Teachers.Primary, s.Teachers.Junior} {
			if tc != nil {
				t += float64(county.Val(tc.FullTime))
			}
		}
		if s.Type == county.TypePoint {
			k.points++
			k.pointStudents += n
			k.pointTeach += t
		} else {
			k.schools++
		}
		k.byType[s.Type]++
		k.students += n
		k.primary += float64(county.Val(s.Students.Primary))
		k.junior += float64(county.Val(s.Students.Junior))
		k.teachers += t
		if s.Staff == nil || (s.Staff.Primary == nil && s.Staff.Junior == nil) {
			staffAll = false
		} else {
			staff += float64(county.Val(s.Staff.Primary) + county.Val(s.Staff.Junior))
		}
	}
	if staffAll {
		k.staff = &staff
	}
	k.classes, k.pointClass = classCounts(f)
	return k
}

// A family finds the claims of one kind in a sentence and returns those
// the computed values contradict.
type family func(s string, k *facts) []Finding

var families = []family{financeFamily, fasterFamily, perStudentFamily, migrantFamily, retentionFamily, disabledFamily, countFamily, verdictFamily, scoreFamily}

// financeTerms name the funding series the texts talk about.
var financeTerms = []struct {
	words  []string
	series string
	name   string
}{
	{[]string{"财政经常性收入", "经常性收入"}, "recurrent_revenue", "财政经常性收入"},
	{[]string{"对义务教育的投入", "义务教育财政拨款", "教育财政拨款", "财政教育拨款", "教育拨款"}, "edu_appropriation", "义务教育财政拨款"},
}

var (
	yearRangeRe = regexp.MustCompile(`((?:19|20)\d{2})\s*[-—–~～至到]\s*((?:19|20)\d{2})\s*年`)
	yearRe      = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)
	percentRe   = regexp.MustCompile(`([-−]?[0-9][0-9,]*(?:\.[0-9]+)?)\s*[%％]`)
	amountRe    = regexp.MustCompile(`([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万元)?`)
)

// years finds the years a claim at position p speaks of: the nearest year
// or range of years before it in the sentence; else a relative span
// (近三年, 上年) read as the latest years of 表Ⅴ.
func years(s string, p int, k *facts) []int {
	if ys := namedYears(s, p); ys != nil {
		return ys
	}
	return relativeYears(s[:p], k.years)
}

func namedYears(s string, p int) []int {
	before := s[:p]
	var out []int
	if m := lastMatch(yearRangeRe, before); m != nil {
		a, _ := strconv.Atoi(before[m[2]:m[3]])
		b, _ := strconv.Atoi(before[m[4]:m[5]])
		// a later single year wins over an earlier range
		if y := lastMatch(yearRe, before); y != nil && y[0] > m[1] {
			v, _ := strconv.Atoi(before[y[2]:y[3]])
			return []int{v}
		}
		for y := a; y <= b && y-a < 20; y++ {
			out = append(out, y)
		}
		return out
	}
	if y := lastMatch(yearRe, before); y != nil {
		v, _ := strconv.Atoi(before[y[2]:y[3]])
		return []int{v}
	}
	return nil
}

func lastMatch(re *regexp.Regexp, s string) []int {
	all := re.FindAllStringSubmatchIndex(s, -1)
	if len(all) == 0 {
		return nil
	}
	return all[len(all)-1]
}

// termAt finds the first finance term from position from: its index, its
// length and the term.
func termAt(s string, from int) (int, int, int) {
	best, bestLen, which := -1, 0, -1
	for ti, t := range financeTerms {
		for _, w := range t.words {
			if i := strings.Index(s[from:], w); i >= 0 && (best < 0 || from+i < best) {
				best, bestLen, which = from+i, len(w), ti
			}
		}
	}
	return best, bestLen, which
}

// financeFamily checks "2018-2020年，市财政经常性收入分别为…万元，分别增长
// 7.68%、9.94%、14.38%" and "2020年财政经常性收入增长14.38%": the growth
// rates and the amounts, year by year, against 表Ⅴ.
func financeFamily(s string, k *facts) []Finding {
	var out []Finding
	for p := 0; p < len(s); {
		i, n, ti := termAt(s, p)
		if i < 0 {
			break
		}
		end := len(s)
		if j, _, _ := termAt(s, i+n); j >= 0 {
			end = j
		}
		seg := s[i+n : end]
		ys := years(s, i, k)
		t := financeTerms[ti]
		if g := strings.Index(seg, "增长"); g >= 0 && len(ys) > 0 {
			pcts := percentRe.FindAllStringSubmatch(seg[g:], -1)
			if len(pcts) == len(ys) {
				for yi, m := range pcts {
					v, dec, ok := parse(m[1])
					c := k.growth[ys[yi]][t.series]
					if ok && c != nil && differs(v, dec, *c*100) {
						out = append(out, Finding{About: fmt.Sprintf("%d年%s增长", ys[yi], t.name), Stated: m[1] + "%", Computed: percentText(*c)})
					}
				}
			}
			// amounts stated before the growth: "分别为153122万元、168347万元"
			if w := strings.Index(seg[:g], "为"); w >= 0 {
				var nums []string
				for _, m := range amountRe.FindAllStringSubmatch(seg[w:g], -1) {
					nums = append(nums, m[1])
				}
				if len(nums) == len(ys) {
					for yi, num := range nums {
						v, dec, ok := parse(num)
						c := k.amount[ys[yi]][t.series]
						if ok && c != nil && differs(v, dec, *c) {
							out = append(out, Finding{About: fmt.Sprintf("%d年%s（万元）", ys[yi], t.name), Stated: num, Computed: format.Number(*c, dec)})
						}
					}
				}
			}
		}
		p = i + n
	}
	return out
}

// fasterFamily checks "教育拨款的增长比例高于财政经常性收入的增长比例"
// against F1, year by year.
func fasterFamily(s string, k *facts) []Finding {
	if !(strings.Contains(s, "拨款") || strings.Contains(s, "投入")) || !strings.Contains(s, "高于") || !strings.Contains(s, "经常性收入") || isTarget(s) {
		return nil
	}
	if k.f1 == nil {
		return nil
	}
	var bad []string
	for _, ch := range k.f1.Checks {
		if !ch.Pass && !ch.Missing {
			bad = append(bad, ch.Text)
		}
	}
	if len(bad) == 0 {
		return nil
	}
	return []Finding{{About: "教育拨款增长高于财政经常性收入增长（F1）", Stated: "各年均高于", Computed: strings.Join(bad, "；")}}
}

var (
	migrantPctRe   = regexp.MustCompile(`([0-9][0-9.]*)\s*[%％]\s*的(?:进城务工)?随迁子女`)
	migrantCountRe = regexp.MustCompile(`随迁子女(?:人数)?(?:为|有|共)?\s*([0-9][0-9,]*)\s*人`)
)

// migrantFamily checks the share of 随迁子女 in public (or funded) schools
// and their number against G15.
func migrantFamily(s string, k *facts) []Finding {
	if isTarget(s) {
		return nil
	}
	var out []Finding
	for _, m := range migrantPctRe.FindAllStringSubmatch(s, -1) {
		v, dec, ok := parse(m[1])
		if ok && k.migrantRate != nil && differs(v, dec, *k.migrantRate*100) {
			out = append(out, Finding{About: "随迁子女在公办学校（含政府购买学位）就读比例（G15）", Stated: m[1] + "%", Computed: percentText(*k.migrantRate)})
		}
	}
	for _, m := range migrantCountRe.FindAllStringSubmatch(s, -1) {
		v, dec, ok := parse(m[1])
		if ok && k.migrants != nil && differs(v, dec, *k.migrants) {
			out = append(out, Finding{About: "随迁子女人数（G15）", Stated: m[1] + "人", Computed: format.Number(*k.migrants, 0) + "人"})
		}
	}
	return out
}

var retentionRe = regexp.MustCompile(`巩固率(?:为|达|达到|是)?\s*([0-9][0-9.]*)\s*[%％]`)

// retentionFamily checks the junior retention rate against Q1.
func retentionFamily(s string, k *facts) []Finding {
	if isTarget(s) || k.retention == nil {
		return nil
	}
	var out []Finding
	for _, m := range retentionRe.FindAllStringSubmatch(s, -1) {
		if strings.Contains(s, "小学") && !strings.Contains(s, "初中") {
			continue // Q1 is the junior rate
		}
		v, dec, ok := parse(m[1])
		if ok && differs(v, dec, *k.retention*100) {
			out = append(out, Finding{About: "初中三年巩固率（Q1）", Stated: m[1] + "%", Computed: percentText(*k.retention)})
		}
	}
	return out
}

var (
	enrolRe    = regexp.MustCompile(`入学率(?:为|达|达到|是)?\s*([0-9][0-9.]*)\s*[%％]`)
	disabledRe = regexp.MustCompile(`残疾儿童(?:少年)?(?:人数)?(?:为|有|共)?\s*([0-9][0-9,]*)\s*人`)
)

// disabledFamily checks the enrolment rate and the number of disabled
// children (Q2): a rate after "残疾", before the next topic.
func disabledFamily(s string, k *facts) []Finding {
	i := strings.Index(s, "残疾")
	if i < 0 || isTarget(s) {
		return nil
	}
	var out []Finding
	seg := s[i:]
	if j := strings.IndexAny(seg, "；;"); j >= 0 {
		seg = seg[:j]
	}
	if m := enrolRe.FindStringSubmatch(seg); m != nil && k.disabledRate != nil {
		if v, dec, ok := parse(m[1]); ok && differs(v, dec, *k.disabledRate*100) {
			out = append(out, Finding{About: "残疾儿童少年入学率（Q2）", Stated: m[1] + "%", Computed: percentText(*k.disabledRate)})
		}
	}
	if m := disabledRe.FindStringSubmatch(seg); m != nil && k.disabled != nil {
		if v, dec, ok := parse(m[1]); ok && differs(v, dec, *k.disabled) {
			out = append(out, Finding{About: "适龄残疾儿童少年人数（Q2）", Stated: m[1] + "人", Computed: format.Number(*k.disabled, 0) + "人"})
		}
	}
	return out
}

// counts: schools, teaching points, schools by type, students, teachers.
var countPatterns = []struct {
	re    *regexp.Regexp
	about string
	unit  string
	value func(k *facts, m []string, pointCtx bool) *float64
}{
	{regexp.MustCompile(`(?:中小学校|义务教育学校)\s*([0-9][0-9,]*)\s*所`), "义务教育中小学校数（不含教学点）", "所",
		func(k *facts, _ []string, _ bool) *float64 { return &k.schools }},
	{regexp.MustCompile(`(?:教学点\s*([0-9][0-9,]*)\s*个|([0-9][0-9,]*)\s*个教学点)`), "教学点数", "个",
		func(k *facts, _ []string, _ bool) *float64 { return &k.points }},
	{regexp.MustCompile(`(?:其中)?(初中|小学|九年一贯制学校|完全中学|十二年一贯制学校)\s*([0-9][0-9,]*)\s*所`), "", "所",
		func(k *facts, m []string, _ bool) *float64 {
			x := k.byType[strings.TrimSuffix(m[1], "学校")]
			return &x
		}},
	{regexp.MustCompile(`在校(?:中小)?(?:学生|生)\s*([0-9][0-9,]*)\s*人`), "义务教育在校生数", "人",
		func(k *facts, _ []string, p bool) *float64 {
			if p {
				return &k.pointStudents
			}
			return &k.students
		}},
	{regexp.MustCompile(`初中(?:学生|在校生)\s*([0-9][0-9,]*)\s*人`), "初中在校生数", "人",
		func(k *facts, _ []string, _ bool) *float64 { return &k.junior }},
	{regexp.MustCompile(`小学(?:生|学生|在校生)\s*([0-9][0-9,]*)\s*人`), "小学在校生数", "人",
		func(k *facts, _ []string, _ bool) *float64 { return &k.primary }},
	{regexp.MustCompile(`专任教师\s*([0-9][0-9,]*)\s*人`), "专任教师数", "人",
		func(k *facts, _ []string, p bool) *float64 {
			if p {
				return &k.pointTeach
			}
			return &k.teachers
		}},
	{regexp.MustCompile(`(?:教学班(?:数)?(?:为|有|共)?\s*([0-9][0-9,]*)\s*个|([0-9][0-9,]*)\s*个(?:教学)?班)`), "教学班数", "个",
		func(k *facts, _ []string, p bool) *float64 {
			if p {
				return k.pointClass
			}
			return k.classes
		}},
	{regexp.MustCompile(`教职工\s*([0-9][0-9,]*)\s*人`), "教职工数", "人",
		func(k *facts, _ []string, _ bool) *float64 { return k.staff }},
}

// countFamily checks the counts a text states ("中小学校15所", "教学点4个",
// "在校中小学生10073人") against the schools of the file. A clause about
// the teaching points ("4个教学点，在校生52人") is checked against them.
func countFamily(s string, k *facts) []Finding {
	if isTarget(s) || !(strings.Contains(s, "现有") || strings.Contains(s, "共有") || strings.Contains(s, "全市") || strings.Contains(s, "全县") || strings.Contains(s, "全区") || strings.Contains(s, "其中") || strings.Contains(s, "教学点")) {
		return nil
	}
	var out []Finding
	for _, cp := range countPatterns {
		for _, idx := range cp.re.FindAllStringSubmatchIndex(s, -1) {
			m := make([]string, len(idx)/2)
			for i := range m {
				if idx[2*i] >= 0 {
					m[i] = s[idx[2*i]:idx[2*i+1]]
				}
			}
			stated := m[len(m)-1]
			if stated == "" && len(m) > 2 {
				stated = m[1]
			}
			if cp.about == "" { // by type: the number is the second group
				stated = m[2]
			}
			if cp.about == "小学在校生数" && strings.HasSuffix(s[:idx[0]], "中") {
				continue // "中小学生10073人" is every pupil, not the primary ones
			}
			pointCtx := strings.Contains(s[:idx[0]], "教学点") && !strings.Contains(s[:idx[0]], "中小学校")
			if strings.HasPrefix(m[0], "其中") && cp.about != "" {
				continue
			}
			c := cp.value(k, m, pointCtx)
			v, dec, ok := parse(stated)
			if !ok || c == nil || !differs(v, dec, *c) {
				continue
			}
			about := cp.about
			if about == "" {
				about = m[1] + "数"
			}
			if pointCtx && (cp.unit == "人" || cp.about == "教学班数") {
				about = "教学点" + about
			}
			out = append(out, Finding{About: about, Stated: stated + cp.unit, Computed: format.Number(*c, 0) + cp.unit})
		}
	}
	return out
}

// perStudentTerms name the per-student funding series (表Ⅴ, 元).
var perStudentTerms = []struct {
	words  []string
	series string
	name   string
}{
	{[]string{"生均一般公共预算教育事业费", "生均预算内教育事业费", "生均教育事业费"}, "per_student_operating", "生均一般公共预算教育事业费"},
	{[]string{"生均一般公共预算公用经费", "生均预算内公用经费", "生均公用经费"}, "per_student_public_funds", "生均一般公共预算公用经费"},
}

var stageWords = []struct{ word, key, name string }{{"小学", "primary", "小学"}, {"初中", "junior", "初中"}}

// plainNumberRe is a stated amount: not a percentage.
var plainNumberRe = regexp.MustCompile(`[0-9][0-9,]*(?:\.[0-9]+)?`)

// perStudentFamily checks "生均预算内公用经费逐年增长，小学分别为2145元、
// 2337元、2489元，初中分别为…" year by year against 表Ⅴ.
func perStudentFamily(s string, k *facts) []Finding {
	var out []Finding
	type hit struct{ at, n, term int }
	var hits []hit
	for ti, t := range perStudentTerms {
		for _, w := range t.words {
			for from := 0; ; {
				i := strings.Index(s[from:], w)
				if i < 0 {
					break
				}
				at := from + i
				dup := false
				for _, h := range hits {
					if at >= h.at && at < h.at+h.n {
						dup = true // a shorter term inside a longer one
					}
				}
				if !dup {
					hits = append(hits, hit{at, len(w), ti})
				}
				from = at + len(w)
			}
		}
	}
	sort.Slice(hits, func(a, b int) bool { return hits[a].at < hits[b].at })
	for hi, h := range hits {
		end := len(s)
		if hi+1 < len(hits) {
			end = hits[hi+1].at
		}
		seg := s[h.at+h.n : end]
		ys := years(s, h.at, k)
		if len(ys) < 2 {
			continue
		}
		t := perStudentTerms[h.term]
		for si, st := range stageWords {
			i := strings.Index(seg, st.word+"分别为")
			if i < 0 {
				continue
			}
			part := seg[i+len(st.word+"分别为"):]
			if si == 0 {
				if j := strings.Index(part, stageWords[1].word); j >= 0 {
					part = part[:j]
				}
			}
			if j := strings.IndexAny(part, "，,；;"); j >= 0 && plainNumberRe.FindAllString(part[:j], -1) != nil && len(plainNumberRe.FindAllString(part[:j], -1)) == len(ys) {
				part = part[:j]
			}
			nums := plainNumberRe.FindAllString(part, -1)
			if len(nums) != len(ys) {
				continue
			}
			for yi, num := range nums {
				v, dec, ok := parse(num)
				c := k.amount[ys[yi]][t.series+"."+st.key]
				if ok && c != nil && differs(v, dec, *c) {
					out = append(out, Finding{About: fmt.Sprintf("%d年%s%s（元）", ys[yi], st.name, t.name), Stated: num + "元", Computed: format.Number(*c, dec) + "元"})
				}
			}
		}
	}
	return out
}
