//go:build !windows

package data

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

const permEnv = "JUNHENG_PERM_CHILD"

// TestPermissionChild runs, as an unprivileged user, what a clerk without
// write permission does with the file named in its environment, and
// prints each message: "STEP\tmessage".
func TestPermissionChild(t *testing.T) {
	path := os.Getenv(permEnv)
	if path == "" {
		t.Skip("child process of TestPermissionDeniedIsWorded")
	}
	permSteps(path, os.Stdout)
	os.Exit(0)
}

func permSteps(path string, out io.Writer) {
	say := func(step string, err error) {
		msg := "<nil>"
		if err != nil {
			msg = strings.ReplaceAll(err.Error(), "\n", " ")
		}
		fmt.Fprintf(out, "%s\t%s\n", step, msg)
	}
	s, err := Open(path, OpenOptions{Settings: testSettings})
	say("edit", err)
	if err == nil {
		f, lerr := s.LoadYear("2024-2025")
		if lerr == nil {
			f.County.Name = "不应保存"
			lerr = s.SaveCounty("2024-2025", f.County)
		}
		say("save", lerr)
		s.Close()
	}
	s, err = Open(path, OpenOptions{ReadOnly: true})
	say("read", err)
	if err == nil {
		_, err = s.Backup()
		say("backup", err)
		s.Close()
	}
}

// Found: "permission denied". A clerk without write permission — a
// read-only file, a read-only folder — gets Chinese sentences, can still
// read, and nothing changes. As root chmod denies nothing, so the steps
// run in a child process as the unprivileged user nobody.
func TestPermissionDeniedIsWorded(t *testing.T) {
	root := t.TempDir()
	os.Chmod(filepath.Dir(root), 0o755)
	os.Chmod(root, 0o755)
	src := sampleFile(t, root)
	cases := []struct {
		name     string
		fileMode os.FileMode
		dirMode  os.FileMode
		want     map[string]string // step → part of its message ("" = must succeed)
	}{
		{"read-only folder", 0o644, 0o555, map[string]string{"edit": "没有权限", "read": "", "backup": "没有权限"}},
		{"read-only file", 0o444, 0o777, map[string]string{"edit": "没有权限", "read": "", "backup": ""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(root, strings.ReplaceAll(c.name, " ", "-"))
			os.Mkdir(dir, 0o755)
			path := filepath.Join(dir, "乡镇.db")
			copyData(t, path, src)
			want := countyJSON(t, path)
			os.RemoveAll(SideFolder(path))
			os.Remove(lockPath(path))
			os.Chmod(path, c.fileMode)
			os.Chmod(dir, c.dirMode)
			defer os.Chmod(dir, 0o755)
			before := fileSum(t, path)
			got := runPermSteps(t, root, path)
			for step, part := range c.want {
				msg, ran := got[step]
				switch {
				case !ran:
					t.Errorf("%s did not run: %v", step, got)
				case part == "" && msg != "<nil>":
					t.Errorf("%s: %s", step, msg)
				case part != "":
					assertChinese(t, fmt.Errorf("%s", msg), path, part)
				}
			}
			if fileSum(t, path) != before {
				t.Error("the file changed")
			}
			for _, left := range []string{lockPath(path), path + "-journal"} {
				if _, err := os.Stat(left); err == nil {
					t.Errorf("left beside the file: %s", left)
				}
			}
			os.Chmod(dir, 0o755)
			if countyJSON(t, path) != want {
				t.Error("the county changed")
			}
		})
	}
}

// runPermSteps runs permSteps as nobody (when root) or in this process.
func runPermSteps(t *testing.T, root, path string) map[string]string {
	t.Helper()
	var r io.Reader
	if os.Getuid() != 0 {
		var b strings.Builder
		permSteps(path, &b)
		r = strings.NewReader(b.String())
	} else {
		bin := filepath.Join(root, "data.test")
		if _, err := os.Stat(bin); err != nil {
			copyData(t, bin, os.Args[0])
			os.Chmod(bin, 0o755)
		}
		cmd := exec.Command(bin, "-test.run=^TestPermissionChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), permEnv+"="+path, "HOME="+root, "TMPDIR="+root)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		out, err := cmd.Output()
		if err != nil {
			t.Skipf("cannot run a child as nobody: %v", err)
		}
		r = strings.NewReader(string(out))
	}
	got := map[string]string{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if step, msg, ok := strings.Cut(sc.Text(), "\t"); ok {
			got[step] = msg
		}
	}
	return got
}
