package data

import (
	"context"
	"database/sql"
	"database/sql/driver"

	"modernc.org/sqlite"
)

// openSQL opens the data file at path through modernc.org/sqlite with the
// program's DSN (see dsn). Every connection, statement, transaction and
// row of the returned pool words its errors with explain, so no SQLite
// English ("database is locked (5) (SQLITE_BUSY)", "disk I/O error")
// leaves the package, whatever code path met it. Only a file that inspect
// accepted (or one this program is creating) may be opened this way.
func openSQL(path string, readOnly bool) *sql.DB { return openSQLAs(path, path, readOnly) }

// openSQLAs opens file but names shown in its messages (a recovered copy
// stands for the clerk's file).
func openSQLAs(file, shown string, readOnly bool) *sql.DB {
	return sql.OpenDB(&connector{dsn: dsn(file, readOnly), path: shown})
}

var baseDriver = &sqlite.Driver{}

type connector struct{ dsn, path string }

func (c *connector) Connect(context.Context) (driver.Conn, error) {
	cn, err := baseDriver.Open(c.dsn)
	if err != nil {
		return nil, explain(c.path, err)
	}
	return &wconn{cn, c.path}, nil
}

func (c *connector) Driver() driver.Driver { return baseDriver }

// The wrappers forward to modernc.org/sqlite's own types, which implement
// every interface used here.
type wconn struct {
	c    driver.Conn
	path string
}

func (w *wconn) err(err error) error { return explain(w.path, err) }

func (w *wconn) Prepare(q string) (driver.Stmt, error) {
	return w.PrepareContext(context.Background(), q)
}

func (w *wconn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	st, err := w.c.(driver.ConnPrepareContext).PrepareContext(ctx, q)
	if err != nil {
		return nil, w.err(err)
	}
	return &wstmt{st, w}, nil
}

func (w *wconn) Close() error { return w.err(w.c.Close()) }

func (w *wconn) Begin() (driver.Tx, error) {
	return w.BeginTx(context.Background(), driver.TxOptions{})
}

func (w *wconn) BeginTx(ctx context.Context, o driver.TxOptions) (driver.Tx, error) {
	tx, err := w.c.(driver.ConnBeginTx).BeginTx(ctx, o)
	if err != nil {
		return nil, w.err(err)
	}
	return &wtx{tx, w}, nil
}

func (w *wconn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	r, err := w.c.(driver.ExecerContext).ExecContext(ctx, q, args)
	return r, w.err(err)
}

func (w *wconn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	r, err := w.c.(driver.QueryerContext).QueryContext(ctx, q, args)
	if err != nil {
		return nil, w.err(err)
	}
	return &wrows{r, w}, nil
}

func (w *wconn) Ping(ctx context.Context) error { return w.err(w.c.(driver.Pinger).Ping(ctx)) }

func (w *wconn) ResetSession(ctx context.Context) error {
	if r, ok := w.c.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

func (w *wconn) IsValid() bool {
	if v, ok := w.c.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}

type wstmt struct {
	s driver.Stmt
	c *wconn
}

func (w *wstmt) Close() error  { return w.c.err(w.s.Close()) }
func (w *wstmt) NumInput() int { return w.s.NumInput() }

func (w *wstmt) Exec(args []driver.Value) (driver.Result, error) {
	r, err := w.s.Exec(args) //nolint:staticcheck // the driver's own legacy entry
	return r, w.c.err(err)
}

func (w *wstmt) Query(args []driver.Value) (driver.Rows, error) {
	r, err := w.s.Query(args) //nolint:staticcheck
	if err != nil {
		return nil, w.c.err(err)
	}
	return &wrows{r, w.c}, nil
}

func (w *wstmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	r, err := w.s.(driver.StmtExecContext).ExecContext(ctx, args)
	return r, w.c.err(err)
}

func (w *wstmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	r, err := w.s.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		return nil, w.c.err(err)
	}
	return &wrows{r, w.c}, nil
}

type wtx struct {
	t driver.Tx
	c *wconn
}

func (w *wtx) Commit() error   { return w.c.err(w.t.Commit()) }
func (w *wtx) Rollback() error { return w.c.err(w.t.Rollback()) }

type wrows struct {
	r driver.Rows
	c *wconn
}

func (w *wrows) Columns() []string              { return w.r.Columns() }
func (w *wrows) Close() error                   { return w.c.err(w.r.Close()) }
func (w *wrows) Next(dest []driver.Value) error { return w.c.err(w.r.Next(dest)) }
