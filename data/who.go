package data

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"junheng/app/format"
)

// SetWho changes who is working on the open file — the 单位 and 使用人 of
// the GUI's 设置 — and how many backups are kept: the next change is
// recorded under the new names at once, not after the file is reopened.
// An empty user means the operating-system user, as in Open. Call it from
// the goroutine that writes (the GUI's), not while a write is under way.
// The lock note keeps the names the file was opened with.
func (s *Store) SetWho(office, user string, backupsKept int) {
	set := s.set
	set.Office, set.User, set.BackupsKept = office, user, backupsKept
	s.set = set.withDefaults()
}

// MaxNameRunes is the longest office or user name recorded.
const MaxNameRunes = 40

// CheckWho refuses an office or user name that cannot go into the audit
// trail: blanks only, longer than MaxNameRunes characters, or holding a
// control, escape or bidi character (they would be printed by every
// history line). Empty is allowed: the defaults apply. what names where
// each came from, for the message (e.g. "--office 或 JUNHENG_OFFICE").
func CheckWho(office, user, officeFrom, userFrom string) error {
	for _, n := range []struct{ label, from, v string }{{"单位名称", officeFrom, office}, {"使用人", userFrom, user}} {
		if err := checkName(n.label, n.from, n.v); err != nil {
			return err
		}
	}
	return nil
}

func checkName(label, from, v string) error {
	if v == "" {
		return nil
	}
	shown := format.Safe(v)
	if r := []rune(v); len(r) > MaxNameRunes {
		shown = format.Safe(string(r[:12])) + "…"
	}
	switch {
	case strings.TrimSpace(v) == "":
		return &FileError{Kind: ErrInvalidName, Detail: fmt.Sprintf("%s（%s）只有空白，不能记入修改记录。请填写%s，或不填以用默认值。", label, from, label)}
	case shown != v && !strings.HasSuffix(shown, "…"):
		return &FileError{Kind: ErrInvalidName, Detail: fmt.Sprintf("%s（%s）「%s」含有控制字符或方向控制字符，不能记入修改记录。请去掉这些字符后再试。", label, from, shown)}
	case utf8.RuneCountInString(v) > MaxNameRunes:
		return &FileError{Kind: ErrInvalidName, Detail: fmt.Sprintf("%s（%s）「%s」有 %d 个字，超过上限 %d 个字。请改用简称。", label, from, shown, utf8.RuneCountInString(v), MaxNameRunes)}
	}
	return nil
}

// ErrInvalidName is the kind of an office or user name CheckWho refuses.
var ErrInvalidName = errors.New("单位名称或使用人无效")
