package data

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"junheng/app/evidence"
	"junheng/app/format"
)

// Kinds of entity added by schema 4.
const (
	kindEvidence  = "evidence"  // one attachment: key evidence.Key(item, school, hash)
	kindChecklist = "checklist" // one item's checklist as the clerk edited it: key = item code
)

// Fields of an attachment's entity. They are values like any other, so an
// attachment added, re-described or removed is audited and merged field by
// field; removing one is the row's tombstone (_deleted), so "removed here,
// re-captioned there" is the conflict a deleted school already is.
const (
	evItem    = "item"
	evSchool  = "school"
	evHash    = "hash"
	evName    = "name"
	evExt     = "ext"
	evKind    = "kind"
	evMime    = "mime"
	evSize    = "size"
	evWidth   = "width"
	evHeight  = "height"
	evPages   = "pages"
	evTitle   = "title"
	evDate    = "date"
	evDocNo   = "doc_no"
	evCaption = "caption"
	evEntry   = "entry"
	evAddedAt = "added_at"
	evAddedBy = "added_by"
	// clEntries is a checklist's one field: its entries as JSON.
	clEntries = "entries"
)

// evidenceLabels name an attachment's fields in history lines and merge
// conflicts.
var evidenceLabels = map[string]string{
	evItem: "所属指标", evSchool: "所属学校", evHash: "文件内容", evName: "文件名", evExt: "扩展名", evKind: "类型",
	evMime: "文件格式", evSize: "大小", evWidth: "宽度", evHeight: "高度", evPages: "页数", evTitle: "题名",
	evDate: "日期", evDocNo: "文号", evCaption: "说明", evEntry: "清单项", evAddedAt: "添加时间", evAddedBy: "添加人",
	clEntries: "佐证材料清单",
}

// Attachments lists the attachments of a school year (not removed), in
// the order they were attached, without their bytes.
func (s *Store) Attachments(year string) ([]evidence.Attachment, error) {
	if err := s.opened(); err != nil {
		return nil, err
	}
	st, _, err := loadStateOf(s.db, year, kindEvidence)
	if err != nil {
		return nil, dbErr(err)
	}
	return attachmentsOf(st), nil
}

func attachmentsOf(st *yearState) []evidence.Attachment {
	var out []evidence.Attachment
	for _, e := range st.live(kindEvidence) {
		out = append(out, attachmentOf(st.year, e))
	}
	return out
}

func attachmentOf(year string, e *entRow) evidence.Attachment {
	str := func(f string) string { v, _ := e.vals[f].(string); return v }
	num := func(f string) int64 { v, _ := e.vals[f].(int64); return v }
	a := evidence.Attachment{ID: e.key, Year: year, Item: str(evItem), School: str(evSchool), Hash: str(evHash),
		Name: str(evName), Ext: str(evExt), Kind: evidence.Kind(str(evKind)), Mime: str(evMime), Size: num(evSize),
		Width: int(num(evWidth)), Height: int(num(evHeight)), Pages: int(num(evPages)), Pos: e.pos, AddedBy: str(evAddedBy),
		Meta: evidence.Meta{Title: str(evTitle), Date: str(evDate), DocNo: str(evDocNo), Caption: str(evCaption), Entry: str(evEntry)}}
	a.AddedAt, _ = time.Parse(time.RFC3339Nano, str(evAddedAt))
	return a
}

