package wording

import (
	"strings"

	"junheng/app/county"
	"junheng/app/eval"
)

type rectKey struct{ code, school string }

// LedgerIndex finds the 整改台账 entry of a to-do line: by code and school,
// a sub-item (G2.1) falling under its item's entry (G2).
type LedgerIndex map[rectKey]county.Rectification

// IndexLedger keys the 整改台账 by code and school id ("" for a county item).
func IndexLedger(list []county.Rectification) LedgerIndex {
	out := make(LedgerIndex, len(list))
	for _, r := range list {
		out[rectKey{r.Code, schoolOf(r)}] = r
	}
	return out
}

func schoolOf(r county.Rectification) string {
	if r.SchoolID == nil {
		return ""
	}
	return *r.SchoolID
}

// Find is the entry for a to-do line.
func (x LedgerIndex) Find(td eval.Todo) (county.Rectification, bool) {
	rc, ok := x[rectKey{td.Code, td.SchoolID}]
	if !ok && strings.Contains(td.Code, ".") {
		rc, ok = x[rectKey{td.Code[:strings.Index(td.Code, ".")], td.SchoolID}]
	}
	return rc, ok
}

// CountLedger counts the to-do lines whose ledger entry names measures,
// unit and deadline (Complete) or some of them (Partial).
func CountLedger(f *county.File, r *eval.Result) Ledger {
	x := IndexLedger(f.County.Rectification)
	l := Ledger{Entries: len(r.Verdict.Todo)}
	for _, td := range r.Verdict.Todo {
		rc, ok := x.Find(td)
		if !ok {
			continue
		}
		filled := 0
		for _, s := range []string{rc.Measure, rc.Unit, rc.Deadline} {
			if strings.TrimSpace(s) != "" {
				filled++
			}
		}
		switch filled {
		case 3:
			l.Complete++
		case 0:
		default:
			l.Partial++
		}
	}
	return l
}

// Stale are the ledger entries that match no to-do line: the item passes
// now (or the school is gone), so the dossier does not print them.
func Stale(f *county.File, r *eval.Result) []county.Rectification {
	used := map[rectKey]bool{}
	x := IndexLedger(f.County.Rectification)
	for _, td := range r.Verdict.Todo {
		if rc, ok := x.Find(td); ok {
			used[rectKey{rc.Code, schoolOf(rc)}] = true
		}
	}
	var out []county.Rectification
	for _, rc := range f.County.Rectification {
		if !used[rectKey{rc.Code, schoolOf(rc)}] {
			out = append(out, rc)
		}
	}
	return out
}
