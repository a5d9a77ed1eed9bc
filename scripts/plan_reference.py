#!/usr/bin/python3
"""Independent optimum of the 达标规划 (plan.md), for the planner's acceptance test.

    /usr/bin/python3 scripts/plan_reference.py COUNTY.json OPTIONS.json [--explain] [--debug]

COUNTY.json is a junheng-county/1 file; OPTIONS.json is
    {"costs": {"hire": 98000, ...}, "off": ["transfer"], "margin": 0.05,
     "all_seven": false, "max_new_teachers": null, "time_limit": 30, "gap": 0}
(costs absent: plan.md's defaults, hire the county's G8 teacher_avg_pay).
Prints one JSON object: {"status": "optimal" | "feasible" | "infeasible" |
"time_limit" | "unsupported" | "error", "optimum": 元 (the cost of the best
plan found), "bound": 元 (a proven lower bound of the optimum), ...}. "optimal"
means the two agree (gap 0); "feasible" that the relative gap asked for
("gap") or the time limit stopped the search first. --explain adds the actions
of the plan, in the junheng-plan/1 form that plan.Apply takes.

The model is written from plan.md §2 and standard.md §2 only, not from the
planner's code. It is an integer program solved by scipy.optimize.milp (HiGHS):

* Teachers, per entering school part (school × stage): hires 体艺 and 其他
  (R3 counts pe + music + art, so one 体艺 variable stands for the three
  subjects; --explain names its hires pe), degree upgrades (≤ full_time −
  above_degree, which hires and transfers leave unchanged since they add to
  both), backbone recognitions (backbone ≤ full_time after every action), and
  transfers of the kinds 体艺 / 骨干 / 其他 between parts of the same stage. A
  transfer moves full_time and above_degree (the moved teacher has the degree)
  and the kind's count; every count after the actions is ≥ 0 (a source holds
  what it gives, hires and recognitions included).
  Transfers are modelled as what each part gives and takes of each kind, the
  gives and takes of a stage balancing, at the transfer cost per take: every
  pair costs the same, so any pairing of givers with takers costs Σ takes, and
  a cheapest plan never has a part give and take one kind (cancelling saves),
  so this is the per-pair model without its symmetric copies. 体艺 flows are
  split by subject afterwards, from what each giver holds (no giver takes).
* Facilities, per school (whole m² of rooms and sports ground, equipment in
  whole 100 元, whole multimedia rooms), reach each part by its share
  (九年一贯制 A/(A+1.1B) and 1.1B/(A+1.1B), 十二年一贯制 over A+1.1B+1.32C,
  完全中学 B/(B+1.2C)). R4 = (rooms − indoor sports)·share/P, R5 = (ground +
  indoor sports)·share/P.
* §2.1 per part: a binary y per indicator, resource ≥ need·(0.85 + 0.15·y)
  with need = standard·(1 + margin)·P/per·(1 − 1e-9) (the engine's
  tolerance), Σ y ≥ 6 (7 with all_seven).
* §2.2 per stage and indicator: CV ≤ c, c = limit·(1 − margin), is the convex
  sqrt(Σ w X²) ≤ sqrt(1+c²)·Σ w X (w = P_i/P, population form). It is imposed
  by Kelley cutting planes: solve, add the tangent plane of g(X) = sqrt(Σ w X²)
  − sqrt(1+c²)·Σ w X at the solution for each coefficient it breaks (g is
  1-homogeneous, so the plane is Σ w (X*_i/‖X*‖_w − sqrt(1+c²)) X_i ≤ 0, valid
  everywhere; X is linear in the variables), plus the plane at the point where
  the segment from X* to its mean crosses CV = c, and re-solve, until every
  coefficient holds within the engine's 1e-9 relative tolerance. Cuts are
  first gathered on the LP relaxation (cheap), then on integer solutions with
  a 1e-4 gap, then the last MILP is solved to the gap asked for. Each MILP is
  a relaxation of the problem, so its dual bound is a lower bound of the
  optimum; a solution that keeps every coefficient is a plan, so its cost is
  an upper bound; when they meet, the plan is optimal.
  Integer points that break a coefficient by less than 1e-5 (the solver's
  tolerance lets them through the cuts) are first repaired by moving single
  units between amounts of one kind and one price (the cost stays): a plan of
  the MILP's cost is then optimal as well.
* Finite bounds keep HiGHS fast: no amount takes a part past twice the higher
  of its stage's highest value and the standard; an answer with an amount at
  such a bound is refused (status "error").
* The G3 rooms are not modelled (the caller keeps G3 passing or subtracts the
  G3 room actions); teaching points under the threshold, special schools and
  excluded schools are not supported (status "unsupported").
"""
import json
import math
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix

