package data

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"junheng/app/county"
	"junheng/app/format"
)

// RowStatus is how a row (a school, the county profile, a finance year of
// a school year) of the other file compares with ours.
type RowStatus string

// Row statuses of a merge plan.
const (
	RowNew          RowStatus = "新增"        // only in the other file: will be added
	RowIdentical    RowStatus = "相同"        // same values
	RowChangedHere  RowStatus = "本方已修改"     // only we changed it since the common base: kept
	RowChangedThere RowStatus = "对方已修改"     // only they changed it: their values are applied
	RowChangedBoth  RowStatus = "双方修改了不同字段" // merged field by field, no conflict
	RowConflict     RowStatus = "冲突"        // the same field changed on both sides: the clerk chooses
	RowOnlyHere     RowStatus = "对方文件中没有"   // e.g. a partial export: nothing to do
)

// RowDiff is one row of a merge plan.
type RowDiff struct {
	Year    string
	Kind    string // county, school, finance
	Key     string // school id, finance calendar year, "" for the county
	Name    string // school name, 县级数据, 2023 年度经费
	Status  RowStatus
	Applied []string // field paths that will take the other file's value
}

// Conflict is one field changed on both sides since the two files last
// met. Nothing is applied until every conflict is decided.
type Conflict struct {
	Year       string
	Kind       string
	SchoolID   string // school id, finance calendar year, "" for the county
	SchoolName string
	Field      string // path in the county file
	Label      string // Chinese name
	Ours       string
	Theirs     string
	OursBy     string // who set our value, when
	TheirsBy   string

	op mergeOp
}

// String renders the conflict as one Chinese line.
func (c Conflict) String() string {
	where, label := place(c.Kind, c.SchoolName, c.SchoolID, c.Field, c.Label)
	return fmt.Sprintf("%s 学年 %s %s：本方「%s」（%s），对方「%s」（%s）", format.Safe(c.Year), where, label,
		format.Safe(c.Ours), format.Safe(c.OursBy), format.Safe(c.Theirs), format.Safe(c.TheirsBy))
}

// MergePlan is what merging another office's file would do. Build it with
// PlanMerge, show Rows and Conflicts, then ApplyMerge with a decision for
// every conflict.
type MergePlan struct {
	Other     string
	Rows      []RowDiff
	Conflicts []Conflict
	Counts    map[RowStatus]int
	Changes   int // field values that will be taken from the other file without question

	ops    []mergeOp
	theirs *snapshot
	lines  map[[2]string][]fullLine // their audit lines of the fields the merge may set
	stamp  string                   // our file's state when planned: a later edit makes the plan stale
}

// mergeOp sets one field of one of our rows to the other file's value.
type mergeOp struct {
	year, kind, key string
	theirUUID       string
	pos             int // for a new row
	field           string
	theirs, ours    any
	// unless, when > 0, is 1 + the index of the conflict on the row's
	// existence that our deletion stands in: kept (ours), the row stays
	// deleted and their changes to it are not applied.
	unless int
}

// Empty reports whether the merge would change nothing.
func (p *MergePlan) Empty() bool { return len(p.ops) == 0 && len(p.Conflicts) == 0 }

// PlanMerge compares another data file with this one. The other file is
// inspected like any file we open (header, foreign triggers and views,
// integrity, version, its export checksum) and read through its own
// read-only connection with trusted_schema off: none of its SQL runs and it
// is never modified. Rows are matched by school year, kind and key (the
// 学校标识码), so files of offices that imported the same county
// separately also match.
//
// A file of another county (another name, or another code where both
// have one) is refused with *OtherCountyError; PlanMergeWith with
// MergeOptions.OtherCounty plans it after the clerk confirmed.
func (s *Store) PlanMerge(other string) (*MergePlan, error) {
	return s.PlanMergeWith(other, MergeOptions{})
}

// MergeOptions choose how PlanMergeWith treats the other file.
type MergeOptions struct {
	// OtherCounty confirms merging a file of another county.
	OtherCounty bool
}

