package main

import (
	"io"
	"time"

	"junheng/app/dossier"
	"junheng/app/plan"
)

func init() {
	writePlanPDF = func(w io.Writer, r plan.Report) error { return dossier.WritePlan(w, r, time.Now()) }
}