PRIMARY, JUNIOR = "primary", "junior"
CODES = ["R1", "R2", "R3", "R4", "R5", "R6", "R7"]
# national 2017 (standard.md §2): per 100 students or per student.
STANDARD = {
    PRIMARY: {"R1": 4.2, "R2": 1.0, "R3": 0.9, "R4": 4.5, "R5": 7.5, "R6": 2000, "R7": 2.3},
    JUNIOR: {"R1": 5.3, "R2": 1.0, "R3": 0.9, "R4": 5.8, "R5": 10.2, "R6": 2500, "R7": 2.4},
}
PER = {"R1": 100, "R2": 100, "R3": 100, "R4": 1, "R5": 1, "R6": 1, "R7": 100}
CV_LIMIT = {PRIMARY: 0.50, JUNIOR: 0.45}
FLOOR = 0.85
TOL = 1e-9  # the engine's relative tolerance (standard/compare.go)
DEBUG = False
DEFAULT_COSTS = {"hire": 100000, "upgrade_degree": 10000, "recognize_backbone": 5000, "transfer": 5000,
                 "build_rooms": 3000, "build_sports_ground": 300, "buy_equipment": 1, "add_multimedia_rooms": 30000}
# facility weights (primary, junior, senior) of standard.md §2.3
WEIGHTS = {"小学": (1, 0, 0), "教学点": (1, 0, 0), "初中": (0, 1, 0), "九年一贯制": (1, 1.1, 0),
           "十二年一贯制": (1, 1.1, 1.32), "完全中学": (0, 1, 1.2)}
STAGES_OF = {"小学": (PRIMARY,), "教学点": (PRIMARY,), "初中": (JUNIOR,), "完全中学": (JUNIOR,),
             "九年一贯制": (PRIMARY, JUNIOR), "十二年一贯制": (PRIMARY, JUNIOR)}


class Unsupported(Exception):
    pass


def num(x):
    if x is None:
        raise Unsupported("未填报")
    return x


def load(county_path, options_path):
    with open(county_path, encoding="utf-8") as fh:
        f = json.load(fh)
    with open(options_path, encoding="utf-8") as fh:
        o = json.load(fh)
    costs = dict(DEFAULT_COSTS)
    g8 = ((f.get("county") or {}).get("gov") or {}).get("G8") or {}
    if g8.get("teacher_avg_pay") and g8["teacher_avg_pay"] > 0:
        costs["hire"] = g8["teacher_avg_pay"]
    costs.update(o.get("costs") or {})
    o["costs"] = costs
    o["off"] = o.get("off") or []
    o["margin"] = o.get("margin") or 0.0
    o["all_seven"] = bool(o.get("all_seven"))
    tp = o.get("tp_threshold", 50)
    schools, parts = [], []
    for s in f["schools"]:
        typ = s["type"]
        if typ not in WEIGHTS:
            raise Unsupported("school type %s" % typ)
        st = s.get("students") or {}
        A, B, C = st.get("primary") or 0, st.get("junior") or 0, st.get("senior") or 0
        w = WEIGHTS[typ]
        tot = w[0] * A + w[1] * B + w[2] * C
        share = {PRIMARY: (w[0] * A / tot) if tot else 0.0, JUNIOR: (w[1] * B / tot) if tot else 0.0}
        sch = {"id": s["id"], "name": s.get("name", ""), "type": typ,
               "net_rooms": num(s.get("area_teaching_aux")) - num(s.get("area_indoor_sports")),
               "sports": num(s.get("area_sports_ground")) + num(s.get("area_indoor_sports")),
               "equipment": num(s.get("equipment_value")), "multimedia": num(s.get("multimedia_rooms")),
               "parts": []}
        if s.get("private") and o.get("exclude_private"):
            continue
        for stage in STAGES_OF[typ]:
            P = A if stage == PRIMARY else B
            if P == 0:
                continue
            if typ == "教学点" and P < tp:
                raise Unsupported("teaching point under the threshold")
            t = (s.get("teachers") or {}).get(stage)
            if t is None:
                raise Unsupported("no teachers")
            part = {"school": len(schools), "stage": stage, "P": P, "share": share[stage],
                    "ft": num(t.get("full_time")), "ad": num(t.get("above_degree")), "bb": num(t.get("backbone")),
                    "tiyi": num(t.get("pe")) + num(t.get("music")) + num(t.get("art")),
                    "subjects": {"pe": num(t.get("pe")), "music": num(t.get("music")), "art": num(t.get("art"))}}
            sch["parts"].append(len(parts))
            parts.append(part)
        schools.append(sch)
    if o.get("excluded_schools"):
        raise Unsupported("excluded schools")
    return f, o, schools, parts


