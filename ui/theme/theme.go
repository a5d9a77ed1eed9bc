// Package theme is the look of 均衡评估助手: a light theme for long data
// entry, the bundled Noto Sans SC for every text style (no glyph falls back
// to boxes and no system font scan happens), a user-chosen UI scale, and the
// three status colours of result tables.
package theme

import (
	"image/color"

	"fyne.io/fyne/v2"
	ftheme "fyne.io/fyne/v2/theme"

	"junheng/assets/fonts"
)

var (
	regular = fyne.NewStaticResource("NotoSansSC-Regular.ttf", fonts.Regular)
	bold    = fyne.NewStaticResource("NotoSansSC-Bold.ttf", fonts.Bold)
)

// Theme is the application theme. Scale multiplies every size (1 = 100%).
type Theme struct {
	Scale float32
}

// New returns the theme at a scale; a scale outside 0.5–3 means 1.
func New(scale float32) *Theme {
	if scale < 0.5 || scale > 3 {
		scale = 1
	}
	return &Theme{Scale: scale}
}

var _ fyne.Theme = (*Theme)(nil)

// Font returns the bundled CJK font: bold for bold text, regular otherwise
// (monospace and italic too, so that no style needs a system font).
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Bold {
		return bold
	}
	return regular
}

// Color is the light variant whatever the system asks for: clerks enter data
// for hours, and the result colours must read the same on every machine.
func (t *Theme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case ftheme.ColorNameBackground:
		return color.NRGBA{0xf7, 0xf8, 0xfa, 0xff}
	case ftheme.ColorNameInputBackground:
		return color.White
	case ftheme.ColorNameHeaderBackground:
		return color.NRGBA{0xe8, 0xec, 0xf2, 0xff}
	case ftheme.ColorNamePrimary:
		return color.NRGBA{0x1f, 0x5f, 0xa8, 0xff}
	case ftheme.ColorNameDisabled, ftheme.ColorNamePlaceHolder:
		return color.NRGBA{0x80, 0x80, 0x80, 0xff} // hints and 未填报 stay readable
	case ftheme.ColorNameError:
		return color.NRGBA{0xc6, 0x28, 0x28, 0xff}
	case ftheme.ColorNameSuccess:
		return color.NRGBA{0x2e, 0x7d, 0x32, 0xff}
	case ftheme.ColorNameWarning:
		return color.NRGBA{0xb2, 0x6a, 0x00, 0xff}
	}
	return ftheme.DefaultTheme().Color(n, ftheme.VariantLight)
}

// Icon is the default icon set.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return ftheme.DefaultTheme().Icon(n)
}

// Size is the default size times the scale.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 {
	s := ftheme.DefaultTheme().Size(n)
	if n == ftheme.SizeNameText {
		s++ // CJK reads better a point larger
	}
	return s * t.Scale
}

// Status colours of result cells (light tints so black text stays legible).
var (
	Met     = color.NRGBA{0xd7, 0xf0, 0xd9, 0xff} // meets the standard
	Near    = color.NRGBA{0xff, 0xec, 0xc2, 0xff} // below it but ≥ 85%
	Below   = color.NRGBA{0xf8, 0xd3, 0xd3, 0xff} // below 85%
	Missing = color.NRGBA{0xe6, 0xe6, 0xe6, 0xff} // 未填报
	Plain   = color.NRGBA{0xff, 0xff, 0xff, 0x00}
	// Bar and line colours of the charts.
	BarMet   = color.NRGBA{0x43, 0xa0, 0x47, 0xff}
	BarNear  = color.NRGBA{0xf9, 0xa8, 0x25, 0xff}
	BarBelow = color.NRGBA{0xe5, 0x39, 0x35, 0xff}
	Line     = color.NRGBA{0x1f, 0x5f, 0xa8, 0xff}
)
