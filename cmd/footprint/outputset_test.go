package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// pairSite is a folder with a small and a big workbook of the same year, so that report.html
// and footprint-2024.xlsx have the same names from either and differ in content, and the
// pair each writes into a folder of its own.
type pairSite struct {
	dir, small, big string
	old, new        map[string][]byte // the pair from small, from big
}

var pairNames = []string{"report.html", "footprint-2024.xlsx"}

func newPairSite(t *testing.T, rows int) *pairSite {
	t.Helper()
	s := &pairSite{dir: t.TempDir()}
	if err := os.WriteFile(filepath.Join(s.dir, "config.yaml"), []byte("site: Plant\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.small = filepath.Join(s.dir, "small.xlsx")
	writeWorkbook(t, s.small, map[string][][]any{"Energy": {header, {2024, "Plant", "P", "fr.natural-gas.pcs", 10, "MWh PCS"}}})
	s.big = filepath.Join(s.dir, "big.xlsx")
	bigWorkbook(t, s.big, rows)
	s.old = s.report(t, s.small, filepath.Join(s.dir, "ref-old"))
	s.new = s.report(t, s.big, filepath.Join(s.dir, "ref-new"))
	return s
}

// report runs an uninterrupted report of input into out and returns the pair.
func (s *pairSite) report(t *testing.T, input, out string) map[string][]byte {
	t.Helper()
	if r := footprint(t, s.dir, "report", "--input", input, "--out", out); r.code != 0 {
		t.Fatalf("report --input %s: exit %d\n%s", input, r.code, r.stderr)
	}
	return readPair(t, out)
}

func readPair(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	for _, n := range pairNames {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		m[n] = b
	}
	return m
}

// checkFolder checks that out holds the pair, both old or both new, and nothing else: no
// temporary file, journal or lock. It returns which.
func (s *pairSite) checkFolder(t *testing.T, out string) string {
	t.Helper()
	es, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	if want := slices.Sorted(slices.Values(pairNames)); !slices.Equal(names, want) {
		t.Errorf("%s holds %v, want only %v", out, names, want)
	}
	got := readPair(t, out)
	which := func(n string) string {
		switch {
		case bytes.Equal(got[n], s.old[n]):
			return "old"
		case bytes.Equal(got[n], s.new[n]):
			return "new"
		}
		return fmt.Sprintf("neither (%d bytes)", len(got[n]))
	}
	page, export := which(pairNames[0]), which(pairNames[1])
	if page != export || page != "old" && page != "new" {
		t.Errorf("report.html is %s, the export is %s: want both from one run", page, export)
	}
	return page
}

// start starts `footprint report` of input into out, with its own TMPDIR.
func start(t *testing.T, dir, tmp string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &stderr
}

// waitFor polls until seen is true or cmd has ended; it reports whether seen became true
// while cmd ran.
func waitFor(cmd *exec.Cmd, done <-chan struct{}, seen func() bool) bool {
	for {
		select {
		case <-done:
			return false
		default:
		}
		if seen() {
			return true
		}
		time.Sleep(time.Millisecond)
	}
}

// stagedExport returns the size of the export's temporary file in out, -1 if there is none.
func stagedExport(out string) int64 {
	es, _ := os.ReadDir(out)
	for _, e := range es {
		if strings.HasPrefix(e.Name(), ".footprint-2024.xlsx.") && strings.HasSuffix(e.Name(), ".tmp") {
			if fi, err := e.Info(); err == nil {
				return fi.Size()
			}
		}
	}
	return -1
}

// A `report` interrupted by SIGINT or SIGTERM at any moment (computing, writing the export,
// publishing it) leaves its folder with report.html and the export both from the previous run
// or both from this one, no temporary file there or in TMPDIR, and no lock; it exits 130 or
// 143 if the signal came before it ended.
func TestReportSignalKeepsThePair(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a large workbook")
	}
	s := newPairSite(t, 60000)
	moments := []struct {
		name string
		seen func(out string) bool
	}{
		{"early, computing", func(out string) bool { return exists(filepath.Join(out, ".footprint.lock")) }},
		{"mid export", func(out string) bool { return stagedExport(out) >= 0 }},
		{"late, copying the export into place", func(out string) bool { return stagedExport(out) > 0 }},
	}
	signals := []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}}
	for _, m := range moments {
		for _, sg := range signals {
			t.Run(m.name+"/"+sg.sig.String(), func(t *testing.T) {
				out := filepath.Join(t.TempDir(), "out")
				for attempt := 0; ; attempt++ {
					// the previous pair, from the small workbook
					if err := os.RemoveAll(out); err != nil {
						t.Fatal(err)
					}
					s.report(t, s.small, out)
					tmp := t.TempDir()
					cmd, stderr := start(t, s.dir, tmp, "report", "--input", s.big, "--out", out)
					done := make(chan struct{})
					var werr error
					go func() { werr = cmd.Wait(); close(done) }()
					hit := waitFor(cmd, done, func() bool { return m.seen(out) })
					if hit {
						cmd.Process.Signal(sg.sig)
					}
					<-done
					code := cmd.ProcessState.ExitCode()
					if !hit || code == 0 {
						// the run ended before the moment was seen or the signal reached it
						if attempt < 3 {
							continue
						}
						t.Fatalf("could not signal the run %s (exit %d, %v)\n%s", m.name, code, werr, stderr)
					}
					if code != sg.code || !strings.Contains(stderr.String(), "interrupted ("+map[int]string{130: "SIGINT", 143: "SIGTERM"}[code]+")") {
						t.Errorf("exit %d, want %d, stderr:\n%s", code, sg.code, stderr)
					}
					t.Logf("interrupted; the folder holds the %s pair", s.checkFolder(t, out))
					if left, _ := os.ReadDir(tmp); len(left) > 0 {
						t.Errorf("TMPDIR holds %d entries after the run, e.g. %s", len(left), left[0].Name())
					}
					return
				}
			})
		}
	}
}

