package ui

import (
	"flag"
	"io"
	"slices"

	"junheng/ui/screens"
)

// Options are the command-line switches of the desktop program.
type Options struct {
	File string // open this data file
	Demo bool   // open the demo county (created at File, or in the data folder)
	Page string // show this page first (e.g. 资源配置)
	// Target is what to open in that page (a school id on 学校档案).
	Target string
}

// ParseArgs reads --file PATH, --demo and --page NAME; unknown arguments are
// ignored (a file manager may pass a path alone, which becomes File).
func ParseArgs(args []string) Options {
	var o Options
	fs := flag.NewFlagSet("junheng", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.File, "file", "", "")
	fs.BoolVar(&o.Demo, "demo", false, "")
	fs.StringVar(&o.Page, "page", "", "")
	fs.StringVar(&o.Target, "target", "", "")
	if err := fs.Parse(args); err == nil && o.File == "" && fs.NArg() > 0 {
		o.File = fs.Arg(0)
	}
	if !slices.Contains(screens.Names, o.Page) {
		o.Page = ""
	}
	return o
}