// PlanMergeWith is PlanMerge with options.
func (s *Store) PlanMergeWith(other string, o MergeOptions) (*MergePlan, error) {
	if err := s.opened(); err != nil {
		return nil, err
	}
	r, err := openReading(other) // the same inspection as Open; never writes to other
	if err != nil {
		return nil, err
	}
	defer r.close()
	// A file of the previous releases (schema 2: no provenance columns;
	// schema 3: no attachments) is read as it is; older ones must be
	// upgraded first.
	if r.info.schema < 2 || r.info.schema > SchemaVersion {
		return nil, fileErr(other, ErrNewer, "的数据格式为第 %d 版，本程序为第 %d 版。请先用本程序单独打开它一次以升级，再合并。", r.info.schema, SchemaVersion)
	}
	odb := r.db
	if err := verifyManifest(odb, other); err != nil {
		return nil, err
	}
	if err := (&Store{path: other, db: odb, readOnly: true}).refuseFaulty("合并"); err != nil {
		return nil, err
	}
	if err := s.refuseFaulty("合并"); err != nil {
		return nil, err
	}
	theirs, err := readSnapshot(odb)
	if err != nil {
		return nil, sqlFileErr(other, err)
	}
	ours, err := readSnapshot(s.db)
	if err != nil {
		return nil, dbErr(err)
	}
	if !o.OtherCounty {
		if err := sameCounty(s.db, odb, other); err != nil {
			return nil, err
		}
	}
	// Values are needed only where the digests differ (or a row is new),
	// lineage only where the values differ.
	var ourLoad, theirLoad []*entRow
	for k, t := range theirs.byKey {
		o := ours.byKey[k]
		switch {
		case o == nil:
			theirLoad = append(theirLoad, t)
		case !sameDigest(o, t):
			ourLoad, theirLoad = append(ourLoad, o), append(theirLoad, t)
		}
	}
	if err := ours.loadValues(s.db, ourLoad); err != nil {
		return nil, dbErr(err)
	}
	if err := theirs.loadValues(odb, theirLoad); err != nil {
		return nil, sqlFileErr(other, err)
	}
	ourPairs, theirPairs := map[[2]string]bool{}, map[[2]string]bool{}
	for k, t := range theirs.byKey {
		o := ours.byKey[k]
		if o == nil || sameDigest(o, t) {
			continue
		}
		for f, v := range t.vals {
			if !sameValue(v, o.vals[f]) {
				ourPairs[[2]string{o.uuid, f}], theirPairs[[2]string{t.uuid, f}] = true, true
			}
		}
		for f, v := range o.vals {
			if _, ok := t.vals[f]; !ok && v != nil {
				ourPairs[[2]string{o.uuid, f}], theirPairs[[2]string{t.uuid, f}] = true, true
			}
		}
	}
	if err := ours.loadLineage(s.db, ourPairs); err != nil {
		return nil, dbErr(err)
	}
	if err := theirs.loadLineage(odb, theirPairs); err != nil {
		return nil, sqlFileErr(other, err)
	}
	plan := &MergePlan{Other: other, theirs: theirs, Counts: map[RowStatus]int{}}
	if plan.stamp, err = s.stamp(); err != nil {
		return nil, err
	}
	classify(plan, ours, theirs)
	pairs := map[[2]string]bool{}
	for _, op := range plan.ops {
		pairs[[2]string{op.theirUUID, op.field}] = true
	}
	for _, c := range plan.Conflicts {
		pairs[[2]string{c.op.theirUUID, c.op.field}] = true
	}
	if plan.lines, err = readLines(odb, pairs); err != nil {
		return nil, sqlFileErr(other, err)
	}
	// A conflicting value the other file itself merged from a third is
	// credited to who first entered it, not to their clerk who merged it.
	// Our side likewise: a value we merged is credited to who entered it.
	ourConflicts := map[[2]string]bool{}
	for _, c := range plan.Conflicts {
		if o := ours.byKey[yearKey{c.op.year, c.op.kind, c.op.key}]; o != nil {
			ourConflicts[[2]string{o.uuid, c.op.field}] = true
		}
	}
	ourLines, err := readLines(s.db, ourConflicts)
	if err != nil {
		return nil, dbErr(err)
	}
	for i := range plan.Conflicts {
		c := &plan.Conflicts[i]
		if c.op.field == deletedField && !theirs.byUUID[c.op.theirUUID].deleted() {
			continue // credited to who last changed the row (classify)
		}
		rev := theirs.byUUID[c.op.theirUUID].revs[c.op.field]
		for _, l := range plan.lines[[2]string{c.op.theirUUID, c.op.field}] {
			if o, ok := l.origin.(string); ok && o != "" && l.rev == rev {
				c.TheirsBy = theirs.by(o) + "，经 " + theirs.by(rev) + " 合并"
			}
		}
		o := ours.byKey[yearKey{c.op.year, c.op.kind, c.op.key}]
		if o == nil || c.op.field == deletedField && !o.deleted() {
			continue
		}
		for _, l := range ourLines[[2]string{o.uuid, c.op.field}] {
			if origin, ok := l.origin.(string); ok && origin != "" && l.rev == o.revs[c.op.field] {
				if _, known := ours.commits[origin]; known {
					c.OursBy = ours.by(origin) + "，经 " + ours.by(l.rev) + " 合并"
				}
			}
		}
	}
	return plan, nil
}

