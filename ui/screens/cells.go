package screens

import (
	"image/color"

	"junheng/app/eval"
	"junheng/app/format"
	"junheng/app/standard"
	jtheme "junheng/ui/theme"
)

// cellState is how a school part's indicator reads: the value as printed
// and its colour (met / below but ≥ 85% / below 85% / 未填报). The verdicts
// come from the evaluation: Met and the shortfall's ratio.
type cellState int

const (
	stateMissing cellState = iota
	stateMet
	stateNear
	stateBelow
)

func stateOf(p *eval.SchoolPart, code string, std *standard.Standard) cellState {
	if p.Values[code] == nil {
		return stateMissing
	}
	if p.Met[code] {
		return stateMet
	}
	if sf := shortfall(p, code); sf != nil && sf.Ratio >= std.PartPassFloor {
		return stateNear
	}
	return stateBelow
}

func shortfall(p *eval.SchoolPart, code string) *eval.Shortfall {
	for i := range p.Shortfalls {
		if p.Shortfalls[i].Code == code {
			return &p.Shortfalls[i]
		}
	}
	return nil
}

func valueText(p *eval.SchoolPart, code string) string {
	return format.Opt(p.Values[code], format.ValueDecimals)
}

func (c cellState) background() color.Color {
	switch c {
	case stateMet:
		return jtheme.Met
	case stateNear:
		return jtheme.Near
	case stateBelow:
		return jtheme.Below
	}
	return jtheme.Missing
}

func (c cellState) bar() color.Color {
	switch c {
	case stateMet:
		return jtheme.BarMet
	case stateNear:
		return jtheme.BarNear
	}
	return jtheme.BarBelow
}
