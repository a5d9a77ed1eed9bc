package main

import (
	"junheng/ui/dbstore"
	"junheng/ui/session"
)

// opener is the real database: SQLite files of package data.
func opener() session.Opener { return dbstore.Opener{} }
