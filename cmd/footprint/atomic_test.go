package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// bigWorkbook writes an input of n rows of 2024 with the StreamWriter (fast), so that
// `report` spends seconds reading and writing it.
func bigWorkbook(t *testing.T, path string, n int) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", header); err != nil {
		t.Fatal(err)
	}
	acts := [][2]string{{"fr.electricity.grid", "kWh"}, {"fr.natural-gas.pcs", "kWh PCS"}, {"fr.diesel.road", "L"}}
	poles := []any{"RE-TROFIT", "RE-ENERGY", "RE-CYCLE", "RE-START"}
	for i := range n {
		a := acts[i%len(acts)]
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		row := []any{2024, "Plant", poles[i%len(poles)], a[0], 1000 + i%977, a[1], nil, nil, nil, "generated row"}
		if err := sw.SetRow(cell, row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// A `report` killed (SIGKILL: no chance to clean up) while it writes leaves each output as it
// was before the run, or complete from the run: never a part of a file.
func TestReportInterruptedKeepsPreviousOutputs(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a large workbook")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("site: Plant\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	small := filepath.Join(dir, "small.xlsx")
	writeWorkbook(t, small, map[string][][]any{"Energy": {header, {2024, "Plant", "P", "fr.natural-gas.pcs", 10, "MWh PCS"}}})
	big := filepath.Join(dir, "big.xlsx")
	bigWorkbook(t, big, 60000)
	names := []string{"report.html", "footprint-2024.xlsx"}
	read := func(folder string) map[string][]byte {
		m := map[string][]byte{}
		for _, n := range names {
			b, err := os.ReadFile(filepath.Join(folder, n))
			if err != nil {
				t.Fatal(err)
			}
			m[n] = b
		}
		return m
	}
	// The previous outputs, and what the interrupted run would write if left alone.
	if r := footprint(t, dir, "report", "--input", small, "--out", out); r.code != 0 {
		t.Fatalf("first report: exit %d\n%s", r.code, r.stderr)
	}
	complete := filepath.Join(dir, "complete")
	if r := footprint(t, dir, "report", "--input", big, "--out", complete); r.code != 0 {
		t.Fatalf("uninterrupted report: exit %d\n%s", r.code, r.stderr)
	}
	after := read(complete)

	// First whichever output is being written when a temporary file is first seen, then the
	// export, whose write takes longest.
	for _, target := range []string{"", ".footprint-2024.xlsx."} {
		killWhileWriting(t, dir, out, big, target, names, read, after)
	}
}

// killWhileWriting runs `report --input big --out out`, kills it with SIGKILL once a temporary
// file whose name starts with target (any, for "") is in out, and checks that the output
// being written is the one out held before, and every other the one before or the complete
// new one (after). It removes the temporary file the killed run leaves.
func killWhileWriting(t *testing.T, dir, out, big, target string, names []string, read func(string) map[string][]byte, after map[string][]byte) {
	t.Helper()
	for attempt := 0; ; attempt++ {
		before := read(out)
		cmd := exec.Command(binary, "report", "--input", big, "--out", out)
		cmd.Dir = dir
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		writing := ""
		deadline := time.Now().Add(2 * time.Minute)
		for writing == "" && time.Now().Before(deadline) {
			entries, _ := os.ReadDir(out)
			for _, e := range entries {
				if strings.HasSuffix(e.Name(), ".tmp") && strings.HasPrefix(e.Name(), target) {
					writing = e.Name()
				}
			}
		}
		cmd.Process.Kill() // SIGKILL
		err := cmd.Wait()
		if _, exited := err.(*exec.ExitError); writing == "" || !exited || cmd.ProcessState.ExitCode() != -1 {
			// The run ended before the kill reached it: try again.
			if attempt < 3 {
				continue
			}
			t.Fatalf("could not kill the run while it wrote %q* (saw %q; %v)", target, writing, err)
		}
		now := read(out)
		for _, n := range names {
			switch {
			case strings.HasPrefix(writing, "."+n+".") && exists(filepath.Join(out, writing)):
				// still being written when killed (not yet renamed into place)
				if !bytes.Equal(now[n], before[n]) {
					t.Errorf("%s, being written when the run was killed, is not the previous file (%d bytes, was %d; complete %d)", n, len(now[n]), len(before[n]), len(after[n]))
				}
			case !bytes.Equal(now[n], before[n]) && !bytes.Equal(now[n], after[n]):
				t.Errorf("%s is neither the previous file nor the complete new one (%d bytes)", n, len(now[n]))
			}
		}
		left, _ := filepath.Glob(filepath.Join(out, ".*.tmp"))
		for _, l := range left {
			os.Remove(l)
		}
		t.Logf("killed while writing %s", writing)
		return
	}
}

// Two runs on the same inputs give byte-identical outputs, whether written into the same
// folder again, into another folder named by --out, or into the config's output.dir.
func TestReportReproducible(t *testing.T) {
	dir, _, _ := generatedSite(t, 3, 1)
	cfg := filepath.Join(dir, "config.yaml")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, "output:\n  dir: published/2024\ntrajectory:\n  base_year: 2022\n  targets:\n    - {name: All scopes, scopes: [1, 2, 3], pathway: sbti-1.5}\n"...)
	if err := os.WriteFile(cfg, b, 0o644); err != nil {
		t.Fatal(err)
	}
	folders := []string{filepath.Join(dir, "published", "2024"), filepath.Join(dir, "published", "2024"), filepath.Join(t.TempDir(), "a", "b")}
	args := [][]string{{"report"}, {"report"}, {"report", "--out", folders[2]}}
	var first map[string][]byte
	for i, a := range args {
		if r := footprint(t, t.TempDir(), append(a, "--config", cfg)...); r.code != 0 {
			t.Fatalf("run %d: exit %d\n%s", i+1, r.code, r.stderr)
		}
		got := map[string][]byte{}
		for _, n := range []string{"report.html", "footprint-2024.xlsx"} {
			if got[n], err = os.ReadFile(filepath.Join(folders[i], n)); err != nil {
				t.Fatal(err)
			}
		}
		if first == nil {
			first = got
			continue
		}
		for n, want := range first {
			if !bytes.Equal(got[n], want) {
				t.Errorf("run %d (into %s): %s differs from the first run's", i+1, folders[i], n)
			}
		}
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
