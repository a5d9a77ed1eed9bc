// Command junheng is the desktop application 均衡评估助手. It only creates
// the Fyne app and the database opener; everything else lives in package ui.
package main

import (
	"os"

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
	w := ui.Create(a, ui.Config{Version: version, Opener: opener(), Args: os.Args[1:], DataDir: dir})
	w.Win.ShowAndRun()
}
