package data

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"

	"junheng/app/evidence"
)

// copyBlobs brings from the other file the bytes of every attachment the
// merge left live here that this file does not hold yet (a photo a
// township added). Bytes are copied once per content and checked against
// their hash; an attachment whose bytes the other file lacks stops the
// merge, which is rolled back: an attachment without its file would be a
// silent loss.
func (m *merger) copyBlobs(other string) error {
	need := map[string]string{} // hash → the attachment's title, for messages
	for _, st := range m.states {
		for _, e := range st.live(kindEvidence) {
			h, _ := e.vals[evHash].(string)
			if h == "" {
				continue
			}
			var n int
			if err := m.t.tx.QueryRow(`SELECT count(*) FROM blob WHERE hash = ?`, h).Scan(&n); err != nil {
				return dbErr(err)
			}
			if n == 0 {
				need[h] = rowName(e)
			}
		}
	}
	if len(need) == 0 {
		return nil
	}
	r, err := openReading(other)
	if err != nil {
		return err
	}
	defer r.close()
	var held int64
	if err := m.t.tx.QueryRow(`SELECT coalesce(sum(size), 0) FROM blob`).Scan(&held); err != nil {
		return dbErr(err)
	}
	hashes := make([]string, 0, len(need))
	for h := range need {
		hashes = append(hashes, h)
	}
	slices.Sort(hashes)
	for _, h := range hashes {
		var (
			data, thumb []byte
			size        int64
		)
		if err := r.db.QueryRow(`SELECT size, data, thumb FROM blob WHERE hash = ?`, h).Scan(&size, &data, &thumb); err != nil {
			if isNoRows(err) {
				return fmt.Errorf("「%s」中缺少佐证材料「%s」的文件内容，无法合并；已撤销本次合并（文件保持原样）。请让对方重新导出后再合并。", baseName(other), need[h])
			}
			return explain(other, err)
		}
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != h {
			return fmt.Errorf("「%s」中佐证材料「%s」的文件内容已损坏，无法合并；已撤销本次合并（文件保持原样）。", baseName(other), need[h])
		}
		held += int64(len(data))
		if held > evidence.MaxStoredBytes {
			return fmt.Errorf("合并后数据文件中的佐证材料将超过 %d GB 的上限；已撤销本次合并（文件保持原样）。请先导出迎检档案并删除不再需要的材料。", evidence.MaxStoredBytes>>30)
		}
		var th any
		if len(thumb) > 0 {
			th = thumb
		}
		if _, err := m.t.tx.Exec(`INSERT INTO blob(hash, size, data, thumb) VALUES (?, ?, ?, ?)`, h, len(data), data, th); err != nil {
			return dbErr(err)
		}
	}
	return nil
}
