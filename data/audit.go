package data

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"strings"

	"junheng/app/county"
	"junheng/app/format"
)

// restoreHint is what every finding of Audit tells the clerk to do.
const restoreHint = "请从「" + SideFolderName + "」文件夹恢复最近一份完好的备份（先用 junheng-cli check 检查它），或请发来文件的单位重新导出。"

// Audit is what check runs beyond the open's inspection: every
// attachment's bytes against their SHA-256, the change log against the
// values it explains, every stored field and value against the catalogue,
// a hot journal and a stale or unreadable lock note beside the file. Each
// finding is one Chinese sentence naming what is wrong and what to do; none
// means the file is sound. An error is a failure to read, not a finding.
func (s *Store) Audit() ([]string, error) {
	if err := s.opened(); err != nil {
		return nil, err
	}
	return s.run(s.auditBeside, s.auditBlobs, s.auditLog, s.auditValues)
}

// contentFaults is Audit without what lies beside the file: the faults of
// the data itself, which export and merge refuse to pass on.
func (s *Store) contentFaults() ([]string, error) {
	return s.run(s.auditBlobs, s.auditLog, s.auditValues)
}

func (s *Store) run(steps ...func() ([]string, error)) ([]string, error) {
	var out []string
	for _, step := range steps {
		found, err := step()
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
	}
	return out, nil
}

// refuseFaulty returns an error naming the first fault check would find
// in the file's data, nil if none: what (导出, 合并) is not done.
func (s *Store) refuseFaulty(what string) error {
	found, err := s.contentFaults()
	if err != nil || len(found) == 0 {
		return err
	}
	return &FileError{Path: s.path, Kind: ErrCorrupt,
		Detail: fmt.Sprintf("%s 共 %d 处问题（用 junheng-cli check 查看全部），未%s。", found[0], len(found), what)}
}

// name is the data file's name as findings show it.
func (s *Store) name() string { return "「" + format.Safe(filepath.Base(s.path)) + "」" }

// auditBeside reports a hot journal (a read-only open rolled it back on a
// private copy: the file itself is not yet recovered) and a lock note
// left by a program that no longer runs, or that cannot be read.
func (s *Store) auditBeside() ([]string, error) {
	var out []string
	if s.scratch != "" {
		out = append(out, fmt.Sprintf("%s旁边有上次写入中断时留下的日志文件「%s」，文件本身尚未按它恢复（只读检查在副本上恢复后检查）。请在均衡评估助手中以编辑方式打开一次此文件：程序会先备份文件和日志，再恢复。",
			s.name(), format.Safe(filepath.Base(s.path))+"-journal"))
	}
	n, err := readLock(s.path)
	switch {
	case err == nil && n.stale(s.me):
		out = append(out, fmt.Sprintf("%s旁边留有锁定标记「%s」：%s 于 %s 打开编辑，其程序已不在运行（异常退出后留下）。下次以编辑方式打开时会自动清除；也可在确认无人使用后删除它。",
			s.name(), format.Safe(filepath.Base(lockPath(s.path))), who(format.Safe(n.Office), format.Safe(n.User)), n.Since.Local().Format("2006-01-02 15:04")))
	case err != nil && !isNotExist(err):
		out = append(out, fmt.Sprintf("%s旁边的锁定标记「%s」无法读取（内容不是本程序写的）。请确认没有人正在编辑此文件后删除它。",
			s.name(), format.Safe(filepath.Base(lockPath(s.path)))))
	}
	return out, nil
}

