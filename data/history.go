package data

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"junheng/app/county"
	"junheng/app/evidence"
	"junheng/app/format"
)

// Change is one line of the audit trail: a value of a school, of the
// county profile or of a finance row changed from Old to New.
type Change struct {
	When   time.Time
	Office string
	User   string
	Host   string
	Action string // save, delete, import, copy, merge (stored words; show ActionLabel)
	Note   string
	// Provenance: how the value reached this file. ActionLabel is the
	// Chinese word (录入, 导入, 合并, 复制学年, 删除, 恢复); File the file
	// imported or merged from; First, for a merged value, who entered it
	// first in the other office (Office and User adopted it).
	ActionLabel string
	Source      SourceKind
	File        string
	First       *Author
	// Deleted is set for the deletion of a school or finance row (Field is
	// then "", Label 学校已删除…, Old/New 在册/已删除); Restored for its return.
	Deleted, Restored bool
	Year              string
	Kind              string // county, school, finance
	SchoolID          string // the school's id, the finance calendar year, "" for the county
	SchoolName        string // the school's current name ("" for county rows)
	Field             string // path in the county file: students.primary, county.gov.G8.teacher_avg_pay, county.finance.students; "" for a deletion
	Label             string // Chinese name of the field, "" when unknown
	Old, New          string // as shown to the clerk; 未填报 for an empty value
}

// Filter chooses the changes History lists; empty fields match all.
type Filter struct {
	Year     string
	SchoolID string // a school's id; "county" for county facts and finance rows
	Field    string // a field path as in Change.Field, or a prefix ending in "." (teachers.)
	Limit    int    // 0 = no limit
}

// History lists the changes matching the filter, newest first. Inspectors
// ask "who changed this number?": every write, import, copy and merge is
// here, including the changes another office made before a merge.
func (s *Store) History(f Filter) ([]Change, error) {
	if err := s.opened(); err != nil {
		return nil, err
	}
	// Lines copied from another file only as a merge's lineage are not
	// changes of this file (the merge's own line records the adoption).
	q := `SELECT c.at, c.office, c.user, c.host, c.action, c.note, c.kind, c.source, e.year, e.kind, e.key,
		coalesce((SELECT n.val FROM value n WHERE n.entity = e.uuid AND n.field = 'name'), ''),
		ch.field, ch.old, ch.new, o.at, o.office, o.user, o.kind, o.source
		FROM change ch JOIN entity e ON e.uuid = ch.entity JOIN commit_log c ON c.id = ch.rev
		LEFT JOIN commit_log o ON o.id = ch.origin
		WHERE ch.lineage = 0`
	var args []any
	if f.Year != "" {
		q += ` AND e.year = ?`
		args = append(args, f.Year)
	}
	switch f.SchoolID {
	case "":
	case "county":
		q += ` AND e.kind IN ('county', 'finance')`
	default: // the school's values and its attachments
		q += ` AND ((e.kind = 'school' AND e.key = ?) OR (e.kind = 'evidence' AND EXISTS
			(SELECT 1 FROM value sv WHERE sv.entity = e.uuid AND sv.field = 'school' AND sv.val = ?)))`
		args = append(args, f.SchoolID, f.SchoolID)
	}
	q += ` ORDER BY c.at DESC, ch.field`
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, dbErr(err)
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var (
			c                 Change
			at, name, kind    string
			field             string
			old, new          any
			oAt, oOffice, oBy sql.NullString
			oKind, oSource    sql.NullString
		)
		if err := rows.Scan(&at, &c.Office, &c.User, &c.Host, &c.Action, &c.Note, &kind, &c.File, &c.Year, &c.Kind, &c.SchoolID,
			&name, &field, &old, &new, &oAt, &oOffice, &oBy, &oKind, &oSource); err != nil {
			return nil, dbErr(err)
		}
		c.When, _ = time.Parse(time.RFC3339Nano, at)
		c.Source = SourceKind(kind)
		if c.Source == "" {
			c.Source = kindOf(c.Action)
		}
		c.ActionLabel = ActionLabel(c.Action)
		if oAt.Valid {
			w, _ := time.Parse(time.RFC3339Nano, oAt.String)
			c.First = &Author{Office: oOffice.String, User: oBy.String, When: w, Source: SourceKind(oKind.String), File: oSource.String}
		}
		if c.Kind == kindSchool || c.Kind == kindEvidence {
			c.SchoolName = name
		}
		if field == deletedField {
			if f.Field != "" {
				continue
			}
			c.Old, c.New = existenceWord(normalize(old)), existenceWord(normalize(new))
			c.Deleted = normalize(new) == int64(1)
			c.Restored = !c.Deleted
			what := map[string]string{kindSchool: "学校", kindFinance: "该年度经费数据", kindEvidence: "佐证材料"}[c.Kind]
			if c.Deleted {
				c.Label, c.ActionLabel = what+"已删除", "删除"
			} else {
				c.Label, c.ActionLabel = what+"已恢复", "恢复"
			}
			out = append(out, c)
			if f.Limit > 0 && len(out) >= f.Limit {
				break
			}
			continue
		}
		c.Field = displayPath(c.Kind, field)
		if f.Field != "" && c.Field != f.Field && !(strings.HasSuffix(f.Field, ".") && strings.HasPrefix(c.Field, f.Field)) {
			continue
		}
		c.Label = fieldLabel(c.Kind, field)
		if markerFields[field] && c.Kind != kindEvidence && c.Kind != kindChecklist {
			c.Label = groupLabel(c.Field, c.Label)
		}
		c.Old, c.New = display(field, normalize(old)), display(field, normalize(new))
		out = append(out, c)
		if f.Limit > 0 && len(out) >= f.Limit {
			break
		}
	}
	return out, rows.Err()
}

