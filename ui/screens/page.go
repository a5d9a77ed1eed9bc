// Package screens holds the pages of the main window. Each page shows what
// the session holds and collects input; every number it shows comes from
// app/eval (through the session's result) or from the file itself.
package screens

import (
	"fyne.io/fyne/v2"

	"junheng/ui/session"
)

// Page names, in the order of the navigation.
const (
	Home      = "首页"
	Profile   = "县域概况"
	Schools   = "学校档案"
	Grid      = "批量录入"
	Resources = "资源配置"
	Gov       = "政府保障"
	Quality   = "教育质量"
	Survey    = "社会认可度"
	Veto      = "一票否决"
	Todo      = "整改清单"
	Plan      = "达标规划"
	Evidence  = "佐证材料"
	Print     = "打印材料"
)

// Names lists the pages in navigation order.
var Names = []string{Home, Profile, Schools, Grid, Resources, Gov, Quality, Survey, Veto, Todo, Plan, Evidence, Print}

// Env is what a page may use of the window around it.
type Env struct {
	S   *session.Session
	Win fyne.Window
	// Goto shows a page; target names what to open in it (a school id, an
	// item code) or is "".
	Goto func(page, target string)
	// Status shows a short message in the status bar.
	Status func(msg string)
	// Folder is where file dialogs start: the open file's folder, else the
	// user's data folder.
	Folder func() string
	// History shows the audit trail of a school ("" = all); nil when the
	// store keeps none.
	History func(schoolID string)
}

// Page is one page of the main window.
type Page interface {
	Object() fyne.CanvasObject
	// Update redraws from the session (file or result changed).
	Update()
	// Open shows a target inside the page (see Env.Goto).
	Open(target string)
	// Dirty reports unsaved input; Save stores it (Ctrl+S) and reports
	// whether it was stored.
	Dirty() bool
	Save() bool
}

// New builds every page.
func New(env *Env) map[string]Page {
	return map[string]Page{
		Home:      newHome(env),
		Profile:   newProfile(env),
		Schools:   newSchools(env),
		Grid:      newGrid(env),
		Resources: newResources(env),
		Gov:       newGov(env),
		Quality:   newQuality(env),
		Survey:    newSurvey(env),
		Veto:      newVeto(env),
		Todo:      newTodo(env),
		Plan:      newPlan(env),
		Evidence:  newEvidence(env),
		Print:     newPrint(env),
	}
}

// Discarder is a page that drops its unsaved input when the clerk leaves
// it with 不保存 (the others keep the typed text in their forms).
type Discarder interface {
	Discard()
}

// readOnly is embedded by pages without input.
type readOnly struct{}

func (readOnly) Dirty() bool { return false }
func (readOnly) Save() bool  { return true }
func (readOnly) Open(string) {}
