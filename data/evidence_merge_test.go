package data

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"junheng/app/county"
	"junheng/app/evidence"
)

// township is the export of some schools of a bureau's file, opened by
// their township's office as it would be from a USB stick.
func evTownship(t *testing.T, bureau *Store, schoolIDs []string) *Store {
	t.Helper()
	out := filepath.Join(t.TempDir(), "城关镇中心校.db")
	if _, err := bureau.ExportSchools(out, schoolIDs); err != nil {
		t.Fatal(err)
	}
	s, err := Open(out, OpenOptions{Settings: Settings{Office: "城关镇中心校", User: "李四"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// The round trip of issue 15: the bureau attaches county documents and
// schools' photos, exports a township, the township adds a photo and
// removes one, the bureau attaches a photo the township attached too, and
// merging the township's file back leaves the bureau's file holding
// exactly the attachments intended, each byte for byte, the shared photo
// once; the export carried neither other schools' attachments nor their
// bytes.
func TestEvidenceTownshipRoundTrip(t *testing.T) {
	f := county.Generate(12, 7)
	bureau := storeWith(t, f)
	sc := func(i int) string { return f.Schools[i].ID }
	town := []string{sc(2), sc(3), sc(4)}

	music := evPrep(t, "音乐教室.jpg", evPhoto(t, 640, 480, 1, 90))
	field := evPrep(t, "运动场.jpg", evPhoto(t, 640, 480, 2, 90))
	wage := evPrep(t, "教师工资测算表.pdf", evPDF("工资测算"))
	// Another township's school: a file of 3 MB no compressor shrinks, so
	// that its bytes in the export could not hide.
	elsewhere := evPrep(t, "录像.bin", evNoise(3<<20, 3))
	ownMusic := evAdd("G3", sc(2), music, evidence.Meta{Caption: "2024年9月 音乐教室"})
	sameBytesOtherItem := evAdd("Q6", sc(2), music, evidence.Meta{Title: "校园文化：音乐教室"})
	toRemove := evAdd("R5", sc(3), field, evidence.Meta{Caption: "运动场全景"})
	countyDoc := evAdd("G8", "", wage, evidence.Meta{DocNo: "义教〔2024〕12号", Date: "2024-09-01"})
	otherTown := evAdd("G3", sc(9), elsewhere, evidence.Meta{})
	evSave(t, bureau, evidence.Edit{Add: []evidence.Add{ownMusic, sameBytesOtherItem, toRemove, countyDoc, otherTown}})

	// Identical bytes proving two items are two attachments, one file.
	if got, err := bureau.EvidenceBytes(); err != nil || got != evStored(music)+evStored(field)+evStored(wage)+evStored(elsewhere) {
		t.Errorf("stored bytes = %d (%v), want each distinct file once: %d", got, err, evStored(music)+evStored(field)+evStored(wage)+evStored(elsewhere))
	}

	ts := evTownship(t, bureau, town)
	exported := evAttachments(t, ts)
	for id, a := range exported {
		if a.School != "" && !slices.Contains(town, a.School) {
			t.Errorf("the township's export carries attachment %s of school %s", id, a.School)
		}
	}
	for _, a := range []evidence.Add{ownMusic, sameBytesOtherItem, toRemove} {
		if _, ok := exported[evID(a)]; !ok {
			t.Errorf("the export lacks the township's attachment %s (has %v)", evID(a), evIDs(exported))
		}
	}
	exportedHashes := map[string]bool{}
	for _, a := range exported {
		exportedHashes[a.Hash] = true
	}
	for h := range evBlobs(t, ts) {
		if !exportedHashes[h] {
			t.Errorf("the export holds bytes (%s) of no attachment it carries", h)
		}
	}
	if _, err := ts.AttachmentData(elsewhere.Hash); err == nil {
		t.Error("the export holds the bytes of another township's attachment")
	}
	if st, err := os.Stat(ts.Path()); err != nil {
		t.Error(err)
	} else if st.Size() >= evStored(elsewhere) {
		t.Errorf("the export is %d bytes: it cannot be without the other school's %d bytes", st.Size(), evStored(elsewhere))
	}

	// The township adds a photo, removes one, and attaches a photo the
	// bureau also attaches after the export.
	shared := evPrep(t, "新建音乐教室.jpg", evPhoto(t, 800, 600, 4, 90))
	townNew := evAdd("G3", sc(3), evPrep(t, "美术教室.jpg", evPhoto(t, 640, 480, 5, 90)), evidence.Meta{Caption: "美术教室"})
	sharedThere := evAdd("G3", sc(4), evPrep(t, "新建音乐教室.jpg", evPhoto(t, 800, 600, 4, 90)), evidence.Meta{Caption: "新建音乐教室"})
	evSave(t, ts, evidence.Edit{Add: []evidence.Add{townNew, sharedThere}, Remove: []string{evID(toRemove)}})
	sharedHere := evAdd("G3", sc(4), shared, evidence.Meta{Caption: "新建音乐教室"})
	evSave(t, bureau, evidence.Edit{Add: []evidence.Add{sharedHere}})
	if evID(sharedHere) != evID(sharedThere) {
		t.Fatalf("the same photo prepared twice has two IDs: %s, %s (Prepare is not deterministic)", evID(sharedHere), evID(sharedThere))
	}

	p := plan(t, bureau, ts)
	for _, c := range p.Conflicts {
		// Each listed, and decided for ours below so that the rest is
		// still checked.
		t.Errorf("a clean round trip plans a conflict: %s", c)
	}
	if err := bureau.ApplyMerge(p, make([]bool, len(p.Conflicts))); err != nil {
		t.Fatal(err)
	}

	want := map[string]*evidence.Prepared{}
	for _, a := range []evidence.Add{ownMusic, sameBytesOtherItem, countyDoc, otherTown, townNew, sharedHere} {
		want[evID(a)] = a.File
	}
	got := evAttachments(t, bureau)
	if !slices.Equal(evIDs(got), evIDs(want)) {
		t.Fatalf("after the merge the bureau holds\n%v\nwant\n%v", evIDs(got), evIDs(want))
	}
	distinct := map[string]int64{}
	for id, a := range got {
		data, err := bureau.AttachmentData(a.Hash)
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		if !bytes.Equal(data, want[id].Data) {
			t.Errorf("%s: %d stored bytes differ from the %d attached", id, len(data), len(want[id].Data))
		}
		distinct[a.Hash] = int64(len(data))
	}
	// Identical bytes are one blob; the file holds the bytes of every
	// attachment it lists and no other bytes than those and, at most,
	// those of the photo removed at the township (kept for undo is the
	// store's choice; another township's or a second copy never).
	blobs := evBlobs(t, bureau)
	for h := range distinct {
		if _, ok := blobs[h]; !ok {
			t.Errorf("the bureau's file lists an attachment whose bytes (%s) it does not hold", h)
		}
	}
	for h := range blobs {
		if _, ok := distinct[h]; !ok && h != field.Hash {
			t.Errorf("the bureau's file holds bytes (%s) of no attachment", h)
		}
	}
	if n, err := bureau.EvidenceBytes(); err != nil || n < evStored(music)+evStored(wage)+evStored(elsewhere)+evStored(townNew.File)+evStored(shared) {
		t.Errorf("EvidenceBytes = %d (%v), less than the attachments it holds", n, err)
	}
	if got[evID(sharedHere)].Caption != "新建音乐教室" {
		t.Errorf("the photo attached in both offices: %+v", got[evID(sharedHere)])
	}
	if p2 := plan(t, bureau, ts); !p2.Empty() {
		t.Errorf("merging again plans %d changes, %d conflicts", p2.Changes, len(p2.Conflicts))
	}
	// The township merging the bureau's file back gets the bureau's state
	// of its schools, and again no conflict.
	back := plan(t, ts, bureau)
	if len(back.Conflicts) != 0 {
		t.Fatalf("merging back plans conflicts: %v", back.Conflicts)
	}
	if err := ts.ApplyMerge(back, nil); err != nil {
		t.Fatal(err)
	}
	for _, a := range []evidence.Add{ownMusic, sameBytesOtherItem, townNew, sharedHere} {
		if _, ok := evAttachments(t, ts)[evID(a)]; !ok {
			t.Errorf("after merging back the township lacks %s", evID(a))
		}
	}
}

// conflictCase is a bureau and a township's export of one school whose
// photo one side removed and the other re-captioned, and the plan of
// merging the township's file into the bureau's.
type conflictCase struct {
	bureau, town *Store
	att          evidence.Add
	plan         *MergePlan
}

func newConflictCase(t *testing.T, removeAtBureau bool) conflictCase {
	t.Helper()
	f := county.Generate(6, 7)
	bureau := storeWith(t, f)
	id := f.Schools[1].ID
	att := evAdd("G3", id, evPrep(t, "音乐教室.jpg", evPhoto(t, 640, 480, 11, 90)), evidence.Meta{Title: "音乐专用教室", Caption: "2024年9月"})
	evSave(t, bureau, evidence.Edit{Add: []evidence.Add{att}})
	town := evTownship(t, bureau, []string{id})
	recaption := evidence.Edit{Update: map[string]evidence.Meta{evID(att): {Title: "音乐专用教室", Caption: "2024年10月 新购钢琴"}}}
	remove := evidence.Edit{Remove: []string{evID(att)}}
	if removeAtBureau {
		evSave(t, bureau, remove)
		evSave(t, town, recaption)
	} else {
		evSave(t, bureau, recaption)
		evSave(t, town, remove)
	}
	return conflictCase{bureau: bureau, town: town, att: att, plan: plan(t, bureau, town)}
}

// Removed on one side, re-captioned on the other: the plan lists one
// conflict naming the attachment, nothing is applied while it is
// undecided, and each decision gives what it says.
func TestEvidenceRemovedAgainstRecaptionedIsAConflict(t *testing.T) {
	for _, removeAtBureau := range []bool{true, false} {
		for _, theirs := range []bool{false, true} {
			name := map[bool]string{true: "removed at the bureau", false: "removed at the township"}[removeAtBureau] +
				map[bool]string{true: ", take theirs", false: ", keep ours"}[theirs]
			t.Run(name, func(t *testing.T) {
				c := newConflictCase(t, removeAtBureau)
				if len(c.plan.Conflicts) != 1 {
					t.Fatalf("conflicts = %v, want one", c.plan.Conflicts)
				}
				line := c.plan.Conflicts[0].String()
				if !strings.Contains(line, "音乐专用教室") && !strings.Contains(line, "音乐教室.jpg") {
					t.Errorf("the conflict line does not name the attachment: %s", line)
				}
				if !strings.Contains(line, evTestYear) {
					t.Errorf("the conflict line does not name the year: %s", line)
				}
				before := fileSum(t, c.bureau.Path())
				if err := c.bureau.ApplyMerge(c.plan, nil); err == nil {
					t.Fatal("a merge with an undecided conflict was applied")
				}
				if fileSum(t, c.bureau.Path()) != before {
					t.Fatal("a refused merge changed the bureau's file")
				}
				if err := c.bureau.ApplyMerge(c.plan, []bool{theirs}); err != nil {
					t.Fatal(err)
				}
				got, kept := evAttachments(t, c.bureau)[evID(c.att)]
				// Keeping ours keeps the bureau's side; taking theirs the
				// township's; whichever side re-captioned keeps the photo.
				wantKept := removeAtBureau == theirs
				if kept != wantKept {
					t.Fatalf("after deciding (theirs=%v) the photo is kept=%v, want %v", theirs, kept, wantKept)
				}
				if kept {
					if got.Caption != "2024年10月 新购钢琴" {
						t.Errorf("the kept photo's caption is %q, want the new one", got.Caption)
					}
					data, err := c.bureau.AttachmentData(got.Hash)
					if err != nil || !bytes.Equal(data, c.att.File.Data) {
						t.Errorf("the kept photo's bytes: %d bytes, %v", len(data), err)
					}
				}
				if p2 := plan(t, c.bureau, c.town); len(p2.Conflicts) != 0 {
					t.Errorf("a decided conflict comes back: %v", p2.Conflicts)
				}
			})
		}
	}
}
