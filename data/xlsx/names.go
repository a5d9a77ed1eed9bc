package xlsx

import (
	"junheng/app/county"
	"regexp"
	"strings"
	"unicode/utf8"
)

// copySuffix is what Excel, WPS and LibreOffice append to a copied sheet
// or a duplicated header: 「小学教师 (2)」, 「小学教师_2」, 「小学教师 - 副本」.
var copySuffix = regexp.MustCompile(`(\s*[（(]\d+[)）]|[_\-－]\d+|\s*[-－]?\s*副本\d*|\s*\d+)$`)

// guess returns the candidate a clerk most likely meant by name: the one
// it is a copy of, the one it contains or is contained in, or the nearest
// by edit distance (at most a third of its length). "" when none is close.
func guess(name string, candidates []string) string {
	n := normalize(name)
	stripped := normalize(copySuffix.ReplaceAllString(strings.TrimSpace(name), ""))
	for _, c := range candidates {
		if normalize(c) == stripped {
			return c
		}
	}
	best, bestD := "", 0
	for _, c := range candidates {
		cn := normalize(c)
		short := normalize(c)
		if i := strings.Index(c, "（"); i > 0 {
			short = normalize(c[:i])
		}
		if n != "" && (strings.Contains(n, short) || strings.Contains(cn, n)) {
			return c
		}
		d := editDistance(n, cn)
		if sd := editDistance(n, short); sd < d {
			d = sd
		}
		if best == "" || d < bestD {
			best, bestD = c, d
		}
	}
	if best != "" && bestD*3 <= utf8.RuneCountInString(n) {
		return best
	}
	return ""
}

// editDistance is the Levenshtein distance in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// sameName compares a school name typed in a workbook with a saved one,
// ignoring spaces and the width of brackets and punctuation.
func sameName(a, b string) bool { return normalize(a) == normalize(b) }

// cleanID folds a school id as typed (the catalogue's rule): spaces
// trimmed, full-width digits folded, a leading apostrophe (kept by
// LibreOffice in a text cell) stripped.
func cleanID(s string) string { return county.CleanID(s) }
