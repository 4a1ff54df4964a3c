package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	long := strings.Repeat("x", 300)
	for _, c := range []struct {
		name, want, got string
		diff            string
	}{
		{name: "equal", want: "a\nb\n", got: "a\nb\n", diff: ""},
		{name: "one line changed", want: "a\nb\nc\nd\ne\nf\n", got: "a\nb\nc\nd\nE\nf\n",
			diff: "@@ line 5: -1 +1 lines @@\n  b\n  c\n  d\n- e\n+ E\n"},
		{name: "line added", want: "a\nc\n", got: "a\nb\nc\n",
			diff: "@@ line 2: -0 +1 lines @@\n  a\n+ b\n"},
		{name: "line removed at start", want: "a\nb\n", got: "b\n",
			diff: "@@ line 1: -1 +0 lines @@\n- a\n"},
		{name: "newline at end missing", want: "a\nb\n", got: "a\nb",
			diff: "@@ line 2: -1 +1 lines @@\n  a\n- b\n+ b (no newline at end)\n"},
		{name: "empty want", want: "", got: "a\n",
			diff: "@@ line 1: -0 +1 lines @@\n+ a\n"},
		{name: "long line clipped around the difference", want: long + "A" + long + "\n", got: long + "B" + long + "\n",
			diff: "@@ line 1: -1 +1 lines @@\n- …" + strings.Repeat("x", 40) + "A" + strings.Repeat("x", 119) + "…\n+ …" + strings.Repeat("x", 40) + "B" + strings.Repeat("x", 119) + "…\n"},
		{name: "many lines cut", want: "a\n", got: strings.Repeat("b\n", 12),
			diff: "@@ line 1: -1 +12 lines @@\n- a\n" + strings.Repeat("+ b\n", 10) + "+ … 2 more lines\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if d := Diff([]byte(c.want), []byte(c.got)); d != c.diff {
				t.Errorf("Diff:\n%s\nwant:\n%s", d, c.diff)
			}
		})
	}
}

// Check compares, and with -update rewrites only a file that differs.
func TestCheck(t *testing.T) {
	defer func(u bool) { *update = u }(*update)
	path := filepath.Join(t.TempDir(), "out.golden")

	*update = false
	if r := checkIn(t, path, "one\n"); !r.failed || !strings.Contains(r.log, "no such file") {
		t.Errorf("missing golden: failed %v, log %q", r.failed, r.log)
	}

	*update = true
	if r := checkIn(t, path, "one\n"); r.failed || !strings.Contains(r.log, "rewrote") {
		t.Errorf("update of a missing golden: failed %v, log %q", r.failed, r.log)
	}
	if b, _ := os.ReadFile(path); string(b) != "one\n" {
		t.Errorf("golden holds %q", b)
	}
	if r := checkIn(t, path, "one\n"); r.failed || r.log != "" {
		t.Errorf("update of an equal golden: failed %v, log %q", r.failed, r.log)
	}

	*update = false
	if r := checkIn(t, path, "one\n"); r.failed {
		t.Errorf("equal golden failed: %s", r.log)
	}
	r := checkIn(t, path, "two\n")
	if !r.failed || !strings.Contains(r.log, "- one\n+ two") || !strings.Contains(r.log, "-run '^TestCheck$' -update") {
		t.Errorf("different golden: failed %v, log %q", r.failed, r.log)
	}
	if b, _ := os.ReadFile(path); string(b) != "one\n" {
		t.Errorf("a comparison changed the golden: %q", b)
	}
}

// recorder is a testing.TB that keeps what a check logs and whether it failed.
type recorder struct {
	testing.TB
	name   string
	log    string
	failed bool
}

func (r *recorder) Helper()                   {}
func (r *recorder) Name() string              { return r.name }
func (r *recorder) Logf(f string, a ...any)   { r.log += fmt.Sprintf(f, a...) }
func (r *recorder) Errorf(f string, a ...any) { r.log += fmt.Sprintf(f, a...); r.failed = true }
func (r *recorder) Fatalf(f string, a ...any) {
	r.log += fmt.Sprintf(f, a...)
	r.failed = true
	panic(r)
}
func (r *recorder) Fatal(a ...any) { r.log += fmt.Sprintln(a...); r.failed = true; panic(r) }

func checkIn(t *testing.T, path, got string) (r *recorder) {
	r = &recorder{TB: t, name: t.Name()}
	defer func() {
		if p := recover(); p != nil && p != r {
			panic(p)
		}
	}()
	Check(r, path, []byte(got))
	return r
}
