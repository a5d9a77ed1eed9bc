package main

import (
	"flag"

	"junheng/app/county"
)

// schoolFlag adds --school, an id folded as every input folds ids
// (county.CleanID: full-width digits, blanks, a leading apostrophe), so
// that the id a JSON file accepts is accepted by every command. Each use
// of the flag appends to the list (commands taking one use the last).
func schoolFlag(fs *flag.FlagSet, usage string) *[]string {
	ids := new([]string)
	fs.Func("school", usage, func(v string) error {
		*ids = append(*ids, county.CleanID(v))
		return nil
	})
	return ids
}

// last is the last id given, "" when none.
func last(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return ids[len(ids)-1]
}