class Model:
    """Variables and the linear expressions of every indicator's resource."""

    def __init__(self, o, schools, parts):
        self.o, self.schools, self.parts = o, schools, parts
        self.names, self.cost, self.ub, self.integral = [], [], [], []
        off = set(o["off"])
        c = o["costs"]
        self.var = {}
        self.cache = {}

        def add(key, cost, ub=np.inf, integral=1):
            self.var[key] = len(self.names)
            self.names.append(key)
            self.cost.append(cost)
            self.ub.append(ub)
            self.integral.append(integral)

        for p, part in enumerate(parts):
            hub = 0 if "hire" in off else np.inf
            add(("hire_tiyi", p), c["hire"], hub)
            add(("hire_other", p), c["hire"], hub)
            add(("upgrade", p), c["upgrade_degree"], 0 if "upgrade_degree" in off else max(0, part["ft"] - part["ad"]))
            add(("recognize", p), c["recognize_backbone"], 0 if "recognize_backbone" in off else np.inf)
        # Transfers as what each part gives and takes of each kind; a stage's
        # gives and takes balance. With one unit cost for every pair, any
        # pairing of givers with takers costs Σ takes, and a part never both
        # gives and takes a kind in a cheapest plan (cancelling saves), so
        # this is the per-pair model without its symmetric copies.
        self.balance = []
        if "transfer" not in off:
            stages = {}
            for p, a in enumerate(parts):
                stages.setdefault(a["stage"], []).append(p)
            for st, ps in stages.items():
                if len(ps) < 2:
                    continue
                for kind in ("tiyi", "backbone", "other"):
                    for p in ps:
                        add(("give", kind, p), 0)
                        add(("take", kind, p), c["transfer"])
                    d = {self.var[("take", kind, p)]: 1.0 for p in ps}
                    d.update({self.var[("give", kind, p)]: -1.0 for p in ps})
                    self.balance.append(d)
        for s, sch in enumerate(schools):
            add(("rooms", s), c["build_rooms"], 0 if "build_rooms" in off else np.inf)
            add(("ground", s), c["build_sports_ground"], 0 if "build_sports_ground" in off else np.inf)
            add(("equipment", s), 100 * c["buy_equipment"], 0 if "buy_equipment" in off else np.inf)
            add(("multimedia", s), c["add_multimedia_rooms"], 0 if "add_multimedia_rooms" in off else np.inf)
        self.y0 = len(self.names)
        for p in range(len(parts)):
            for k in CODES:
                add(("met", p, k), 0, 1)
        self.n = len(self.names)

    def expr(self, p, what):
        """(constant, {var: coef}) of a part's resource after the actions."""
        key = (p, what)
        if key not in self.cache:
            self.cache[key] = self._expr(p, what)
        return self.cache[key]

    def _expr(self, p, what):
        part = self.parts[p]
        v = self.var
        d = {}

        def inc(key, coef):
            if key in v:
                d[v[key]] = d.get(v[key], 0.0) + coef

        def moves(kinds):
            for kind in kinds:
                inc(("take", kind, p), 1.0)
                inc(("give", kind, p), -1.0)

        sch = self.schools[part["school"]]
        s = part["school"]
        if what == "ft":
            inc(("hire_tiyi", p), 1); inc(("hire_other", p), 1)
            moves(("tiyi", "backbone", "other"))
            return part["ft"], d
        if what == "R1":
            inc(("hire_tiyi", p), 1); inc(("hire_other", p), 1); inc(("upgrade", p), 1)
            moves(("tiyi", "backbone", "other"))
            return part["ad"], d
        if what == "R2":
            inc(("recognize", p), 1)
            moves(("backbone",))
            return part["bb"], d
        if what == "R3":
            inc(("hire_tiyi", p), 1)
            moves(("tiyi",))
            return part["tiyi"], d
        sh = part["share"]
        if what == "R4":
            inc(("rooms", s), sh)
            return sh * sch["net_rooms"], d
        if what == "R5":
            inc(("ground", s), sh)
            return sh * sch["sports"], d
        if what == "R6":
            inc(("equipment", s), 100 * sh)
            return sh * sch["equipment"], d
        if what == "R7":
            inc(("multimedia", s), sh)
            return sh * sch["multimedia"], d
        raise KeyError(what)

    def value(self, p, code, x):
        c0, d = self.expr(p, code)
        r = c0 + math.fsum(coef * x[j] for j, coef in d.items())
        return PER[code] * r / self.parts[p]["P"]


