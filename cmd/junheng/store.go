package main

import "junheng/ui/session"

// opener returns the database opener; nil keeps the demo in memory.
func opener() session.Opener { return nil }