// groupLabels name the presence markers of groups of fields that are not
// an indicator's.
var groupLabels = map[string]string{
	"teachers.primary": "小学教师数据", "teachers.junior": "初中教师数据", "staff": "教职工数据",
	"county.application": "申报信息", "county.survey_conduct": "满意度调查实施情况", "county.planning": "达标规划设置",
}

// groupLabel names the presence marker of a group of fields (a stage's
// teachers, an indicator's county data), which the catalogue does not
// list: in Chinese, an indicator by its code (G2.1 指标数据).
func groupLabel(path, label string) string {
	if l, ok := groupLabels[path]; ok {
		return l
	}
	for _, prefix := range []string{"county.gov.", "county.quality."} {
		if code, ok := strings.CutPrefix(path, prefix); ok && label == "" {
			label = code
		}
	}
	if label == "" {
		label = lastSeg(path)
	}
	return label + " 指标数据"
}

// existenceWord shows the tombstone of a row: 已删除 or 在册.
func existenceWord(v any) string {
	if v == int64(1) {
		return "已删除"
	}
	return "在册"
}

// displayPath turns a stored field into its path in the county file (an
// attachment's and a checklist's, which the county file does not hold,
// under evidence.).
func displayPath(kind, field string) string {
	switch kind {
	case kindCounty:
		return "county." + field
	case kindFinance:
		return "county.finance." + field
	case kindEvidence, kindChecklist:
		return "evidence." + field
	}
	return field
}

// fieldLabel names a stored field of a row of kind in Chinese.
func fieldLabel(kind, field string) string {
	if kind == kindEvidence || kind == kindChecklist {
		return evidenceLabels[field]
	}
	return county.FieldLabel(displayPath(kind, field))
}

// String renders a change as one Chinese line: when, who, how (录入,
// 导入「file」, 合并「file」 with who first entered the value, 删除),
// where, which field (its Chinese name) and the values.
func (c Change) String() string {
	when := c.When.Local().Format("2006-01-02 15:04:05")
	how := c.How()
	if c.Deleted || c.Restored {
		where, _ := place(c.Kind, c.SchoolName, c.SchoolID, "", "")
		return fmt.Sprintf("%s  %s  %s  %s 学年 %s", when, who(c.Office, c.User), how, format.Safe(c.Year), where)
	}
	where, label := place(c.Kind, c.SchoolName, c.SchoolID, c.Field, c.Label)
	return fmt.Sprintf("%s  %s  %s  %s 学年 %s %s：%s → %s", when, who(c.Office, c.User), how, format.Safe(c.Year), where, label,
		format.Safe(c.Old), format.Safe(c.New))
}

// How words where the change came from: 录入; 导入「file」; 合并「file」
// （原由 office user 于 time 录入）; 删除.
func (c Change) How() string {
	how := c.ActionLabel
	if how == "" {
		how = ActionLabel(c.Action)
	}
	if c.File != "" && (c.Source == SourceImported || c.Source == SourceMerged) {
		how += "「" + format.Safe(c.File) + "」"
	}
	if c.First != nil {
		how += fmt.Sprintf("（原由 %s 于 %s %s，%s 采用）", who(c.First.Office, c.First.User),
			c.First.When.Local().Format("2006-01-02 15:04"), c.First.How(), who(c.Office, c.User))
	}
	return how
}

// who names a clerk for a line shown to the clerk: office and user as
// stored (from any file), made safe to print.
func who(office, user string) string {
	if office == "" {
		return format.Safe(user)
	}
	return format.Safe(office) + " " + format.Safe(user)
}

// place words where a value lives (县级数据, a school, a funding year) and
// its field, for history lines and merge conflicts alike.
func place(kind, schoolName, key, field, fieldLabel string) (where, label string) {
	schoolName, key, field = format.Safe(schoolName), format.Safe(key), format.Safe(field)
	where = "县级数据"
	switch kind {
	case kindSchool:
		where = fmt.Sprintf("学校「%s」（%s）", schoolName, key)
	case kindFinance:
		where = key + " 年度经费"
	case kindEvidence:
		where = "佐证材料「" + schoolName + "」"
		if item, school, _, ok := evidence.SplitKey(key); ok {
			where += "（" + item
			if school != "" {
				where += "，学校 " + school
			}
			where += "）"
		}
	case kindChecklist:
		where = key + " 佐证材料清单"
	}
	label = field
	switch {
	case strings.HasSuffix(field, deletedField):
		label = fieldLabel // a row's existence: never the raw tombstone
	case fieldLabel != "":
		label = fieldLabel + "（" + field + "）"
	}
	return where, label
}
