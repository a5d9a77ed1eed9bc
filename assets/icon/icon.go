// Package icon embeds the application icon (512×512 PNG), also named in
// FyneApp.toml.
package icon

import _ "embed"

// PNG is icon.png.
//
//go:embed icon.png
var PNG []byte
