// Package golden compares test output with golden files kept under testdata/, and rewrites
// them when the tests run with -update. It owns the one -update flag of the repository: every
// test binary that imports it accepts -update, so that `go test ./... -update` runs.
//
// It is imported by tests only.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ instead of comparing with them")

// Updating reports whether the tests run with -update.
func Updating() bool { return *update }

// Check compares got with the golden file at path. With -update it writes got to path instead
// (only when they differ, so an unchanged golden keeps its time stamp); without, a difference
// fails the test with the first differing lines and the command that rewrites the file.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	want, err := os.ReadFile(path)
	if *update {
		if err == nil && bytes.Equal(want, got) {
			return
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote %s", path)
		return
	}
	if err != nil {
		t.Fatalf("%v (%s writes it)", err, rerun(t))
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs (-want +got; %s rewrites it):\n%s", path, rerun(t), Diff(want, got))
	}
}

// rerun is the command that runs t's test again with -update, from the module root.
func rerun(t testing.TB) string {
	name, _, _ := strings.Cut(t.Name(), "/")
	pkg := "."
	if dir, err := os.Getwd(); err == nil {
		for root := dir; ; {
			if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
				if rel, err := filepath.Rel(root, dir); err == nil && rel != "." {
					pkg = "./" + filepath.ToSlash(rel)
				}
				break
			}
			up := filepath.Dir(root)
			if up == root {
				break
			}
			root = up
		}
	}
	return fmt.Sprintf("go test %s -run '^%s$' -update", pkg, name)
}

// Diff shows where two texts first differ, for a test failure: the lines they share at both
// ends are left out, the rest is shown as the lines of want (-) then those of got (+), with up
// to three lines of context before, at most maxLines of each, every line clipped to a window
// around the first differing column. It returns "" when the texts are equal.
//
// It is not a minimal diff (like cmd/gofmt's tests' unified diff): the goldens run to tens of
// thousands of lines, and what a reader needs is the first difference, found in linear time.
func Diff(want, got []byte) string {
	if bytes.Equal(want, got) {
		return ""
	}
	w, g := lines(want), lines(got)
	// Lines both share at the start, then at the end (not overlapping the start).
	pre := 0
	for pre < len(w) && pre < len(g) && w[pre] == g[pre] {
		pre++
	}
	suf := 0
	for suf < len(w)-pre && suf < len(g)-pre && w[len(w)-1-suf] == g[len(g)-1-suf] {
		suf++
	}
	wd, gd := w[pre:len(w)-suf], g[pre:len(g)-suf]

	// The column where the first differing lines part: long lines are shown around it.
	col := 0
	if len(wd) > 0 && len(gd) > 0 {
		a, b := wd[0], gd[0]
		for col < len(a) && col < len(b) && a[col] == b[col] {
			col++
		}
		for col > 0 && col < len(a) && !utf8.RuneStart(a[col]) {
			col--
		}
	}

	var b strings.Builder
	fmt.Fprintf(&b, "@@ line %d: -%d +%d lines @@\n", pre+1, len(wd), len(gd))
	for i := max(0, pre-contextLines); i < pre; i++ {
		b.WriteString("  " + clip(w[i], col) + "\n")
	}
	show := func(sign string, ls []string) {
		for i, l := range ls {
			if i == maxLines {
				fmt.Fprintf(&b, "%s … %d more lines\n", sign, len(ls)-maxLines)
				break
			}
			b.WriteString(sign + " " + clip(l, col) + "\n")
		}
	}
	show("-", wd)
	show("+", gd)
	return b.String()
}

const (
	contextLines = 3
	maxLines     = 10
	maxWidth     = 160 // bytes of a line shown
)

// lines splits text into lines, keeping a final line without newline apart from one with: a
// missing or extra newline at the end shows as a difference.
func lines(text []byte) []string {
	ls := strings.SplitAfter(string(text), "\n")
	if ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	for i, l := range ls {
		if s, ok := strings.CutSuffix(l, "\n"); ok {
			ls[i] = s
		} else {
			ls[i] = l + " (no newline at end)"
		}
	}
	return ls
}

// clip shows at most maxWidth bytes of l, starting a little before col when l is longer.
func clip(l string, col int) string {
	if len(l) <= maxWidth {
		return l
	}
	start := max(0, min(col-maxWidth/4, len(l)-maxWidth))
	for start > 0 && !utf8.RuneStart(l[start]) {
		start--
	}
	end := min(len(l), start+maxWidth)
	for end < len(l) && !utf8.RuneStart(l[end]) {
		end++
	}
	s := l[start:end]
	if start > 0 {
		s = "…" + s
	}
	if end < len(l) {
		s += "…"
	}
	return s
}
