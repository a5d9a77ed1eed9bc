// Package data is the clerk's local database: one SQLite file per county
// (modernc.org/sqlite, pure Go) holding several school years, with an audit
// trail, backups, a lock note for shared folders, export of chosen schools
// and a three-way merge of another office's file.
//
// # Layout
//
// The county file model (app/county) is stored field by field rather than
// as one wide table per struct:
//
//	year    one row per school year (学年)
//	entity  one row per county profile, school or finance calendar year of
//	        a school year: a UUID created by this program, the school year,
//	        the kind, the natural key (the 学校标识码 for a school, the
//	        calendar year for a finance row), the display order and a
//	        digest of its values (a merge reads only rows whose digests
//	        differ)
//	value   one row per (entity, field path) with the typed value and the
//	        revision (commit id) that last set it
//	commit_log  one row per write: when, office, user, host, action, and
//	        its provenance: kind (typed/imported/merged/copied) and
//	        source file
//	change  one row per changed value: entity, field, revision, old, new;
//	        origin (for a merged value, the other file's revision that
//	        first set it); lineage = 1 for lines kept only as a merge's
//	        lineage (their history, or a conflict decided for us), which
//	        History does not list
//
// Field paths are the JSON paths of the county file (students.primary,
// gov.G8.teacher_avg_pay, …), derived by reflection from the model, so a
// field added to app/county is stored, audited and merged without a schema
// change. Storing per field is what makes the audit trail ("who changed this
// number?") and the field-by-field merge exact and cheap.
//
// # Why the merge can tell "here" from "there"
//
// Every value carries the id of the commit that last set it, and the change
// table is the value's lineage: every commit that ever set that field in
// this file (including commits copied in from other offices' files by a
// merge or by an export). When two files meet, a field with revision a here
// and b there is
//
//   - identical when a == b or the values are equal;
//   - changed here when b is in our lineage of the field (we have seen their
//     value and moved on);
//   - changed there when a is in their lineage;
//   - changed on both sides (a conflict) otherwise.
//
// Applying a merge copies the other side's lineage lines for the fields it
// touches, so the next merge between the same two files sees the common
// base and reports nothing twice. Exports copy the lineage of the chosen
// schools, so a school sent to another office and sent back merges cleanly.
//
// # Another office's file is never run, only read
//
// PlanMerge inspects the other file exactly as Open does (header, schema
// objects, integrity, version, and the checksum of its export manifest
// while it is unedited) and then reads it through its own read-only
// connection (mode=ro, trusted_schema=OFF) with plain SELECTs on our
// tables. It is not ATTACHed to our connection: a file carrying triggers or
// views is refused before any query, and even a file that slipped through
// could not take part in a statement that writes to ours. The whole merge
// is then one transaction on our file: it applies completely or not at all,
// and it is validated with county.Validate before it commits.
//
// # API for the GUI
//
//	Create(path, Settings) / Open(path, OpenOptions) → *Store, *FileError, *LockedError
//	(*Store).Years, LoadYear, SaveSchool, DeleteSchool, SaveCounty, CopyYear
//	(*Store).PlanImport(f, ImportOptions) → *ImportPlan (the preview; Removed with Replace)
//	(*Store).Import(f, ImportOptions{Source, Replace, OtherCounty}); ImportJSON, ImportFile (add and update)
//	(*Store).ApplyImport(year, schools, profile, source) — the Excel import; source = workbook name
//	(*Store).ExportJSON
//	(*Store).History(Filter) → []Change (Source, File, First, ActionLabel, How(), Deleted)
//	(*Store).ExportSchools(out, ids) → Manifest
//	(*Store).PlanMerge(other) → *MergePlan; PlanMergeWith(other, MergeOptions{OtherCounty});
//	ApplyMerge(plan, takeTheirs)
//	*OtherCountyError (errors.As): another county's file, refused until confirmed
//	(*Store).Backup, ListBackups, Restore, BackupDir; SideFolder(path)
//	(*Store).HeldBy, ReadOnly, Path, Close
//
// Save functions refuse a value that county.Validate would reject with
// county.Problems (Chinese, naming school, field and value) and save
// nothing of that call; what was saved before is untouched.
//
// # Safety
//
// Every write runs in one transaction; the database runs with
// journal_mode=DELETE (never WAL: files sit on network shares),
// synchronous=FULL, foreign keys on, trusted_schema off and a busy timeout,
// all set in the DSN because database/sql opens several connections.
//
// Every open of a file — for editing, for reading, as a merge source, as a
// backup to restore — runs the one inspection (inspect, through
// openReading for all but the editing open) before SQLite may write to it:
// its header (magic, application id, version, size), its schema compared
// object by object with what the migrations create (any trigger, view,
// virtual or extra table, or one of ours defined otherwise, is foreign SQL
// that must never run), the version range and PRAGMA integrity_check.
// Whatever lies beside the file changes nothing of that. A journal is
// judged by SQLite itself over a read-only connection: one that is not hot
// (a live writer's, or one a crash left with a zeroed header) is ignored;
// a hot one is rolled back by SQLite — for an editing open in place, after
// byte copies of file and journal went to the backup folder, and undone
// (the copy put back, byte-exact) if the result is not a healthy file of
// ours; for reading, on a private copy, so a reader never writes. A
// refusal says 文件未被改动 only when the file's SHA-256 is the one found
// before the open.
//
// Every SQLite and system error is worded by the connection itself
// (openSQL wraps the driver; explain is the one translator): a Chinese
// sentence naming the file, with a kind for errors.Is (ErrBusy,
// ErrDiskFull, ErrPermission, ErrCorrupt, …). Backups, and the copies
// kept before a recovery, go to one side folder 「备份」 beside the data
// files (SideFolder), written through data/safefile.
package data
