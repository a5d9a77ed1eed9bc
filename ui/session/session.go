package session

import (
	"fmt"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"junheng/app/county"
	"junheng/app/eval"
	"junheng/app/standard"
	"junheng/ui/entry"
)

// Session is one open county file. Its methods run on the UI thread; the
// evaluation runs in a goroutine and its result comes back through fyne.Do.
type Session struct {
	Store    Store
	Year     string
	File     *county.File
	Result   *eval.Result
	Settings Settings
	Std      *standard.Standard

	listeners []func()
	computing sync.WaitGroup
	gen       int // generation of the latest recompute request
	// Computing is true while an evaluation is under way.
	Computing bool
	// Requested is when the latest evaluation was asked for; Took is how
	// long the evaluation itself ran (timing reports).
	Requested time.Time
	Took      time.Duration
	// Inline makes Recompute evaluate on the calling goroutine (headless
	// tests, where widgets must not be touched from two goroutines).
	Inline bool
	// Version counts the changes of File: every load (year switch, reload
	// after a merge, restore or import) and every save. A form or grid
	// keeps the version it loaded; when it differs on Update, it reloads.
	Version uint64
}

// New opens a session on a store at its latest year (or year when set).
func New(st Store, year string, settings Settings) (*Session, error) {
	s := &Session{Store: st, Settings: settings, Std: standard.National2017()}
	if year == "" {
		years, err := st.Years()
		if err != nil {
			return nil, err
		}
		if len(years) == 0 {
			return nil, fmt.Errorf("文件中没有任何学年的数据")
		}
		year = years[len(years)-1]
	}
	if err := s.load(year); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Session) load(year string) error {
	f, err := s.Store.LoadYear(year)
	if err != nil {
		return fmt.Errorf("读取 %s 学年的数据失败：%w", year, err)
	}
	s.Year, s.File = year, f
	s.Result = nil
	s.Version++
	return nil
}

// OnChange registers fn to run (on the UI thread) when the file or the
// result changes.
func (s *Session) OnChange(fn func()) { s.listeners = append(s.listeners, fn) }

func (s *Session) notify() {
	for _, fn := range s.listeners {
		fn()
	}
}

// SwitchYear loads another school year and recomputes.
func (s *Session) SwitchYear(year string) error {
	if err := s.load(year); err != nil {
		return err
	}
	s.notify()
	s.Recompute()
	return nil
}

// Reload reads the current year again from the store (after a write that
// went around the session, such as an Excel import) and recomputes.
func (s *Session) Reload() error { return s.SwitchYear(s.Year) }

// CopyLastYear creates the school year after the latest one from it and
// switches to it.
func (s *Session) CopyLastYear() (string, error) {
	years, err := s.Store.Years()
	if err != nil {
		return "", err
	}
	if len(years) == 0 {
		return "", fmt.Errorf("没有可复制的学年")
	}
	last := years[len(years)-1]
	next, ok := NextYear(last)
	if !ok {
		return "", fmt.Errorf("无法识别学年「%s」", last)
	}
	if err := s.Store.CopyYear(last, next); err != nil {
		return "", fmt.Errorf("复制学年失败：%w", err)
	}
	return next, s.SwitchYear(next)
}

// NextYear turns "2024-2025" into "2025-2026".
func NextYear(y string) (string, bool) {
	var a, b int
	if n, _ := fmt.Sscanf(y, "%d-%d", &a, &b); n != 2 || b != a+1 {
		return "", false
	}
	return fmt.Sprintf("%d-%d", a+1, b+1), true
}

// WithSchool returns a copy of the file with s inserted or replacing the
// school of the same id (or of oldID when the id was changed). The schools
// slice is new; the other schools are shared and never mutated.
func WithSchool(f *county.File, oldID string, s county.School) *county.File {
	nf := *f
	nf.Schools = slices.Clone(f.Schools)
	key := oldID
	if key == "" {
		key = s.ID
	}
	for i := range nf.Schools {
		if nf.Schools[i].ID == key {
			nf.Schools[i] = s
			return &nf
		}
	}
	nf.Schools = append(nf.Schools, s)
	return &nf
}

// SaveSchool stores a school that has passed validation and recomputes.
func (s *Session) SaveSchool(oldID string, sc county.School) error {
	if oldID != "" && oldID != sc.ID {
		if err := s.Store.DeleteSchool(s.Year, oldID); err != nil {
			return err
		}
	}
	if err := s.Store.SaveSchool(s.Year, sc); err != nil {
		return fmt.Errorf("保存失败：%w", err)
	}
	s.File = WithSchool(s.File, oldID, sc)
	s.Version++
	s.notify()
	s.Recompute()
	return nil
}

// DeleteSchool removes a school and recomputes.
func (s *Session) DeleteSchool(id string) error {
	if err := s.Store.DeleteSchool(s.Year, id); err != nil {
		return fmt.Errorf("删除失败：%w", err)
	}
	nf := *s.File
	nf.Schools = slices.DeleteFunc(slices.Clone(s.File.Schools), func(x county.School) bool { return x.ID == id })
	s.File = &nf
	s.Version++
	s.notify()
	s.Recompute()
	return nil
}

// SaveCounty stores the county facts and recomputes.
func (s *Session) SaveCounty(p county.Profile) error {
	if err := s.Store.SaveCounty(s.Year, p); err != nil {
		return fmt.Errorf("保存失败：%w", err)
	}
	nf := *s.File
	nf.County = p
	s.File = &nf
	s.Version++
	s.notify()
	s.Recompute()
	return nil
}

// School returns the school with an id, or nil.
func (s *Session) School(id string) *county.School {
	for i := range s.File.Schools {
		if s.File.Schools[i].ID == id {
			return &s.File.Schools[i]
		}
	}
	return nil
}

// Recompute evaluates the current file in the background; the result
// replaces the previous one on the UI thread unless a newer request came in.
func (s *Session) Recompute() {
	s.gen++
	s.Requested = time.Now()
	gen, f, opts, std := s.gen, s.File, s.Settings.Options(), s.Std
	s.Computing = true
	if s.Inline {
		s.Result, s.Computing = evaluate(f, std, opts), false
		s.notify()
		return
	}
	s.computing.Add(1)
	go func() {
		defer s.computing.Done()
		t0 := time.Now()
		r := evaluate(f, std, opts)
		took := time.Since(t0)
		fyne.DoAndWait(func() {
			if gen != s.gen {
				return
			}
			s.Result, s.Computing, s.Took = r, false, took
			s.notify()
		})
	}()
}

// evaluate runs the engine and turns a panic into a result-less error so
// that a bug in a rule never takes the window down.
func evaluate(f *county.File, std *standard.Standard, opts eval.Options) (r *eval.Result) {
	defer func() {
		if recover() != nil {
			r = nil
		}
	}()
	return eval.Evaluate(f, std, opts)
}

// Wait blocks until every started evaluation has delivered (tests, benchmarks).
func (s *Session) Wait() { s.computing.Wait() }

// Clone returns a deep copy of v (a school or the county facts) so that a
// form can write into it without touching the file other goroutines read.
func Clone[T any](v T) T { return entry.Clone(v) }