def limit_bounds(m, std):
    """Finite upper bounds (HiGHS separates cuts far faster with them): no
    part is raised above twice the highest of its stage's values and its
    standard, far beyond anything a cheapest plan adds (the test checks that
    no amount reaches its bound)."""
    x0 = np.zeros(m.n)
    top = {}
    for p, part in enumerate(m.parts):
        for k in CODES:
            key = (part["stage"], k)
            top[key] = max(top.get(key, 0.0), m.value(p, k, x0), std[part["stage"]][k])
    need = {}  # (part, code) -> resource to reach 2 × top
    for p, part in enumerate(m.parts):
        for k in CODES:
            need[(p, k)] = max(0.0, 2 * top[(part["stage"], k)] * part["P"] / PER[k] - m.expr(p, k)[0])

    def cap(key, value):
        j = m.var.get(key)
        if j is not None and m.ub[j] > 0:
            m.ub[j] = min(m.ub[j], math.ceil(value) + 1)

    for p, part in enumerate(m.parts):
        cap(("hire_tiyi", p), max(need[(p, "R1")], need[(p, "R3")]))
        cap(("hire_other", p), need[(p, "R1")])
        cap(("recognize", p), need[(p, "R2")])
    for p, src in enumerate(m.parts):
        # what a part holds, plus anything it could gain (loose: the counts ≥ 0 rows bind first)
        cap(("give", "tiyi", p), src["tiyi"] + need[(p, "R3")] + need[(p, "R1")] + 1)
        cap(("give", "backbone", p), src["bb"] + src["ft"] + need[(p, "R2")] + need[(p, "R1")] + 1)
        cap(("give", "other", p), src["ft"] + need[(p, "R1")] + need[(p, "R3")] + 1)
        cap(("take", "tiyi", p), need[(p, "R3")])
        cap(("take", "backbone", p), need[(p, "R2")])
        cap(("take", "other", p), need[(p, "R1")])
    for s, sch in enumerate(m.schools):
        for key, code, unit in (("rooms", "R4", 1), ("ground", "R5", 1), ("equipment", "R6", 100), ("multimedia", "R7", 1)):
            cap((key, s), max([need[(p, code)] / m.parts[p]["share"] / unit for p in sch["parts"]] + [0]))
    m.bounded = [j for j in range(m.y0) if 0 < m.ub[j] < np.inf]


def cv_of(values, weights):
    P = sum(weights)
    mean = sum(w / P * x for x, w in zip(values, weights))
    if mean == 0:
        return math.inf
    return math.sqrt(sum(w / P * (x / mean - 1) ** 2 for x, w in zip(values, weights)))


