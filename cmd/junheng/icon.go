package main

import (
	"fyne.io/fyne/v2"

	"junheng/assets/icon"
)

var appIcon = fyne.NewStaticResource("icon.png", icon.PNG)
