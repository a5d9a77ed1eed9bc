// Package demo embeds the bundled demo county, shaped like 义马市 in the
// seed report (10 小学, 4 初中, 1 九年一贯制, 4 教学点 with 52 students;
// 7,623 primary and 2,450 junior students), so a first run shows real
// screens. Most schools pass; a few miss one or two indicators, and the
// 2017–2020 funding rows carry the seed's own figures (the 2017 base year
// is back-computed from the growth rates the seed states: 153,122 / 1.0768
// and 14,720 / (1 − 0.4017)). It shows a complete dossier: 表Ⅰ's county
// facts, 教职工 per school, the application (发文字号, 签发人, 附件, contact),
// how the survey was done, and a 整改台账 entry with measures, unit and
// deadline for every item that fails.
package demo

import (
	_ "embed"

	"junheng/app/county"
)

// JSON is the demo county file (junheng-county/1).
//
//go:embed yima.json
var JSON []byte

// File decodes the demo county. The file is tested to be valid, so an
// error here is a build defect and panics.
func File() *county.File {
	f, err := county.Decode(JSON)
	if err != nil {
		panic("demo county is invalid: " + err.Error())
	}
	return f
}
