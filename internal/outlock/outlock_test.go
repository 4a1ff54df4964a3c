package outlock

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// deadPID returns the id of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("cannot run true:", err)
	}
	return cmd.Process.Pid
}

func TestTake(t *testing.T) {
	host, _ := os.Hostname()
	tests := []struct {
		name     string
		lockFile func(t *testing.T) string // what the folder's lock file holds beforehand; "": none
		heldBy   int                       // -1: this process, through another Take
		previous bool                      // taken over from a dead process
		wantHeld bool
	}{
		{name: "free folder"},
		{name: "held by another run", heldBy: -1, wantHeld: true},
		{name: "left by a process that is gone", previous: true,
			lockFile: func(t *testing.T) string { return strconv.Itoa(deadPID(t)) + "\n" + host + "\n" }},
		{name: "naming a live process without a file lock", wantHeld: true,
			lockFile: func(t *testing.T) string { return strconv.Itoa(os.Getppid()) + "\n" + host + "\n" }},
		{name: "from another host", wantHeld: true,
			lockFile: func(t *testing.T) string { return strconv.Itoa(deadPID(t)) + "\nelsewhere.example\n" }},
		{name: "empty, left by a run that died at once",
			lockFile: func(t *testing.T) string { return "" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, Name)
			var want int
			if tt.lockFile != nil {
				s := tt.lockFile(t)
				want, _ = strconv.Atoi(strings.Split(s, "\n")[0])
				if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if tt.heldBy == -1 {
				first, err := Take(dir)
				if err != nil {
					t.Fatal(err)
				}
				defer first.Release()
				want = os.Getpid()
			}
			l, err := Take(dir)
			var he *HeldError
			if tt.wantHeld {
				if !errors.As(err, &he) {
					t.Fatalf("Take: %v, want a HeldError", err)
				}
				if he.PID != want || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), strconv.Itoa(want)) {
					t.Errorf("error %q (pid %d): want it to name %s and process %d", err, he.PID, path, want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.previous && l.Previous != want || !tt.previous && l.Previous != 0 {
				t.Errorf("Previous %d, want %d", l.Previous, want)
			}
			b, _ := os.ReadFile(path)
			if got := string(b); got != strconv.Itoa(os.Getpid())+"\n"+host+"\n" {
				t.Errorf("lock file holds %q, want this process and host", got)
			}
			l.Release()
			l.Release()
			if _, err := os.Stat(path); !os.IsNotExist(err) {
				t.Errorf("lock file still there after Release: %v", err)
			}
		})
	}
}

// A folder Take made is removed again if the run leaves it empty; one that held files stays.
func TestReleaseRemovesTheFoldersItMade(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "a", "b")
	l, err := Take(dir)
	if err != nil {
		t.Fatal(err)
	}
	l.Release()
	if _, err := os.Stat(filepath.Join(root, "a")); !os.IsNotExist(err) {
		t.Errorf("%s still there: %v", filepath.Join(root, "a"), err)
	}
	l, err = Take(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "report.html"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	l.Release()
	if _, err := os.Stat(filepath.Join(dir, "report.html")); err != nil {
		t.Errorf("the output written is gone: %v", err)
	}
}
