package evidence

import "strings"

// viewable are the extensions the program hands to the system's viewer
// when the clerk clicks 打开: documents, pictures, sound and video, which
// no system runs. Anything else (a program, a script, a shortcut, an
// unknown type) is never opened by the program: only its folder is shown,
// so that an attachment never runs by a click in the program.
var viewable = map[string]bool{
	".pdf": true, ".ofd": true, ".txt": true, ".csv": true, ".rtf": true,
	".doc": true, ".docx": true, ".wps": true, ".odt": true,
	".xls": true, ".xlsx": true, ".et": true, ".ods": true,
	".ppt": true, ".pptx": true, ".dps": true, ".odp": true,
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".bmp": true, ".tif": true, ".tiff": true, ".webp": true, ".heic": true,
	".mp3": true, ".wav": true, ".m4a": true, ".mp4": true, ".mov": true, ".avi": true, ".wmv": true, ".mkv": true,
}

// Viewable reports whether a file of extension ext (with its dot, any
// case) may be opened in the system's viewer.
func Viewable(ext string) bool { return viewable[strings.ToLower(ext)] }