def solve(county_path, options_path, explain=False):
    f, o, schools, parts = load(county_path, options_path)
    m = Model(o, schools, parts)
    margin = o["margin"]
    std = {st: {k: v * (1 + margin) for k, v in lim.items()} for st, lim in STANDARD.items()}
    cvlim = {st: v * (1 - margin) for st, v in CV_LIMIT.items()}
    minmet = 7 if o["all_seven"] else 6
    limit_bounds(m, std)
    groups = {}
    for p, part in enumerate(parts):
        groups.setdefault(part["stage"], []).append(p)
    rows, lo, hi = [], [], []

    def row(d, lb, ub):
        rows.append(d)
        lo.append(lb)
        hi.append(ub)

    for p, part in enumerate(parts):
        st = part["stage"]
        # the 6-of-7 + 85 % rule: resource ≥ need·(0.85 + 0.15·y) within the engine's tolerance
        for k in CODES:
            c0, d = m.expr(p, k)
            need = std[st][k] * part["P"] / PER[k] * (1 - TOL)
            d = dict(d)
            yk = m.var[("met", p, k)]
            d[yk] = d.get(yk, 0.0) - (1 - FLOOR) * need
            row(d, FLOOR * need - c0, np.inf)
        row({m.var[("met", p, k)]: 1.0 for k in CODES}, minmet, np.inf)
        # counts after the actions: above_degree, backbone, 体艺 ≥ 0; backbone ≤ full_time
        for k in ("R1", "R2", "R3"):
            c0, d = m.expr(p, k)
            row(d, -c0, np.inf)
        cb, db = m.expr(p, "R2")
        cf, df = m.expr(p, "ft")
        d = dict(df)
        for j, coef in db.items():
            d[j] = d.get(j, 0.0) - coef
        row(d, cb - cf, np.inf)
    cap = o.get("max_new_teachers")
    if cap is not None and cap >= 0:
        row({m.var[(h, p)]: 1.0 for p in range(len(parts)) for h in ("hire_tiyi", "hire_other")}, -np.inf, cap)
    for d in m.balance:
        row(d, 0, 0)
    # the plain rows (no y): counts, backbone ≤ full_time, balance, cap
    plain = [i for i, d in enumerate(rows) if all(j < m.y0 for j in d)]
    Cm = np.zeros((len(plain), m.n))
    for r, i in enumerate(plain):
        for j, coef in rows[i].items():
            Cm[r, j] = coef
    clo, chi = np.array([lo[i] for i in plain]), np.array([hi[i] for i in plain])
    # values of every part's indicators as v0 + V·x, per code
    V0 = {k: np.array([PER[k] * m.expr(p, k)[0] / parts[p]["P"] for p in range(len(parts))]) for k in CODES}
    VM = {}
    for k in CODES:
        M = np.zeros((len(parts), m.n))
        for p in range(len(parts)):
            for j, coef in m.expr(p, k)[1].items():
                M[p, j] = PER[k] * coef / parts[p]["P"]
        VM[k] = M
    stdv = {k: np.array([std[parts[p]["stage"]][k] for p in range(len(parts))]) for k in CODES}
    ub = np.array(m.ub, dtype=float)

    def rules_ok(x):
        """Bounds, plain rows and the 6-of-7 + 85 % rule of every part at x (no y)."""
        if (x < 0).any() or (x > ub).any():
            return False
        a = Cm @ x
        if (a < clo - 1e-9).any() or (a > chi + 1e-9).any():
            return False
        met = np.zeros(len(parts))
        for k in CODES:
            v, lim = V0[k] + VM[k] @ x, stdv[k]
            ok = v >= lim - TOL * np.maximum(np.abs(v), lim)
            if (~ok & (v < FLOOR * lim - TOL * np.maximum(np.abs(v), FLOOR * lim))).any():
                return False
            met += ok
        return bool((met >= minmet).all())

    def excess(x, which):
        """Σ relative excess of the coefficients named over their limits."""
        e = 0.0
        for (st, k) in which:
            ps, w = gidx[st]
            v = V0[k][ps] + VM[k][ps] @ x
            mean = w @ v
            cv = math.sqrt(w @ (v / mean - 1) ** 2) if mean > 0 else math.inf
            e += max(0.0, cv / cvlim[st] - 1 - TOL)
        return e

    gidx = {st: (np.array(ps), np.array([parts[p]["P"] for p in ps], dtype=float) / sum(parts[p]["P"] for p in ps))
            for st, ps in groups.items()}
    families = {}
    for j in range(m.y0):
        key = m.names[j]
        fam = (key[0], key[1] if key[0] in ("give", "take") else None,
               parts[key[-1]]["stage"] if key[0] not in ("rooms", "ground", "equipment", "multimedia") else None, m.cost[j])
        families.setdefault(fam, []).append(j)

    def repair(x, violated):
        """Moves one unit at a time between amounts of one kind and one price (the
        cost stays) while the broken coefficients improve and every rule holds; the
        answer keeps every coefficient, or None."""
        allcv = list(cvs(x).keys())
        x = x.copy()
        for _ in range(20):
            e = excess(x, allcv)
            if e == 0:
                return x
            best, be = None, e
            for fam in families.values():
                if len(fam) < 2 or not any(VM[k][:, fam].any() for (_, k) in violated):
                    continue
                for i in fam:
                    if x[i] < 1:
                        continue
                    for j in fam:
                        if j == i or x[j] + 1 > ub[j]:
                            continue
                        x[i] -= 1
                        x[j] += 1
                        ee = excess(x, allcv)
                        if ee < be and rules_ok(x):
                            best, be = (i, j), ee
                        x[i] += 1
                        x[j] -= 1
            if best is None:
                return None
            x[best[0]] -= 1
            x[best[1]] += 1
            violated = [key for key in allcv if excess(x, [key]) > 0]
        return None


    def cvs(x):
        out = {}
        for st, ps in groups.items():
            w = [parts[p]["P"] for p in ps]
            for k in CODES:
                out[(st, k)] = cv_of([m.value(p, k, x) for p in ps], w)
        return out

    x0 = np.zeros(m.n)
    before = cvs(x0)
    cost = np.array(m.cost, dtype=float)
    integrality = np.array(m.integral)
    bounds = Bounds(np.zeros(m.n), np.array(m.ub, dtype=float))
    tlimit = float(o.get("time_limit", 30))
    start = time.time()
    state = {"cuts": 0, "iters": 0}
    seen = {}

    def add_cut(x, st, k, shift=0.0, boundary=False):
        """The tangent plane of g at x: Σ_i w_i (X_i/‖X‖_w − sqrt(1+c²)) X_i ≤ 0 with
        X_i = per·(c0_i + a_i·v)/P_i, scaled by 1/mean so the solver's tolerance is relative.
        With boundary, the plane touches the set where the segment from x's values to
        their mean (CV 0; the CV grows linearly along it) crosses CV = c (a supporting
        hyperplane, as in the extended-supporting-hyperplane method)."""
        ps = groups[st]
        P = sum(parts[p]["P"] for p in ps)
        w = [parts[p]["P"] / P for p in ps]
        X = [m.value(p, k, x) for p in ps]
        if boundary:
            mu = sum(wi * xi for wi, xi in zip(w, X))
            t = cvlim[st] / cv_of(X, w)
            X = [mu + t * (xi - mu) for xi in X]
        norm = math.sqrt(sum(wi * xi * xi for wi, xi in zip(w, X)))
        g = math.sqrt(1 + cvlim[st] ** 2)
        mean = sum(wi * xi for wi, xi in zip(w, X))
        d, const = {}, 0.0
        for p, wi, xi in zip(ps, w, X):
            coef = wi * (xi / norm - g) * PER[k] / parts[p]["P"] / mean
            c0, dd = m.expr(p, k)
            const += coef * c0
            for j, a in dd.items():
                d[j] = d.get(j, 0.0) + coef * a
        row(d, -np.inf, -const - shift)
        state["cuts"] += 1

    def run(integral, gap):
        state["iters"] += 1
        A = lil_matrix((len(rows), m.n))
        for i, d in enumerate(rows):
            for j, coef in d.items():
                A[i, j] = coef
        left = tlimit - (time.time() - start)
        if left <= 0:
            return None
        t0 = time.time()
        res = milp(cost, integrality=integrality if integral else np.zeros(m.n), bounds=bounds,
                   constraints=LinearConstraint(A.tocsr(), np.array(lo), np.array(hi)),
                   options={"mip_rel_gap": gap, "time_limit": left, "presolve": True, "disp": DEBUG})
        if DEBUG:
            sys.stderr.write("iter %d %s gap %g rows %d status %s obj %s %.2fs\n" % (
                state["iters"], "MILP" if integral else "LP", gap, len(rows), res.status, res.fun, time.time() - t0))
        return res

    def stop(res):
        out = {"optimum": None, "iterations": state["iters"], "cuts": state["cuts"]}
        if res is not None and res.status == 2:
            out["status"] = "infeasible"
        elif res is None or res.status == 1:
            out["status"] = "time_limit"
        else:
            out["status"], out["message"] = "error", res.message
        if res is not None:
            out["bound"] = getattr(res, "mip_dual_bound", None)
        return out

    feasible_x = None
    # Phase 1: Kelley on the LP relaxation, for cheap cuts (all valid).
    last = []
    for _ in range(60):
        res = run(False, 0)
        if res is None or res.status != 0:
            return stop(res)
        now = cvs(res.x)
        violated = [key for key, v in now.items() if not v <= cvlim[key[0]] * (1 + 1e-6)]
        last.append(res.fun)
        if not violated or len(last) > 3 and last[-1] - last[-4] <= 1e-9 * abs(last[-1]):
            break
        for (st, k) in violated:
            add_cut(res.x, st, k)
            add_cut(res.x, st, k, boundary=True)
    # Phase 2: integer solutions, loosely (1e-4) until the coefficients hold,
    # then to the final gap (default 0: exact); cut whatever coefficient a
    # solution breaks. Every MILP is a relaxation of the problem, so its dual
    # bound is a lower bound of the optimum; a solution that keeps every
    # coefficient is a plan, so its cost is an upper bound.
    final_gap = float(o.get("gap", 0))
    gap = max(1e-4, final_gap)
    best_bound = -np.inf
    while True:
        res = run(True, gap)
        if res is not None and res.x is not None and res.status in (0, 1):
            best_bound = max(best_bound, getattr(res, "mip_dual_bound", None) or -np.inf)
        if res is None or res.x is None or res.status not in (0, 1):
            if feasible_x is not None and (res is None or res.status == 1):
                break  # out of time: report the best plan and the best bound
            return stop(res)
        x = np.round(res.x)
        now = cvs(x)
        violated = [(st, k) for (st, k), v in now.items() if not v <= cvlim[st] * (1 + TOL)]
        if DEBUG:
            sys.stderr.write("  violated %s\n" % ["%s/%s %.3g" % (st, k, now[(st, k)] / cvlim[st] - 1) for st, k in violated])
        if violated and max(now[key] / cvlim[key[0]] - 1 for key in violated) < 1e-5 and rules_ok(x):
            xr = repair(x, violated)
            if xr is not None:
                x, violated, now = xr, [], cvs(xr)
                state["repaired"] = state.get("repaired", 0) + 1
        if not violated:
            if feasible_x is None or cost @ x < cost @ feasible_x:
                feasible_x = x
            if gap == final_gap or res.status == 1:
                break
            gap = final_gap
            continue
        if res.status == 1 and feasible_x is not None:
            break
        key = tuple(int(v) for v in x)
        for (st, k) in violated:
            shift = 0.0
            if (key, st, k) in seen:  # the solver's tolerance let this point through again
                shift = seen[(key, st, k)] * 2 + 1e-7
            seen[(key, st, k)] = shift
            add_cut(x, st, k, shift)
            add_cut(x, st, k, boundary=True)
    x = feasible_x
    now = cvs(x)
    bound = min(best_bound, float(cost @ x))
    iters, cuts = state["iters"], state["cuts"]
    at_bound = [m.names[j] for j in m.bounded if x[j] >= m.ub[j]]
    if at_bound:
        return {"status": "error", "optimum": None, "message": "amount at its bound: %s" % at_bound}
    plan = actions(m, x, o)
    x_int = [int(v) for v in x]
    ok = verify(m, x, std, cvlim, minmet, groups, cvs)
    exact = float(cost @ x) - bound < 0.5
    out = {"status": "optimal" if exact else "feasible", "optimum": float(sum(a["cost"] for a in plan)), "objective": float(cost @ x), "bound": bound,
           "exact": bool(exact),
           "iterations": iters, "cuts": cuts, "verified": ok, "repaired": state.get("repaired", 0), "seconds": round(time.time() - start, 3),
           "cv_before": {"%s/%s" % key: round(v, 6) for key, v in before.items()},
           "cv_after": {"%s/%s" % key: round(v, 6) for key, v in now.items()},
           "cv_failing_before": sorted("%s/%s" % key for key, v in before.items() if not v <= cvlim[key[0]] * (1 + TOL)),
           "cv_binding_after": sorted("%s/%s" % key for key, v in now.items() if v > cvlim[key[0]] * (1 - 1e-3))}
    if explain:
        out["actions"] = plan
    return out