// A disk that fills up while report.html or the export is written (here: a file size limit
// the run cannot exceed) fails the run with exit 1 and leaves the previous pair, and no
// temporary file.
func TestReportFullDiskKeepsThePair(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a large workbook")
	}
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		t.Skip("prlimit not found: cannot limit the size of the files the run writes")
	}
	s := newPairSite(t, 30000)
	page, export := len(s.new["report.html"]), len(s.new["footprint-2024.xlsx"])
	if export <= page+4096 {
		t.Fatalf("the export (%d bytes) must be larger than the page (%d) for this test", export, page)
	}
	tests := []struct {
		name  string
		limit int // bytes any file may hold
	}{
		{"full while writing report.html", page / 2},
		{"full while writing the export", (page + export) / 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			s.report(t, s.small, out)
			tmp := t.TempDir()
			cmd := exec.Command(prlimit, "--fsize="+strconv.Itoa(tt.limit), binary, "report", "--input", s.big, "--out", out)
			cmd.Dir = s.dir
			cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
			b, _ := cmd.CombinedOutput()
			if code := cmd.ProcessState.ExitCode(); code != 1 || !strings.Contains(string(b), "file too large") || !strings.Contains(string(b), "Nothing written") {
				t.Errorf("exit %d, want 1 with the write's error and 'Nothing written'; output:\n%s", code, b)
			}
			if got := s.checkFolder(t, out); got != "old" {
				t.Errorf("the folder holds the %s pair, want the previous one", got)
			}
			if left, _ := os.ReadDir(tmp); len(left) > 0 {
				t.Errorf("TMPDIR holds %d entries after the run, e.g. %s", len(left), left[0].Name())
			}
		})
	}
}