// stamp identifies the current state of our file.
func (s *Store) stamp() (string, error) {
	var n int
	var last sql.NullString
	if err := s.db.QueryRow(`SELECT count(*), max(at) FROM commit_log`).Scan(&n, &last); err != nil {
		return "", dbErr(err)
	}
	return fmt.Sprintf("%d/%s", n, last.String), nil
}

// side of a field change since the common base.
type side int

const (
	same side = iota
	here
	there
	both
)

// fieldSide decides who changed a field (see the package doc).
func fieldSide(ours, theirs *snapshot, o, t *entRow, f string) side {
	ov, tv := o.vals[f], t.vals[f]
	if sameValue(ov, tv) {
		return same
	}
	orv, trv := o.revs[f], t.revs[f]
	weSawTheirs := trv == "" || ours.hasSeen(o.uuid, f, trv)
	theySawOurs := orv == "" || theirs.hasSeen(t.uuid, f, orv)
	switch {
	case weSawTheirs && !theySawOurs:
		return here
	case theySawOurs && !weSawTheirs:
		return there
	}
	return both
}

func classify(plan *MergePlan, ours, theirs *snapshot) {
	keys := make([]yearKey, 0, len(theirs.byKey))
	for k := range theirs.byKey {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b yearKey) int {
		if c := strings.Compare(a.year, b.year); c != 0 {
			return c
		}
		ta, tb := theirs.byKey[a], theirs.byKey[b]
		if c := strings.Compare(a.kind, b.kind); c != 0 {
			return c
		}
		if ta.pos != tb.pos {
			return ta.pos - tb.pos
		}
		return strings.Compare(a.key, b.key)
	})
	nextPos := map[[2]string]int{}
	for _, e := range ours.byUUID {
		k := [2]string{e.year, e.kind}
		if e.pos >= nextPos[k] {
			nextPos[k] = e.pos + 1
		}
	}
	for _, k := range keys {
		t := theirs.byKey[k]
		o := ours.byKey[k]
		row := RowDiff{Year: k.year, Kind: k.kind, Key: k.key, Name: rowName(t)}
		if o == nil {
			if t.deleted() {
				continue // deleted there, never here: nothing to say
			}
			row.Status = RowNew
			pk := [2]string{k.year, k.kind}
			pos := nextPos[pk]
			nextPos[pk]++
			for _, f := range sortedFields(t.vals) {
				if t.vals[f] == nil {
					continue
				}
				plan.ops = append(plan.ops, mergeOp{year: k.year, kind: k.kind, key: k.key, theirUUID: t.uuid, pos: pos, field: f, theirs: t.vals[f]})
				row.Applied = append(row.Applied, displayPath(k.kind, f))
			}
			plan.Changes += len(row.Applied)
			plan.Rows = append(plan.Rows, row)
			plan.Counts[row.Status]++
			continue
		}
		if sameDigest(o, t) {
			row.Status = RowIdentical
			plan.Rows = append(plan.Rows, row)
			plan.Counts[row.Status]++
			continue
		}
		union := map[string]bool{}
		for f := range o.vals {
			union[f] = true
		}
		for f := range t.vals {
			union[f] = true
		}
		sides := map[string]side{}
		var nHere, nThere, nBoth int
		for f := range union {
			sd := fieldSide(ours, theirs, o, t, f)
			if sd == both && k.kind == kindEvidence && (f == evAddedAt || f == evAddedBy) {
				// The same file attached to the same item in both offices
				// is one attachment (issue 15): when and by whom each
				// office attached it is bookkeeping, not a value the clerk
				// must choose; ours stays.
				sd = here
			}
			sides[f] = sd
			switch sd {
			case here:
				nHere++
			case there:
				nThere++
			case both:
				nBoth++
			}
		}
		// Deleting a row on one side while the other edited it is a
		// conflict on the row's existence, never a silent loss.
		if sd := sides[deletedField]; sd == there && nHere > 0 && t.deleted() || sd == here && nThere > 0 && o.deleted() {
			sides[deletedField] = both
			nBoth++
		}
		opsFrom, existence := len(plan.ops), -1
		for _, f := range sortedFields(union) {
			op := mergeOp{year: k.year, kind: k.kind, key: k.key, theirUUID: t.uuid, field: f, theirs: t.vals[f], ours: o.vals[f]}
			switch sides[f] {
			case there:
				plan.ops = append(plan.ops, op)
				row.Applied = append(row.Applied, displayPath(k.kind, f))
			case both:
				path := displayPath(k.kind, f)
				c := Conflict{Year: k.year, Kind: k.kind, SchoolID: k.key, SchoolName: rowName(o), Field: path,
					Label: fieldLabel(k.kind, f), Ours: display(f, o.vals[f]), Theirs: display(f, t.vals[f]),
					OursBy: ours.by(o.revs[f]), TheirsBy: theirs.by(t.revs[f]), op: op}
				if f == deletedField {
					c.Label = "删除" + map[string]string{kindSchool: "该学校", kindFinance: "该年度经费数据", kindEvidence: "该佐证材料"}[k.kind]
					c.Ours, c.Theirs = existenceWordOf(o), existenceWordOf(t)
					// The side that kept the row has no tombstone: credit
					// who last changed it.
					if !o.deleted() {
						c.OursBy = ours.lastBy(o)
					}
					if !t.deleted() {
						c.TheirsBy = theirs.lastBy(t)
					}
					existence = len(plan.Conflicts)
				}
				plan.Conflicts = append(plan.Conflicts, c)
			}
		}
		if existence >= 0 && o.deleted() {
			for i := opsFrom; i < len(plan.ops); i++ {
				plan.ops[i].unless = existence + 1
			}
		}
		plan.Changes += len(row.Applied)
		switch {
		case nBoth > 0:
			row.Status = RowConflict
		case nHere > 0 && nThere > 0:
			row.Status = RowChangedBoth
		case nHere > 0:
			row.Status = RowChangedHere
		case nThere > 0:
			row.Status = RowChangedThere
		default:
			row.Status = RowIdentical
		}
		plan.Rows = append(plan.Rows, row)
		plan.Counts[row.Status]++
	}
	for k := range ours.byKey {
		if theirs.byKey[k] == nil {
			plan.Counts[RowOnlyHere]++
		}
	}
}

