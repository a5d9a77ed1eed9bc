// Package fonts embeds the CJK TrueType fonts used by the GUI theme and the
// PDF dossier: Noto Sans SC regular and bold (SIL Open Font License 1.1,
// see OFL.txt), from the npm package @expo-google-fonts/noto-sans-sc 0.4.3.
// TrueType (.ttf) because gofpdf refuses CFF/.otf and Fyne refuses .ttc.
package fonts

import _ "embed"

// Regular is NotoSansSC_400Regular.ttf.
//
//go:embed NotoSansSC_400Regular.ttf
var Regular []byte

// Bold is NotoSansSC_700Bold.ttf.
//
//go:embed NotoSansSC_700Bold.ttf
var Bold []byte

// Serif is NotoSerifSC_400Regular.ttf (SIL Open Font License 1.1, see
// OFL-NotoSerifSC.txt), from the npm package @expo-google-fonts/noto-serif-sc
// 0.4.3: the body face of the PDF dossier (official documents set body
// text in a 宋体-style serif). One weight only: headings use the bold sans.
//
//go:embed NotoSerifSC_400Regular.ttf
var Serif []byte