def verify(m, x, std, cvlim, minmet, groups, cvs):
    """The rules checked again on the rounded solution, as the engine would."""
    for p, part in enumerate(m.parts):
        met, low = 0, 0
        for k in CODES:
            v, lim = m.value(p, k, x), std[part["stage"]][k]
            if v >= lim - TOL * max(abs(v), lim):
                met += 1
            elif not v >= FLOOR * lim - TOL * max(abs(v), FLOOR * lim):
                low += 1
        if met < minmet or low:
            return False
        for k in ("R1", "R2", "R3"):
            if m.value(p, k, x) < 0:
                return False
    return all(v <= cvlim[st] * (1 + TOL) for (st, _), v in cvs(x).items())


def actions(m, x, o):
    c = o["costs"]
    out = []
    stage_name = lambda p: m.parts[p]["stage"]
    sid = lambda p: m.schools[m.parts[p]["school"]]["id"]
    left = [int(round(v)) for v in x]
    avail = {}
    for key, j in m.var.items():
        n = int(round(x[j]))
        if n == 0 or key[0] == "met":
            continue
        k = key[0]
        if k in ("hire_tiyi", "hire_other"):
            out.append({"kind": "hire", "school": sid(key[1]), "stage": stage_name(key[1]),
                        "subject": "pe" if k == "hire_tiyi" else "other", "count": n, "cost": n * c["hire"]})
        elif k == "upgrade":
            out.append({"kind": "upgrade_degree", "school": sid(key[1]), "stage": stage_name(key[1]), "count": n,
                        "cost": n * c["upgrade_degree"]})
        elif k == "recognize":
            out.append({"kind": "recognize_backbone", "school": sid(key[1]), "stage": stage_name(key[1]), "count": n,
                        "cost": n * c["recognize_backbone"]})
        elif k == "take":
            # pair the takers of a kind with the givers of the same stage, in order;
            # 体艺 teachers leave by the subjects the giver holds (its hires count as pe)
            _, kind, q = key
            for gkey, g in m.var.items():
                if n == 0:
                    break
                if gkey[0] != "give" or gkey[1] != kind or m.parts[gkey[2]]["stage"] != stage_name(q) or left[g] == 0:
                    continue
                t = min(n, left[g])
                left[g] -= t
                n -= t
                if kind != "tiyi":
                    out.append({"kind": "transfer", "from": sid(gkey[2]), "to": sid(q), "stage": stage_name(q),
                                "teacher": kind, "count": t, "cost": t * c["transfer"]})
                    continue
                have = avail.setdefault(gkey[2], dict(m.parts[gkey[2]]["subjects"],
                                                      pe=m.parts[gkey[2]]["subjects"]["pe"] + int(round(x[m.var[("hire_tiyi", gkey[2])]]))))
                for subject in ("pe", "music", "art"):
                    u = min(t, have[subject])
                    if u > 0:
                        have[subject] -= u
                        t -= u
                        out.append({"kind": "transfer", "from": sid(gkey[2]), "to": sid(q), "stage": stage_name(q),
                                    "teacher": subject, "count": u, "cost": u * c["transfer"]})
                if t:
                    raise RuntimeError("体艺 transfer without a teacher to move")
        elif k == "give":
            continue
        else:
            s = m.schools[key[1]]["id"]
            if k == "rooms":
                out.append({"kind": "build_rooms", "school": s, "area": n, "cost": n * c["build_rooms"]})
            elif k == "ground":
                out.append({"kind": "build_sports_ground", "school": s, "area": n, "cost": n * c["build_sports_ground"]})
            elif k == "equipment":
                out.append({"kind": "buy_equipment", "school": s, "value": 100 * n, "cost": 100 * n * c["buy_equipment"]})
            elif k == "multimedia":
                out.append({"kind": "add_multimedia_rooms", "school": s, "count": n, "cost": n * c["add_multimedia_rooms"]})
    out.sort(key=lambda a: (a.get("school") or a.get("from"), a["kind"], a.get("stage", "")))
    return out


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    explain = "--explain" in argv
    global DEBUG
    DEBUG = "--debug" in argv
    if len(args) != 2:
        sys.stderr.write(__doc__)
        return 2
    try:
        out = solve(args[0], args[1], explain)
    except Unsupported as e:
        out = {"status": "unsupported", "optimum": None, "message": str(e)}
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1 if explain else None)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
