package main

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"junheng/assets/demo"
)

// holdWrite starts another office's write on db from its own connection:
// "IMMEDIATE" while it is being written, "EXCLUSIVE" while it commits.
func holdWrite(t *testing.T, db, mode string) (release func()) {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c, err := conn.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ExecContext(ctx, "BEGIN "+mode); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ExecContext(ctx, "UPDATE value SET val = 1"); err != nil {
		t.Fatal(err)
	}
	return func() {
		c.ExecContext(ctx, "ROLLBACK")
		c.Close()
		conn.Close()
	}
}

// A reader (eval, check, export-json) during another office's write reads
// the last saved state, or waits for the commit; it never fails.
func TestReadersDuringAnotherWrite(t *testing.T) {
	db := filepath.Join(t.TempDir(), "乡镇.db")
	dbRun(t, "init", db)
	dbRun(t, "import-json", db, writeTemp(t, "demo.json", demo.JSON))
	year := demo.File().Year
	readers := [][]string{{"eval", db, "--year", year}, {"export-json", db, "--year", year}, {"check", db}}
	want := map[int]string{}
	for i, args := range readers {
		want[i] = dbRun(t, args...)
	}
	release := holdWrite(t, db, "IMMEDIATE")
	for i, args := range readers {
		if got := dbRun(t, args...); got != want[i] {
			t.Errorf("%v during another write: output differs from the last saved state", args)
		}
	}
	release()
	for i, args := range readers {
		release := holdWrite(t, db, "EXCLUSIVE")
		go func() { time.Sleep(300 * time.Millisecond); release() }()
		if got := dbRun(t, args...); got != want[i] {
			t.Errorf("%v after waiting for a commit: output differs", args)
		}
	}
}
