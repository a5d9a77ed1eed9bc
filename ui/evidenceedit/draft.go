// Package evidenceedit is what the clerk does on the 佐证材料 page before
// 保存, without any widget: files added, attachments re-described and
// removed, kept as a list of steps so that 撤销 takes back the last one,
// and turned into the one evidence.Edit the store applies. It imports no
// Fyne, so that every rule of the pending edit is tested without a window.
package evidenceedit

import (
	"fmt"
	"slices"
	"strings"

	"junheng/app/evidence"
	"junheng/app/format"
)

// kind is what a step did.
type kind int

const (
	stepAdd kind = iota
	stepUpdate
	stepRemove
)

// step is one action of the clerk, undone as a whole.
type step struct {
	kind kind
	id   string
	meta evidence.Meta // stepUpdate: the new description
	add  *Pending      // stepAdd
}

// Pending is a file added and not yet saved.
type Pending struct {
	Add  evidence.Add
	Year string
}

// Item is an attachment as the page shows it: stored or pending, with the
// pending description applied.
type Item struct {
	evidence.Attachment
	// File is the prepared file of a pending add (nil when stored): the
	// page opens and shows it from memory.
	File *evidence.Prepared
}

// Pending reports whether the attachment is not yet saved.
func (it *Item) Pending() bool { return it.File != nil }

// Draft is the pending edit of a school year's attachments.
type Draft struct {
	year  string
	base  []evidence.Attachment
	steps []step
}

// New starts a draft over the stored attachments of year.
func New(year string, stored []evidence.Attachment) *Draft {
	return &Draft{year: year, base: slices.Clone(stored)}
}

// Reset replaces the stored attachments and drops every pending step
// (after 保存, or 不保存).
func (d *Draft) Reset(year string, stored []evidence.Attachment) {
	d.year, d.base, d.steps = year, slices.Clone(stored), nil
}

// Rebase replaces the stored attachments and keeps the pending steps (the
// file changed under the page: a merge, a restore). A step on an
// attachment no longer stored is dropped when the edit is built.
func (d *Draft) Rebase(stored []evidence.Attachment) { d.base = slices.Clone(stored) }

// Year is the school year of the draft.
func (d *Draft) Year() string { return d.year }

// Add adds a prepared file to item (of school, "" = the county) as the
// answer to entry ("" = none). The same content already attached to the
// same item and school, stored or pending, is refused naming both.
func (d *Draft) Add(item, school, entry string, f *evidence.Prepared) error {
	id := evidence.Key(item, school, f.Hash)
	if it, ok := d.find(id); ok {
		return fmt.Errorf("文件「%s」与已添加的「%s」内容相同，本项不再重复添加。", f.Name, it.DisplayTitle())
	}
	p := &Pending{Year: d.year, Add: evidence.Add{Item: item, School: school, File: f,
		Meta: evidence.Meta{Date: f.Taken, Entry: entry}}}
	d.steps = append(d.steps, step{kind: stepAdd, id: id, add: p})
	return nil
}

// Update re-describes an attachment (stored or pending) by its ID.
func (d *Draft) Update(id string, m evidence.Meta) error {
	if _, ok := d.find(id); !ok {
		return fmt.Errorf("要修改的材料已不在列表中（可能已删除），请重新选择。")
	}
	d.steps = append(d.steps, step{kind: stepUpdate, id: id, meta: m})
	return nil
}

// Remove removes an attachment (stored or pending) by its ID.
func (d *Draft) Remove(id string) error {
	if _, ok := d.find(id); !ok {
		return fmt.Errorf("要删除的材料已不在列表中，请重新选择。")
	}
	d.steps = append(d.steps, step{kind: stepRemove, id: id})
	return nil
}

// CanUndo reports whether there is a step to take back.
func (d *Draft) CanUndo() bool { return len(d.steps) > 0 }