// A second run on a folder another run is writing into fails at once, naming the lock and
// the process that holds it, and leaves the first to finish; a lock left by a process that is
// gone is taken over with a warning, with that process's temporary files.
func TestReportLock(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a large workbook")
	}
	s := newPairSite(t, 60000)
	lockPath := func(out string) string { return filepath.Join(out, ".footprint.lock") }

	t.Run("held by a live run", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		for attempt := 0; ; attempt++ {
			first, _ := start(t, s.dir, t.TempDir(), "report", "--input", s.big, "--out", out)
			done := make(chan struct{})
			go func() { first.Wait(); close(done) }()
			pid := strconv.Itoa(first.Process.Pid)
			held := waitFor(first, done, func() bool {
				b, _ := os.ReadFile(lockPath(out))
				return strings.HasPrefix(string(b), pid+"\n")
			})
			var second runResult
			if held {
				second = footprint(t, s.dir, "report", "--input", s.small, "--out", out)
			}
			<-done
			if !held || second.code == 0 {
				// the first run ended before the second tried
				if attempt < 3 {
					continue
				}
				t.Fatalf("could not run a second report while the first held the lock (%+v)", second)
			}
			if second.code != 1 || !strings.Contains(second.stderr, lockPath(out)) || !strings.Contains(second.stderr, "process "+pid) {
				t.Errorf("second run: exit %d, stderr %q; want exit 1 naming %s and process %s", second.code, second.stderr, lockPath(out), pid)
			}
			if code := first.ProcessState.ExitCode(); code != 0 {
				t.Errorf("first run: exit %d", code)
			}
			if got := s.checkFolder(t, out); got != "new" {
				t.Errorf("the folder holds the %s pair, want the first run's", got)
			}
			return
		}
	})

	t.Run("left by a process that is gone", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		s.report(t, s.small, out)
		gone := exec.Command("true")
		if err := gone.Run(); err != nil {
			t.Skip(err)
		}
		pid := strconv.Itoa(gone.Process.Pid)
		host, _ := os.Hostname()
		leftovers := map[string]string{
			".footprint.lock":                        pid + "\n" + host + "\n",
			".footprint-2024.xlsx." + pid + "-1.tmp": "half an export",
		}
		for n, c := range leftovers {
			if err := os.WriteFile(filepath.Join(out, n), []byte(c), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		r := footprint(t, s.dir, "report", "--input", s.big, "--out", out)
		if r.code != 0 || !strings.Contains(r.stderr, "warning: "+lockPath(out)) || !strings.Contains(r.stderr, "process "+pid+", which is no longer running: taken over") {
			t.Errorf("exit %d, stderr %q; want 0 and a warning that the lock of process %s was taken over", r.code, r.stderr, pid)
		}
		if got := s.checkFolder(t, out); got != "new" {
			t.Errorf("the folder holds the %s pair, want this run's", got)
		}
	})
}

// A run stopped by a fatal problem (exit 1) writes nothing: the previous outputs stay byte for
// byte, no other file appears, and an output folder that did not exist is not made.
func TestFatalProblemWritesNothing(t *testing.T) {
	dir := site(t, "", []any{2024, "Plant", "P", "fr.natural-gas.pcs", 10, "MWh PCS"}, []any{2024, "Plant", "P", "fr.natural-gas.pcs", "n/a", "MWh PCS"})
	if err := os.WriteFile(filepath.Join(dir, "bad.xlsx"), []byte("Year;Site\n2024;Plant\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// the previous outputs of each command
	for _, args := range [][]string{{"report", "--out", "out"}, {"annotate", "--input", "activities.xlsx", "--out", "annotated.xlsx"}, {"template", "--out", "template.xlsx"}} {
		if r := footprint(t, dir, args...); r.code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, r.code, r.stderr)
		}
	}
	snapshot := func() map[string][]byte {
		m := map[string][]byte{}
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, _ := os.ReadFile(p)
				rel, _ := filepath.Rel(dir, p)
				m[rel] = b
			}
			return nil
		})
		return m
	}
	before := snapshot()
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"report of an unreadable workbook", []string{"report", "--input", "bad.xlsx", "--out", "out"}, "bad.xlsx"},
		{"report of an unreadable workbook into a new folder", []string{"report", "--input", "bad.xlsx", "--out", "new/out"}, "bad.xlsx"},
		{"report --strict with a rejected row", []string{"report", "--strict", "--out", "out"}, "--strict: 1 row(s) rejected"},
		{"annotate of an unreadable workbook", []string{"annotate", "--input", "bad.xlsx", "--out", "annotated.xlsx"}, "bad.xlsx"},
		{"annotate --strict with a rejected row", []string{"annotate", "--strict", "--input", "activities.xlsx", "--out", "annotated.xlsx"}, "--strict: 1 row(s) rejected"},
		{"template with a config mistake", []string{"template", "--config", "bad.yaml", "--out", "template.xlsx"}, "bad.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := footprint(t, dir, tt.args...)
			if r.code != 1 || !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", r.code, r.stderr, tt.stderr)
			}
			if tt.args[0] != "template" && !strings.Contains(r.stderr, "Nothing written") {
				t.Errorf("stderr %q does not say that nothing was written", r.stderr)
			}
			after := snapshot()
			for n, b := range after {
				if old, ok := before[n]; !ok {
					t.Errorf("%s was written", n)
				} else if !bytes.Equal(b, old) {
					t.Errorf("%s changed", n)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "new")); !os.IsNotExist(err) {
				t.Errorf("the folder new was made: %v", err)
			}
		})
	}
}