func existenceWordOf(e *entRow) string {
	if e.deleted() {
		return "已删除"
	}
	return "保留并有修改"
}

func sortedFields[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for f := range m {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

func rowName(e *entRow) string {
	switch e.kind {
	case kindCounty:
		return "县级数据"
	case kindFinance:
		return e.key + " 年度经费"
	case kindChecklist:
		return e.key + " 佐证材料清单"
	case kindEvidence:
		if title, ok := e.vals[evTitle].(string); ok && title != "" {
			return title
		}
	}
	if name, ok := e.vals["name"].(string); ok {
		return name
	}
	return e.name
}

// sameDigest reports whether two rows surely hold the same values.
func sameDigest(o, t *entRow) bool { return o.digest != "" && o.digest == t.digest }

// by says who set a revision and when.
func (sn *snapshot) by(rev string) string {
	c, ok := sn.commits[rev]
	if !ok {
		return "未知"
	}
	t, _ := time.Parse(time.RFC3339Nano, c.at)
	who := c.user
	if c.office != "" {
		who = c.office + " " + who
	}
	how := ""
	if SourceKind(c.kind) == SourceImported && c.source != "" {
		how = " 导入「" + c.source + "」"
	}
	return who + " " + t.Local().Format("2006-01-02 15:04") + how
}

// lastBy says who last changed a row and when: the side of a conflict on
// a row's existence that kept it has no tombstone of its own to credit.
func (sn *snapshot) lastBy(e *entRow) string {
	last, at := "", ""
	for _, rev := range e.revs {
		if c, ok := sn.commits[rev]; ok && c.at > at {
			last, at = rev, c.at
		}
	}
	return sn.by(last)
}

// testHookMergeOp lets tests fail a merge after some of its writes.
var testHookMergeOp func(i int) error

// ApplyMerge applies a plan in one transaction: every change of the other
// file that does not conflict, and for each conflict the side chosen in
// takeTheirs (one entry per plan.Conflicts, true = the other file's value).
// It refuses to apply anything while a conflict is undecided, or when our
// file changed since the plan. A backup is taken first. The merged years
// are validated; a problem rolls the whole merge back.
func (s *Store) ApplyMerge(plan *MergePlan, takeTheirs []bool) error {
	if err := s.writable(); err != nil {
		return err
	}
	if len(takeTheirs) != len(plan.Conflicts) {
		return fmt.Errorf("有 %d 处冲突，但只选择了 %d 处：每处冲突都要选择保留本方还是采用对方，未合并任何内容", len(plan.Conflicts), len(takeTheirs))
	}
	if plan.Empty() {
		return nil
	}
	if st, err := s.stamp(); err != nil {
		return err
	} else if st != plan.stamp {
		return errors.New("比较之后本文件又有修改，请重新比较后再合并；未合并任何内容")
	}
	if _, err := s.autoBackup("合并前"); err != nil {
		return fmt.Errorf("合并前备份失败，未合并：%w", err)
	}
	src := Provenance{Kind: SourceMerged, File: plan.Other}
	return s.update("merge", "合并「"+baseName(plan.Other)+"」", src, func(t *txn) error {
		m := &merger{t: t, theirs: plan.theirs, linesBy: plan.lines, states: map[string]*yearState{}, before: map[string]*county.File{}}
		if err := m.prepare(); err != nil {
			return err
		}
		for i, op := range plan.ops {
			if testHookMergeOp != nil {
				if err := testHookMergeOp(i); err != nil {
					return err
				}
			}
			// Our deletion kept: the row takes none of their changes, seen
			// and declined like a conflict decided for us (no history line).
			take := op.unless == 0 || takeTheirs[op.unless-1]
			if err := m.apply(op, take); err != nil {
				return err
			}
		}
		for i, c := range plan.Conflicts {
			if err := m.apply(c.op, takeTheirs[i]); err != nil {
				return err
			}
		}
		if err := m.validate(); err != nil {
			return err
		}
		if err := m.copyBlobs(plan.Other); err != nil {
			return err
		}
		return t.dropUnusedBlobs()
	})
}

type merger struct {
	t          *txn
	theirs     *snapshot
	states     map[string]*yearState
	before     map[string]*county.File
	linesBy    map[[2]string][]fullLine // their audit lines of the fields to set
	copyLine   *sql.Stmt
	copyCommit *sql.Stmt
}

func (m *merger) prepare() error {
	var err error
	if m.copyLine, err = m.t.tx.Prepare(`INSERT OR IGNORE INTO change(entity, field, rev, old, new, origin, lineage) VALUES (?, ?, ?, ?, ?, ?, 1)`); err != nil {
		return dbErr(err)
	}
	if m.copyCommit, err = m.t.tx.Prepare(`INSERT OR IGNORE INTO commit_log(id, at, office, user, host, action, note, kind, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
		return dbErr(err)
	}
	return nil
}

// state loads a year once, remembering it as it was before the merge.
func (m *merger) state(year string) (*yearState, error) {
	if st := m.states[year]; st != nil {
		return st, nil
	}
	st, _, err := loadState(m.t.tx, year)
	if err != nil {
		return nil, dbErr(err)
	}
	f, err := st.file()
	if err != nil {
		return nil, err
	}
	if err := m.t.ensureYear(year); err != nil {
		return nil, err
	}
	m.states[year], m.before[year] = st, f
	return st, nil
}

// apply sets one field to their value (or keeps ours, for a conflict
// decided for us), after copying their lineage of the field so that the
// next merge of the same files knows both sides have seen it.
func (m *merger) apply(op mergeOp, takeTheirs bool) error {
	st, err := m.state(op.year)
	if err != nil {
		return err
	}
	e := st.ents[entKey{op.kind, op.key}]
	if e == nil {
		id := op.theirUUID
		var n int
		if err := m.t.tx.QueryRow(`SELECT count(*) FROM entity WHERE uuid = ?`, id).Scan(&n); err != nil {
			return dbErr(err)
		}
		if n > 0 {
			id = newID()
		}
		if _, err := m.t.tx.Exec(`INSERT INTO entity(uuid, year, kind, key, pos, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			id, op.year, op.kind, op.key, op.pos, m.t.at, m.t.who); err != nil {
			return dbErr(err)
		}
		e = &entRow{uuid: id, year: op.year, kind: op.kind, key: op.key, pos: op.pos, vals: fields{}, revs: map[string]string{}}
		st.ents[entKey{op.kind, op.key}] = e
	}
	// Their lineage of the field, kept only for the next merge's
	// bookkeeping (lineage = 1): it is their history, not a change of
	// this file, and the history does not list it.
	theirRev := ""
	if te := m.theirs.byUUID[op.theirUUID]; te != nil {
		theirRev = te.revs[op.field]
	}
	origin := theirRev
	for _, l := range m.linesBy[[2]string{op.theirUUID, op.field}] {
		if err := m.copyCommitRow(l.rev); err != nil {
			return err
		}
		res, err := m.copyLine.Exec(e.uuid, op.field, l.rev, l.old, l.new, l.origin)
		if err != nil {
			return dbErr(err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			m.t.changed++
		}
		if l.rev == theirRev {
			if o, ok := l.origin.(string); ok && o != "" {
				origin = o // their value was itself merged: credit who first entered it
			}
		}
	}
	if !takeTheirs {
		return m.t.decide(e, op.field) // ours is kept: no value of this file changes
	}
	var originArg any
	if origin != "" {
		if err := m.copyCommitRow(origin); err != nil {
			return err
		}
		originArg = origin
	}
	return m.t.record(e, op.field, op.theirs, e.vals[op.field], originArg)
}

// copyCommitRow copies one of their commits into our commit_log (once).
func (m *merger) copyCommitRow(rev string) error {
	c, ok := m.theirs.commits[rev]
	if !ok {
		return nil
	}
	_, err := m.copyCommit.Exec(c.id, c.at, c.office, c.user, c.host, c.action, c.note, c.kind, c.source)
	return dbErr(err)
}

// validate checks every merged year with county.Validate: a merge may not
// introduce a problem (say, more certified teachers than teachers once one
// side's count and the other side's total meet).
func (m *merger) validate() error {
	for year, st := range m.states {
		after, err := st.file()
		if err != nil {
			return err
		}
		if err := checkScale(len(after.Schools)); err != nil {
			return fmt.Errorf("合并后 %s 学年：%w", year, err)
		}
		if err := checkChange(m.before[year], after); err != nil {
			var ps county.Problems
			if errors.As(err, &ps) {
				return &MergeInvalidError{Year: year, Problems: ps}
			}
			return err
		}
	}
	return nil
}

// MergeInvalidError says the merged data would not pass validation; the
// merge was rolled back.
type MergeInvalidError struct {
	Year     string
	Problems county.Problems
}

func (e *MergeInvalidError) Error() string {
	return fmt.Sprintf("合并后 %s 学年的数据有问题，已撤销本次合并（文件保持原样）：\n%s", e.Year, e.Problems.Error())
}

// What names the row in Chinese: 学校「…」（id）, 县级数据, 2023 年度经费,
// 佐证材料「题名」（G3，学校 id）, G8 佐证材料清单.
func (r RowDiff) What() string {
	where, _ := place(r.Kind, r.Name, r.Key, "", "")
	return where
}

// AppliedNames are the Chinese names of the fields Applied lists.
func (r RowDiff) AppliedNames() []string {
	out := make([]string, len(r.Applied))
	for i, path := range r.Applied {
		field := path
		switch r.Kind {
		case kindCounty:
			field = strings.TrimPrefix(path, "county.")
		case kindFinance:
			field = strings.TrimPrefix(path, "county.finance.")
		case kindEvidence, kindChecklist:
			field = strings.TrimPrefix(path, "evidence.")
		}
		l := fieldLabel(r.Kind, field)
		switch {
		case strings.HasSuffix(field, deletedField):
			l = "删除"
		case l == "":
			l = format.Safe(path)
		}
		out[i] = l
	}
	return out
}

// Where names the row of the conflict as RowDiff.What does.
func (c Conflict) Where() string {
	where, _ := place(c.Kind, c.SchoolName, c.SchoolID, "", "")
	return where
}