// SaveEvidence applies one edit of a year's attachments as one recorded
// change: removals first (so a file removed and added again in one edit
// comes back), then new descriptions, then new files. Updates carry the
// whole description as the clerk left it on the page: an empty field
// there is one the clerk emptied. Anything wrong (an unknown item or
// school, a file attached twice, a description that does not pass, the
// data file's limit) refuses the whole edit with a Chinese sentence naming
// it, and nothing is saved.
func (s *Store) SaveEvidence(year string, ed evidence.Edit) error {
	if ed.Empty() {
		return nil
	}
	action, src := "save", Typed()
	if ed.Source != "" {
		action, src = "import", ImportedFrom(ed.Source)
	}
	return s.update(action, evidenceNote(ed), src, func(t *txn) error {
		st, ok, err := loadState(t.tx, year)
		if err != nil {
			return dbErr(err)
		}
		if !ok {
			return fmt.Errorf("文件中没有 %s 学年，请先建立该学年", year)
		}
		f, err := st.file()
		if err != nil {
			return err
		}
		schools := map[string]string{}
		for _, sc := range f.Schools {
			schools[sc.ID] = sc.Name
		}
		lists, err := checklistsOf(st)
		if err != nil {
			return err
		}
		live := func(id string) (*entRow, error) {
			e := st.ents[entKey{kindEvidence, id}]
			if e == nil || e.deleted() {
				return nil, fmt.Errorf("%s 学年没有这件佐证材料（%s），可能已被删除；请刷新后再试。未保存任何修改。", year, id)
			}
			return e, nil
		}
		for _, id := range ed.Remove {
			e, err := live(id)
			if err != nil {
				return err
			}
			if err := t.put(e, fields{deletedField: int64(1)}, true); err != nil {
				return err
			}
		}
		ids := make([]string, 0, len(ed.Update))
		for id := range ed.Update {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			e, err := live(id)
			if err != nil {
				return err
			}
			a := attachmentOf(year, e)
			m, err := ed.Update[id].Clean("「" + a.DisplayTitle() + "」")
			if err != nil {
				return err
			}
			if err := checkEntry(lists, a.Item, m.Entry, a.DisplayTitle()); err != nil {
				return err
			}
			if err := t.put(e, metaFields(m), true); err != nil {
				return err
			}
		}
		if err := t.addAttachments(st, schools, lists, ed.Add); err != nil {
			return err
		}
		if len(ed.Remove) == 0 {
			return nil // only a removal leaves bytes no attachment uses
		}
		return t.dropUnusedBlobs()
	})
}

// dropUnusedBlobs deletes the bytes no live attachment uses: a file the
// clerk removed (or a merge removed) frees its space, so the data file's
// limit counts what it holds. A removed attachment's description stays in
// the history; to have it back the clerk attaches the file again.
const dropUnusedBlobs = `DELETE FROM blob WHERE hash NOT IN (SELECT v.val FROM value v JOIN entity e ON e.uuid = v.entity
	WHERE e.kind = 'evidence' AND v.field = 'hash' AND NOT EXISTS
	(SELECT 1 FROM value d WHERE d.entity = e.uuid AND d.field = '_deleted' AND d.val = 1))`

func (t *txn) dropUnusedBlobs() error {
	if err := t.flush(); err != nil { // the tombstones of this write must be in the table first
		return err
	}
	_, err := t.tx.Exec(dropUnusedBlobs)
	return dbErr(err)
}

// evidenceNote is the commit's note: what the edit did, in Chinese.
func evidenceNote(ed evidence.Edit) string {
	var parts []string
	if n := len(ed.Add); n > 0 {
		parts = append(parts, fmt.Sprintf("添加 %d 件", n))
	}
	if n := len(ed.Update); n > 0 {
		parts = append(parts, fmt.Sprintf("修改 %d 件", n))
	}
	if n := len(ed.Remove); n > 0 {
		parts = append(parts, fmt.Sprintf("删除 %d 件", n))
	}
	return "佐证材料：" + strings.Join(parts, "，")
}

// metaFields are the described fields of an attachment; empty ones are
// stored as 未填报.
func metaFields(m evidence.Meta) fields {
	opt := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	return fields{evTitle: opt(m.Title), evDate: opt(m.Date), evDocNo: opt(m.DocNo), evCaption: opt(m.Caption), evEntry: opt(m.Entry)}
}

// checkEntry refuses a checklist entry the item's checklist does not have.
func checkEntry(lists map[string][]evidence.Entry, item, entry, what string) error {
	if entry == "" || slices.ContainsFunc(lists[item], func(e evidence.Entry) bool { return e.Name == entry }) {
		return nil
	}
	var names []string
	for _, e := range lists[item] {
		names = append(names, "「"+e.Name+"」")
	}
	return fmt.Errorf("佐证材料「%s」的清单项「%s」不在 %s 的佐证材料清单中（清单有：%s）。请选择清单中的一项，或先修改清单。", what, entry, item, strings.Join(names, "、"))
}

