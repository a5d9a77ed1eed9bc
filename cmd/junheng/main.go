// Command junheng is the desktop application 均衡评估助手. It only creates
// the Fyne app and the database opener; everything else lives in package ui.
package main

import (
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"junheng/data"
	"junheng/ui"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0"

func main() {
	a := app.NewWithID("cn.junheng.app")
	a.SetIcon(appIcon)
	dir, _ := data.DefaultFolder() // 我的文档\均衡评估助手; "" falls back to app storage
	w := ui.Create(a, ui.Config{Version: version, Opener: opener(), Args: os.Args[1:], DataDir: dir, Screen: workArea})
	// A termination signal (kill, logging off) closes the file properly, so
	// its lock note does not tell the next start that someone holds it.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() { <-sig; fyne.Do(w.Quit) }()
	w.Win.ShowAndRun()
}
