package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// failAfter is a disk that fills up after n bytes.
type failAfter struct {
	w io.Writer
	n int
}

var errFull = errors.New("no space left on device")

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		n, _ := f.w.Write(p[:f.n])
		f.n = 0
		return n, errFull
	}
	f.n -= len(p)
	return f.w.Write(p)
}

// writeN writes n bytes of b, failing after limit bytes when limit >= 0.
func writeN(b byte, n, limit int) func(io.Writer) error {
	return func(w io.Writer) error {
		if limit >= 0 {
			w = &failAfter{w: w, n: limit}
		}
		for range n / 1000 {
			if _, err := w.Write([]byte(strings.Repeat(string(b), 1000))); err != nil {
				return err
			}
		}
		return nil
	}
}

// listDir returns the names in dir.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// old writes the previous outputs a.txt and b.txt into a new folder.
func old(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range []string{"a.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("old "+n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func content(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A set is published whole or not at all: a disk that fills up while either file is written
// leaves both previous files and no temporary file.
func TestSetAllOrNothing(t *testing.T) {
	tests := []struct {
		name           string
		limitA, limitB int // bytes each may write before the disk is full; -1: no limit
		wantErr        bool
	}{
		{"both written", -1, -1, false},
		{"disk full during the first", 2500, -1, true},
		{"disk full at the first's start", 0, -1, true},
		{"disk full during the second", -1, 4500, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := old(t)
			s, err := NewSet(dir)
			if err != nil {
				t.Fatal(err)
			}
			err = func() error {
				defer s.Abort()
				for i, name := range []string{"a.txt", "b.txt"} {
					p, err := s.Stage(name)
					if err != nil {
						return err
					}
					limit := []int{tt.limitA, tt.limitB}[i]
					if err := Write(p, writeN('x'+byte(i), 5000, limit)); err != nil {
						return err
					}
				}
				return s.Commit()
			}()
			if (err != nil) != tt.wantErr {
				t.Fatalf("error %v, want one: %v", err, tt.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), filepath.Join(dir, "a.txt")) && !strings.Contains(err.Error(), filepath.Join(dir, "b.txt")) {
				t.Errorf("error %q does not name the output", err)
			}
			if got := listDir(t, dir); !slices.Equal(got, []string{"a.txt", "b.txt"}) {
				t.Errorf("folder holds %v, want only a.txt and b.txt", got)
			}
			a, b := content(t, filepath.Join(dir, "a.txt")), content(t, filepath.Join(dir, "b.txt"))
			if tt.wantErr {
				if a != "old a.txt" || b != "old b.txt" {
					t.Errorf("after a failed set: a %d bytes, b %d bytes; want both previous", len(a), len(b))
				}
			} else if a != strings.Repeat("x", 5000) || b != strings.Repeat("y", 5000) {
				t.Errorf("after a committed set: a %d bytes, b %d bytes; want both new", len(a), len(b))
			}
		})
	}
}

// Write alone (the template, the annotated copy) keeps the previous file on a full disk.
func TestWriteFullDisk(t *testing.T) {
	dir := old(t)
	err := Write(filepath.Join(dir, "a.txt"), writeN('x', 5000, 1200))
	if !errors.Is(err, errFull) {
		t.Fatalf("error %v, want the full disk's", err)
	}
	if got := content(t, filepath.Join(dir, "a.txt")); got != "old a.txt" {
		t.Errorf("a.txt holds %d bytes, want the previous file", len(got))
	}
	if got := listDir(t, dir); !slices.Equal(got, []string{"a.txt", "b.txt"}) {
		t.Errorf("folder holds %v", got)
	}
}

// An interrupt removes every temporary file and stops the renames still to come.
func TestInterrupt(t *testing.T) {
	t.Cleanup(func() {
		temps.Lock()
		temps.interrupted = false
		temps.Unlock()
	})
	dir := old(t)
	s, err := NewSet(dir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.Stage("a.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(p, writeN('x', 3000, -1)); err != nil {
		t.Fatal(err)
	}
	// a Write under way in another output when the signal comes
	var other error
	err = Write(filepath.Join(dir, "b.txt"), func(w io.Writer) error {
		Interrupt()
		_, other = w.Write([]byte("new"))
		return other
	})
	if !errors.Is(err, ErrInterrupted) {
		t.Errorf("Write after an interrupt: %v, want ErrInterrupted", err)
	}
	if err := s.Commit(); !errors.Is(err, ErrInterrupted) {
		t.Errorf("Commit after an interrupt: %v, want ErrInterrupted", err)
	}
	if _, err := s.Stage("c.txt"); !errors.Is(err, ErrInterrupted) {
		t.Errorf("Stage after an interrupt: %v, want ErrInterrupted", err)
	}
	if got := listDir(t, dir); !slices.Equal(got, []string{"a.txt", "b.txt"}) {
		t.Errorf("folder holds %v, want only the previous files", got)
	}
	if a, b := content(t, filepath.Join(dir, "a.txt")), content(t, filepath.Join(dir, "b.txt")); a != "old a.txt" || b != "old b.txt" {
		t.Errorf("a %q, b %q: want the previous files", a, b)
	}
}

// A later run finishes the commit of a run that died between two renames, and removes that
// run's temporary files; a journal cut short publishes nothing.
func TestRecover(t *testing.T) {
	const dead = 999999
	tests := []struct {
		name    string
		journal string
		renamed bool // the dead run had renamed a.txt already
		want    [2]string
	}{
		{"died before the first rename", ".a.txt.999999-1.tmp\ta.txt\n.b.txt.999999-2.tmp\tb.txt\nend\n", false, [2]string{"new a", "new b"}},
		{"died between the renames", ".a.txt.999999-1.tmp\ta.txt\n.b.txt.999999-2.tmp\tb.txt\nend\n", true, [2]string{"new a", "new b"}},
		{"died writing the journal", ".a.txt.999999-1.tmp\ta.txt\n.b.txt.999", false, [2]string{"old a.txt", "old b.txt"}},
		{"a journal naming a path", "../x.tmp\ta.txt\nend\n", false, [2]string{"old a.txt", "old b.txt"}},
		{"no journal", "", false, [2]string{"old a.txt", "old b.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := old(t)
			write := func(name, s string) {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if tt.renamed {
				write("a.txt", "new a")
			} else {
				write(".a.txt.999999-1.tmp", "new a")
			}
			write(".b.txt.999999-2.tmp", "new b")
			write(".b.txt.999999-3.tmp", "half of b") // Write's own temporary
			write(".b.txt.12-3.tmp", "another live run's")
			if tt.journal != "" {
				write(".publish.999999", tt.journal)
			}
			if _, err := Recover(dir, dead); err != nil {
				t.Fatal(err)
			}
			if a, b := content(t, filepath.Join(dir, "a.txt")), content(t, filepath.Join(dir, "b.txt")); a != tt.want[0] || b != tt.want[1] {
				t.Errorf("a %q, b %q; want %q", a, b, tt.want)
			}
			if got := listDir(t, dir); !slices.Equal(got, []string{".b.txt.12-3.tmp", "a.txt", "b.txt"}) {
				t.Errorf("folder holds %v, want the outputs and only the other run's temporary", got)
			}
		})
	}
}