// addAttachments stores new files: each checked, its bytes stored once
// per content (a file already held for another item is not stored again).
func (t *txn) addAttachments(st *yearState, schools map[string]string, lists map[string][]evidence.Entry, adds []evidence.Add) error {
	if len(adds) == 0 {
		return nil
	}
	var held int64
	if err := t.tx.QueryRow(`SELECT coalesce(sum(size), 0) FROM blob`).Scan(&held); err != nil {
		return dbErr(err)
	}
	inEdit := map[string]string{}
	newBytes := map[string]bool{}
	for _, a := range adds {
		p := a.File
		if p == nil || len(p.Data) == 0 {
			return fmt.Errorf("要添加的佐证材料没有内容，未保存任何修改。")
		}
		what := "「" + p.Name + "」"
		if _, ok := evidence.ItemOf(a.Item); !ok {
			return fmt.Errorf("文件%s要添加到的指标「%s」不存在。可选的指标：%s。未保存任何修改。", what, a.Item, strings.Join(evidence.ItemCodes(), "、"))
		}
		if a.School != "" {
			if _, ok := schools[a.School]; !ok {
				return fmt.Errorf("文件%s要添加到的学校（标识码「%s」）不在 %s 学年的学校名单中。未保存任何修改。", what, a.School, st.year)
			}
		}
		m, err := a.Meta.Clean(what)
		if err != nil {
			return err
		}
		if err := checkEntry(lists, a.Item, m.Entry, p.Name); err != nil {
			return err
		}
		// The key is the hash of the bytes stored, computed here rather
		// than taken from p.Hash: a caller's Prepared is not trusted to
		// name what it carries.
		sum := sha256.Sum256(p.Data)
		hash := hex.EncodeToString(sum[:])
		id := evidence.Key(a.Item, a.School, hash)
		where := a.Item
		if a.School != "" {
			where += " 「" + schools[a.School] + "」"
		}
		if other, ok := inEdit[id]; ok {
			return fmt.Errorf("文件%s与%s内容相同，不能重复添加到 %s。未保存任何修改。", what, other, where)
		}
		inEdit[id] = what
		e := st.ents[entKey{kindEvidence, id}]
		if e != nil && !e.deleted() {
			old := attachmentOf(st.year, e)
			return fmt.Errorf("文件%s与已添加的佐证材料「%s」内容相同，%s 下已有这份材料，不再重复添加。未保存任何修改。", what, old.DisplayTitle(), where)
		}
		var have int
		if err := t.tx.QueryRow(`SELECT count(*) FROM blob WHERE hash = ?`, hash).Scan(&have); err != nil {
			return dbErr(err)
		}
		if have == 0 && !newBytes[hash] {
			held += int64(len(p.Data))
			if held > evidence.MaxStoredBytes {
				return fmt.Errorf("添加文件%s后，数据文件中的佐证材料将超过 %d GB 的上限，未保存任何修改。请先导出迎检档案并删除不再需要的材料，或将照片、扫描件压缩后再添加。", what, evidence.MaxStoredBytes>>30)
			}
			var thumb any
			if len(p.Thumb) > 0 {
				thumb = p.Thumb
			}
			if _, err := t.tx.Exec(`INSERT INTO blob(hash, size, data, thumb) VALUES (?, ?, ?, ?)`, hash, len(p.Data), p.Data, thumb); err != nil {
				return dbErr(err)
			}
			newBytes[hash] = true
		}
		if e == nil {
			if e, err = t.entity(st, kindEvidence, id, nextPos(st, kindEvidence)); err != nil {
				return err
			}
		}
		want := metaFields(m)
		for f, v := range map[string]any{evItem: a.Item, evSchool: a.School, evHash: hash, evName: p.Name, evExt: p.Ext,
			evKind: string(p.Kind), evMime: p.Mime, evSize: int64(len(p.Data)), evWidth: int64(p.Width), evHeight: int64(p.Height),
			evPages: int64(p.Pages), evAddedAt: t.at, evAddedBy: t.who} {
			want[f] = v
		}
		if want[evSchool] == "" {
			want[evSchool] = nil
		}
		if want[evExt] == "" {
			want[evExt] = nil
		}
		want[deletedField] = nil // a file removed before and added again
		if err := t.put(e, want, true); err != nil {
			return err
		}
	}
	return nil
}