// auditBlobs hashes every attachment's stored bytes, one at a time.
func (s *Store) auditBlobs() ([]string, error) {
	if !hasBlobs(s.db) {
		return nil, nil
	}
	rows, err := s.db.Query(`SELECT hash, size, data FROM blob ORDER BY hash`)
	if err != nil {
		return nil, readErr(s.path, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var hash string
		var size int64
		var data []byte
		if err := rows.Scan(&hash, &size, &data); err != nil {
			return nil, readErr(s.path, err)
		}
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != hash || int64(len(data)) != size {
			out = append(out, fmt.Sprintf("%s中的一份佐证材料（%s）已损坏：内容与添加时的校验值不符，导出和迎检档案都会拒绝它。%s",
				s.name(), shortHash(format.Safe(hash)), restoreHint))
		}
	}
	if err := rows.Err(); err != nil {
		return nil, readErr(s.path, err)
	}
	return out, nil
}

// auditLog checks the change log against the values: every value was
// written with a change line of its revision, and every revision a value
// or a change line names is in the commit log. A log emptied or cut
// leaves values no history explains.
func (s *Store) auditLog() ([]string, error) {
	var unexplained, dangling, danglingLines int
	err := s.db.QueryRow(`SELECT
		(SELECT count(*) FROM value v WHERE NOT EXISTS (SELECT 1 FROM change c WHERE c.entity = v.entity AND c.field = v.field AND c.rev = v.rev AND c.new IS v.val)),
		(SELECT count(*) FROM value v WHERE NOT EXISTS (SELECT 1 FROM commit_log l WHERE l.id = v.rev)),
		(SELECT count(*) FROM change c WHERE NOT EXISTS (SELECT 1 FROM commit_log l WHERE l.id = c.rev))`).Scan(&unexplained, &dangling, &danglingLines)
	if err != nil {
		return nil, readErr(s.path, err)
	}
	var mistyped int
	err = s.db.QueryRow(`SELECT
		(SELECT count(*) FROM entity WHERE typeof(uuid) != 'text' OR typeof(year) != 'text' OR typeof(kind) != 'text' OR typeof(key) != 'text'
			OR typeof(pos) != 'integer' OR typeof(updated_at) != 'text' OR typeof(updated_by) != 'text') +
		(SELECT count(*) FROM commit_log WHERE typeof(id) != 'text' OR typeof(at) != 'text' OR typeof(office) != 'text' OR typeof(user) != 'text'
			OR typeof(host) != 'text' OR typeof(action) != 'text' OR typeof(note) != 'text') +
		(SELECT count(*) FROM value WHERE typeof(entity) != 'text' OR typeof(field) != 'text' OR typeof(rev) != 'text') +
		(SELECT count(*) FROM change WHERE typeof(entity) != 'text' OR typeof(field) != 'text' OR typeof(rev) != 'text')`).Scan(&mistyped)
	if err != nil {
		return nil, readErr(s.path, err)
	}
	var out []string
	if mistyped > 0 {
		out = append(out, fmt.Sprintf("%s中有 %s 行记录的类型不是本程序写入的（例如序号存成了文字），读取时会失败，文件被其他程序改动过。%s",
			s.name(), format.Int(mistyped), restoreHint))
	}
	if unexplained > 0 {
		out = append(out, fmt.Sprintf("%s的修改记录不完整：%s 个数值没有对应的修改记录（修改记录被删除或改动过），无法说明它们由谁录入。%s",
			s.name(), format.Int(unexplained), restoreHint))
	}
	if dangling+danglingLines > 0 {
		out = append(out, fmt.Sprintf("%s的修改记录不完整：%s 处数值或修改记录指向已不存在的提交（谁、何时、从哪里），提交记录被删除过。%s",
			s.name(), format.Int(dangling+danglingLines), restoreHint))
	}
	return out, nil
}

// auditValues checks every stored field against the catalogue: a field
// this program does not know, a value of the wrong type, a number that is
// not finite. It reads the value table once, row by row.
func (s *Store) auditValues() ([]string, error) {
	rows, err := s.db.Query(`SELECT e.year, e.kind, e.key, v.field, v.val FROM value v JOIN entity e ON e.uuid = v.entity ORDER BY e.year, e.kind, e.pos, v.field`)
	if err != nil {
		return nil, readErr(s.path, err)
	}
	defer rows.Close()
	var out []string
	const most = 5
	more := 0
	for rows.Next() {
		var year, kind, key, field string
		var val any
		if err := rows.Scan(&year, &kind, &key, &field, &val); err != nil {
			return nil, readErr(s.path, err)
		}
		why := storedFault(kind, field, val)
		if why == "" {
			continue
		}
		if len(out) == most {
			more++
			continue
		}
		out = append(out, fmt.Sprintf("%s中 %s 学年%s的字段「%s」%s。%s",
			s.name(), format.Safe(year), entityName(kind, key), format.Safe(field), why, restoreHint))
	}
	if err := rows.Err(); err != nil {
		return nil, readErr(s.path, err)
	}
	if more > 0 {
		out = append(out, fmt.Sprintf("%s另有 %s 个字段有同类问题。%s", s.name(), format.Int(more), restoreHint))
	}
	return out, nil
}

// entityName says whose a stored value is, for a finding.
func entityName(kind, key string) string {
	switch kind {
	case kindCounty:
		return "的县级数据"
	case kindSchool:
		return "学校「" + format.Safe(key) + "」"
	case kindFinance:
		return " " + format.Safe(key) + " 年度经费数据"
	case kindEvidence:
		return "的一份佐证材料"
	case kindChecklist:
		return "指标 " + format.Safe(key) + " 的佐证材料清单"
	}
	return "的「" + format.Safe(kind) + "」数据"
}

// evidenceNumbers are the integer fields of an attachment; its other
// fields are text.
var evidenceNumbers = map[string]bool{evSize: true, evWidth: true, evHeight: true, evPages: true}

// storedFault says what is wrong with one stored value ("" if nothing):
// the end of a sentence after the field's name.
func storedFault(kind, field string, val any) string {
	if f, ok := val.(float64); ok && (math.IsInf(f, 0) || math.IsNaN(f)) {
		return "存有一个不是有限数的数值（无穷大或非数），本程序不会写入这样的值，文件被改动过"
	}
	if b, ok := val.([]byte); ok {
		val = string(b)
	}
	if field == deletedField {
		if i, ok := val.(int64); val != nil && (!ok || i != 1) {
			return "（删除标记）的值无效"
		}
		return ""
	}
	var dst any
	switch kind {
	case kindCounty:
		dst = new(county.Profile)
	case kindSchool:
		dst = new(county.School)
	case kindFinance:
		dst = new(county.FinanceYear)
	case kindEvidence:
		if _, known := evidenceLabels[field]; !known || field == clEntries {
			return "是本程序不认识的字段，读取时会被忽略（其中的值会丢失），文件被其他程序改动过"
		}
		if _, isText := val.(string); val != nil && evidenceNumbers[field] == isText {
			return "的值类型不对（" + map[bool]string{true: "应为整数", false: "应为文本"}[evidenceNumbers[field]] + "）"
		}
		return ""
	case kindChecklist:
		if field != clEntries {
			return "是本程序不认识的字段，读取时会被忽略（其中的值会丢失），文件被其他程序改动过"
		}
		text, ok := val.(string)
		var es []json.RawMessage
		if val != nil && (!ok || json.Unmarshal([]byte(text), &es) != nil) {
			return "的内容不是有效的清单"
		}
		return ""
	default:
		return "属于本程序不认识的数据类别"
	}
	if val == nil {
		if err := setPath(reflect.ValueOf(dst).Elem(), strings.Split(field, "."), int64(0)); err != nil && strings.Contains(err.Error(), "不认识") {
			return "是本程序不认识的字段，文件被其他程序改动过"
		}
		return ""
	}
	if err := setPath(reflect.ValueOf(dst).Elem(), strings.Split(field, "."), val); err != nil {
		return "的值「" + format.Safe(display(field, val)) + "」无法读取（" + err.Error() + "）"
	}
	return ""
}
