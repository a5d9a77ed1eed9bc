package data

import (
	"fmt"
	"strings"
	"time"

	"junheng/app/county"
)

// Change is one line of the audit trail: a value of a school, of the
// county profile or of a finance row changed from Old to New.
type Change struct {
	When       time.Time
	Office     string
	User       string
	Host       string
	Action     string // save, delete, import, copy, merge
	Note       string
	Year       string
	Kind       string // county, school, finance
	SchoolID   string // the school's id, the finance calendar year, "" for the county
	SchoolName string // the school's current name ("" for county rows)
	Field      string // path in the county file: students.primary, county.gov.G8.teacher_avg_pay, county.finance.students
	Label      string // Chinese name of the field, "" when unknown
	Old, New   string // as shown to the clerk; 未填报 for an empty value
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
	q := `SELECT c.at, c.office, c.user, c.host, c.action, c.note, e.year, e.kind, e.key,
		coalesce((SELECT n.val FROM value n WHERE n.entity = e.uuid AND n.field = 'name'), ''),
		ch.field, ch.old, ch.new
		FROM change ch JOIN entity e ON e.uuid = ch.entity JOIN commit_log c ON c.id = ch.rev WHERE 1`
	var args []any
	if f.Year != "" {
		q += ` AND e.year = ?`
		args = append(args, f.Year)
	}
	switch f.SchoolID {
	case "":
	case "county":
		q += ` AND e.kind IN ('county', 'finance')`
	default:
		q += ` AND e.kind = 'school' AND e.key = ?`
		args = append(args, f.SchoolID)
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
			c        Change
			at, name string
			field    string
			old, new any
		)
		if err := rows.Scan(&at, &c.Office, &c.User, &c.Host, &c.Action, &c.Note, &c.Year, &c.Kind, &c.SchoolID,
			&name, &field, &old, &new); err != nil {
			return nil, dbErr(err)
		}
		c.When, _ = time.Parse(time.RFC3339Nano, at)
		if c.Kind == kindSchool {
			c.SchoolName = name
		}
		c.Field = displayPath(c.Kind, field)
		if f.Field != "" && c.Field != f.Field && !(strings.HasSuffix(f.Field, ".") && strings.HasPrefix(c.Field, f.Field)) {
			continue
		}
		c.Label = county.FieldLabel(c.Field)
		if field == deletedField {
			c.Label = map[string]string{kindSchool: "学校已删除", kindFinance: "该年度经费数据已删除"}[c.Kind]
		}
		c.Old, c.New = display(field, normalize(old)), display(field, normalize(new))
		out = append(out, c)
		if f.Limit > 0 && len(out) >= f.Limit {
			break
		}
	}
	return out, rows.Err()
}

// displayPath turns a stored field into its path in the county file.
func displayPath(kind, field string) string {
	switch kind {
	case kindCounty:
		return "county." + field
	case kindFinance:
		return "county.finance." + field
	}
	return field
}

// String renders a change as one Chinese line.
func (c Change) String() string {
	who := c.User
	if c.Office != "" {
		who = c.Office + " " + who
	}
	where, label := place(c.Kind, c.SchoolName, c.SchoolID, c.Field, c.Label)
	return fmt.Sprintf("%s  %s  %s 学年 %s %s：%s → %s", c.When.Local().Format("2006-01-02 15:04:05"), who, c.Year, where, label, c.Old, c.New)
}

// place words where a value lives (县级数据, a school, a funding year) and
// its field, for history lines and merge conflicts alike.
func place(kind, schoolName, key, field, fieldLabel string) (where, label string) {
	where = "县级数据"
	switch kind {
	case kindSchool:
		where = fmt.Sprintf("学校「%s」（%s）", schoolName, key)
	case kindFinance:
		where = key + " 年度经费"
	}
	label = field
	if fieldLabel != "" {
		label = fieldLabel + "（" + field + "）"
	}
	return where, label
}