// AttachmentData returns the stored bytes of an attachment by its hash,
// checked against the hash: damaged bytes are never handed out as the
// clerk's document.
func (s *Store) AttachmentData(hash string) ([]byte, error) {
	if err := s.opened(); err != nil {
		return nil, err
	}
	var data []byte
	if err := s.db.QueryRow(`SELECT data FROM blob WHERE hash = ?`, hash).Scan(&data); err != nil {
		if isNoRows(err) {
			return nil, fmt.Errorf("数据文件中没有这份佐证材料的内容（%s），可能来自未带附件的导出文件。", shortHash(hash))
		}
		return nil, dbErr(err)
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != hash {
		return nil, fileErr(s.path, ErrCorrupt, "中的一份佐证材料（%s）已损坏，与添加时的内容不符。请从备份恢复。", shortHash(hash))
	}
	return data, nil
}

// Thumbnail returns the JPEG thumbnail of a photo (nil for other kinds).
func (s *Store) Thumbnail(hash string) ([]byte, error) {
	if err := s.opened(); err != nil {
		return nil, err
	}
	var thumb []byte
	if err := s.db.QueryRow(`SELECT thumb FROM blob WHERE hash = ?`, hash).Scan(&thumb); err != nil {
		if isNoRows(err) {
			return nil, nil
		}
		return nil, dbErr(err)
	}
	return thumb, nil
}

func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// EvidenceBytes is the stored size of all attachments of the file.
func (s *Store) EvidenceBytes() (int64, error) {
	if err := s.opened(); err != nil {
		return 0, err
	}
	var n int64
	err := s.db.QueryRow(`SELECT coalesce(sum(size), 0) FROM blob`).Scan(&n)
	return n, dbErr(err)
}

// Checklists returns every item's checklist of a year: the clerk's where
// saved, the defaults otherwise.
func (s *Store) Checklists(year string) (map[string][]evidence.Entry, error) {
	if err := s.opened(); err != nil {
		return nil, err
	}
	st, _, err := loadStateOf(s.db, year, kindChecklist)
	if err != nil {
		return nil, dbErr(err)
	}
	return checklistsOf(st)
}

func checklistsOf(st *yearState) (map[string][]evidence.Entry, error) {
	saved := map[string][]evidence.Entry{}
	for _, e := range st.live(kindChecklist) {
		text, _ := e.vals[clEntries].(string)
		var es []evidence.Entry
		if err := json.Unmarshal([]byte(text), &es); err != nil {
			return nil, &FileError{Kind: ErrCorrupt, Err: err, Detail: fmt.Sprintf("%s 学年 %s 的佐证材料清单无法读取（内容不是本程序写的），文件可能被改动过。请用 junheng-cli check 查看，并从「%s」文件夹中的备份恢复。",
				format.Safe(st.year), format.Safe(e.key), SideFolderName)}
		}
		saved[e.key] = es
	}
	return evidence.Checklists(saved), nil
}

// SaveChecklist replaces one item's checklist of a year.
func (s *Store) SaveChecklist(year, item string, es []evidence.Entry) error {
	if _, ok := evidence.ItemOf(item); !ok {
		return fmt.Errorf("指标「%s」不存在，佐证材料清单未保存。可选的指标：%s。", item, strings.Join(evidence.ItemCodes(), "、"))
	}
	clean := make([]evidence.Entry, 0, len(es))
	for _, e := range es {
		e.Name = strings.TrimSpace(e.Name)
		clean = append(clean, e)
	}
	if err := evidence.CheckEntries(item, clean); err != nil {
		return err
	}
	text, err := json.Marshal(clean)
	if err != nil {
		return err
	}
	return s.update("save", "修改 "+item+" 佐证材料清单", Typed(), func(t *txn) error {
		st, ok, err := loadState(t.tx, year)
		if err != nil {
			return dbErr(err)
		}
		if !ok {
			return fmt.Errorf("文件中没有 %s 学年，请先建立该学年", year)
		}
		e, err := t.entity(st, kindChecklist, item, 0)
		if err != nil {
			return err
		}
		return t.put(e, fields{clEntries: string(text)}, true)
	})
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
