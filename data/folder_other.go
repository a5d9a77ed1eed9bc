//go:build !windows

package data

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// documentsDir follows the XDG user-dirs convention: $XDG_DOCUMENTS_DIR,
// then XDG_DOCUMENTS_DIR in ~/.config/user-dirs.dirs (where a Chinese
// desktop names it ~/文档), then ~/Documents.
func documentsDir() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	if d := os.Getenv("XDG_DOCUMENTS_DIR"); d != "" {
		return expandHome(d, home), nil
	}
	cfg := os.Getenv("XDG_CONFIG_HOME")
	if cfg == "" {
		cfg = filepath.Join(home, ".config")
	}
	if f, err := os.Open(filepath.Join(cfg, "user-dirs.dirs")); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "XDG_DOCUMENTS_DIR="); ok {
				return expandHome(strings.Trim(v, `"`), home), nil
			}
		}
	}
	return filepath.Join(home, "Documents"), nil
}

func expandHome(p, home string) string {
	if rest, ok := strings.CutPrefix(p, "$HOME"); ok {
		return filepath.Join(home, rest)
	}
	return p
}
