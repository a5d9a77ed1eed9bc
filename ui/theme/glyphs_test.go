package theme

import (
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/image/font/sfnt"

	"junheng/assets/fonts"
)

// Every character in a string literal of the program's visible code must
// exist in the bundled font: Windows has no system fallback for Fyne, so a
// missing glyph (✘, say) shows as a box on the clerk's screen.
func TestEveryVisibleCharacterIsInTheFont(t *testing.T) {
	f, err := sfnt.Parse(fonts.Regular)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	missing := map[rune]string{}
	for _, root := range []string{"../../ui", "../../app", "../../cmd/junheng"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			var s scanner.Scanner
			fset := token.NewFileSet()
			s.Init(fset.AddFile(path, -1, len(src)), src, nil, 0)
			for {
				pos, tok, lit := s.Scan()
				if tok == token.EOF {
					break
				}
				if tok != token.STRING && tok != token.CHAR {
					continue
				}
				text, err := strconv.Unquote(lit)
				if err != nil {
					continue
				}
				for _, r := range text {
					if r < 0x20 || unicode.Is(unicode.Cf, r) { // format marks (BOM, zero-width space) are never drawn
						continue
					}
					if i, _ := f.GlyphIndex(&buf, r); i == 0 {
						missing[r] = fset.Position(pos).String()
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for r, where := range missing {
		t.Errorf("%q (U+%04X) is not in Noto Sans SC, used at %s", r, r, where)
	}
}
