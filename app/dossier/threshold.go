package dossier

import (
	"math"
	"strconv"
	"strings"

	"junheng/app/format"
	"junheng/app/standard"
)

// A threshold and the values compared with it are printed so that the
// printed numbers give the printed verdict: the limit with as many
// decimals as it has (85 % of 4.5 is "3.825", not "3.82"), and a value
// with more than the usual two decimals when two decimals would read on
// the wrong side of a printed limit (3.823 against ≥3.825 prints 3.823).

// limitText prints a standard's limit exactly, with at least two and at
// most four decimals.
func limitText(x float64) string {
	for dec := format.ValueDecimals; dec < 4; dec++ {
		if s := format.Number(x, dec); math.Abs(parsePrinted(s)-x) <= 1e-9*math.Max(1, math.Abs(x)) {
			return s
		}
	}
	return format.Number(x, 4)
}

// parsePrinted reads a number printed by app/format back.
func parsePrinted(s string) float64 {
	v, _ := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return v
}

// valueAgainst prints v so that, read against each printed limit (≥), it
// falls on the side the evaluation decided.
func valueAgainst(v float64, limits ...float64) string {
	for dec := format.ValueDecimals; dec < 6; dec++ {
		s := format.Number(v, dec)
		ok := true
		for _, l := range limits {
			if (parsePrinted(s) >= parsePrinted(limitText(l))) != standard.AtLeast(v, l) {
				ok = false
			}
		}
		if ok {
			return s
		}
	}
	return format.Number(v, 6)
}