// Undo takes back the last step and says what it was ("" when none).
func (d *Draft) Undo() string {
	if len(d.steps) == 0 {
		return ""
	}
	last := d.steps[len(d.steps)-1]
	d.steps = d.steps[:len(d.steps)-1]
	return describe(last)
}

// describe names a step for the status line.
func describe(s step) string {
	switch s.kind {
	case stepAdd:
		return "已撤销添加「" + s.add.Add.File.Name + "」"
	case stepUpdate:
		return "已撤销对一件材料的修改"
	}
	return "已撤销删除"
}

// Steps is the number of pending steps.
func (d *Draft) Steps() int { return len(d.steps) }

// Dirty reports whether saving would change anything.
func (d *Draft) Dirty() bool {
	e := d.Edit()
	return !e.Empty()
}

// Items is every attachment of the year as it will be after 保存: the
// stored ones not removed, with their new descriptions, then the pending
// adds in the order added (numbered after the stored ones).
func (d *Draft) Items() []Item {
	var out []Item
	pos := 0
	for _, a := range d.base {
		out = append(out, Item{Attachment: a})
		pos = max(pos, a.Pos)
	}
	for _, s := range d.steps {
		switch s.kind {
		case stepAdd:
			pos++
			out = append(out, pendingItem(s.id, pos, s.add))
		case stepUpdate:
			if i := index(out, s.id); i >= 0 {
				out[i].Meta = s.meta
			}
		case stepRemove:
			if i := index(out, s.id); i >= 0 {
				out = slices.Delete(out, i, i+1)
			}
		}
	}
	return out
}

// Attachments is Items without the pending files, for app/evidence's
// states and numbering.
func (d *Draft) Attachments() []evidence.Attachment {
	items := d.Items()
	out := make([]evidence.Attachment, len(items))
	for i := range items {
		out[i] = items[i].Attachment
	}
	return out
}

// Get returns the attachment of an ID as it will be after 保存.
func (d *Draft) Get(id string) (Item, bool) { return d.find(id) }

func (d *Draft) find(id string) (Item, bool) {
	items := d.Items()
	if i := index(items, id); i >= 0 {
		return items[i], true
	}
	return Item{}, false
}

func index(items []Item, id string) int {
	return slices.IndexFunc(items, func(it Item) bool { return it.ID == id })
}

func pendingItem(id string, pos int, p *Pending) Item {
	f := p.Add.File
	return Item{File: f, Attachment: evidence.Attachment{ID: id, Year: p.Year, Item: p.Add.Item, School: p.Add.School,
		Hash: f.Hash, Name: f.Name, Ext: f.Ext, Kind: f.Kind, Mime: f.Mime, Size: int64(len(f.Data)),
		Width: f.Width, Height: f.Height, Pages: f.Pages, Meta: p.Add.Meta, Pos: pos}}
}

// Edit is what 保存 hands to the store: the pending adds that survive
// with their last description, the stored attachments whose description
// changed, and the stored ones removed.
func (d *Draft) Edit() evidence.Edit {
	var e evidence.Edit
	now := d.Items()
	for _, it := range now {
		if it.Pending() {
			e.Add = append(e.Add, evidence.Add{Item: it.Item, School: it.School, Meta: it.Meta, File: it.File})
		}
	}
	for _, a := range d.base {
		i := index(now, a.ID)
		switch {
		case i < 0:
			e.Remove = append(e.Remove, a.ID)
		case now[i].Meta != a.Meta:
			if e.Update == nil {
				e.Update = map[string]evidence.Meta{}
			}
			e.Update[a.ID] = now[i].Meta
		}
	}
	return e
}

// Describe words an edit for the status line: only what it does, e.g.
// 修改 1 件，删除 1 件 ("" for an empty edit).
func Describe(e evidence.Edit) string {
	var parts []string
	for _, p := range []struct {
		n    int
		verb string
	}{{len(e.Add), "添加"}, {len(e.Update), "修改"}, {len(e.Remove), "删除"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%s %s", p.verb, format.Count(p.n, "件")))
		}
	}
	return strings.Join(parts, "，")
}
