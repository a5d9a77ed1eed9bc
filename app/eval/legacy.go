package eval

import (
	"fmt"

	"junheng/app/standard"
)

// legacyStage computes the 2012 基本均衡 coefficients B1–B8 and their
// composite (arithmetic mean of the eight), over the same units as R1–R7.
func legacyStage(units []*unit, stage string, std *standard.Standard) *LegacyStage {
	if len(units) == 0 {
		return nil
	}
	limit := std.LegacyLimit(stage)
	means, cvs, _, notes := stageCoefficients(units, legacyIndicators, limit)
	ls := &LegacyStage{Mean: means, CV: cvs, Limit: limit}
	var total float64
	for _, code := range standard.LegacyCodes {
		if cvs[code] == nil {
			ls.Note = fmt.Sprintf("%s %s，综合差异系数无法计算", code, notes[code])
			return ls
		}
		total += *cvs[code]
	}
	ls.Composite = ptr(total / float64(len(standard.LegacyCodes)))
	ls.Pass = standard.AtMost(*ls.Composite, limit)
	return ls
}
