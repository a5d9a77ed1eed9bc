package data

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
