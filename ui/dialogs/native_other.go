//go:build !windows

package dialogs

// Elsewhere Fyne's file dialog serves (its words made Chinese, see
// chinesePlaces): the Linux build has no native dialog to call without
// GTK's headers.

func nativeOpen(string, []string, string, func(string), func()) bool { return false }

func nativeFolder(string, string, func(string)) bool { return false }
