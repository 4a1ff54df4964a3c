package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/footprint/footprint/pipeline"
	"github.com/footprint/footprint/reports"
	"github.com/footprint/footprint/reports/html"
)

func TestReportDemo(t *testing.T) {
	dir := t.TempDir()
	r := footprint(t, dir, "report", "--out", "out")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"2025: 680,940.3 tCO2e market-based, 681,706.3 tCO2e location-based",
		"Wrote " + filepath.Join("out", "report.html") + " and " + filepath.Join("out", "footprint-2025.xlsx"), "Rows: 865 read, 865 used, 0 rejected; 0 error(s), 130 warning(s).", "2025: a contribution to carbon neutrality cannot be claimed"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	first, err := os.ReadFile(filepath.Join(dir, "out", "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	// Same inputs, another folder: the same bytes.
	other := filepath.Join(t.TempDir(), "elsewhere")
	if r := footprint(t, dir, "report", "--out", other); r.code != 0 {
		t.Fatalf("second run: exit %d\n%s", r.code, r.stderr)
	}
	second, err := os.ReadFile(filepath.Join(other, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Error("two runs wrote different pages")
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "out"))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func TestReportOutputDir(t *testing.T) {
	dir := site(t, "output:\n  dir: published\n", []any{2024, "Plant", "P", "fr.natural-gas.pcs", 10, "MWh PCS"})
	elsewhere := t.TempDir()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"config output.dir, relative to the config file", []string{"report", "--config", filepath.Join(dir, "config.yaml")}, filepath.Join(dir, "published", "report.html")},
		{"--out, relative to the working directory", []string{"report", "--config", filepath.Join(dir, "config.yaml"), "--out", "here"}, filepath.Join(elsewhere, "here", "report.html")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := footprint(t, elsewhere, tt.args...)
			if r.code != 0 {
				t.Fatalf("exit %d\n%s", r.code, r.stderr)
			}
			if _, err := os.Stat(tt.want); err != nil {
				t.Errorf("%v\nstdout: %s", err, r.stdout)
			}
		})
	}
}

func TestReportExitCodes(t *testing.T) {
	bad := site(t, "", []any{2024, "Plant", "P", "fr.natural-gas.pcs", 10, "MWh PCS"}, []any{2024, "Plant", "P", "fr.natural-gas.pcs", "lots", "MWh"})
	tests := []struct {
		name string
		dir  string
		args []string
		code int
	}{
		{"a rejected row is listed", bad, []string{"report", "--out", "o1"}, 0},
		{"--strict fails on it", bad, []string{"report", "--out", "o2", "--strict"}, 1},
		{"unknown flag", bad, []string{"report", "--outt", "x"}, 2},
		{"missing input", bad, []string{"report", "--out", "o3", "--input", "nope.xlsx"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r := footprint(t, tt.dir, tt.args...); r.code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tt.code, r.stdout, r.stderr)
			}
		})
	}
}

func TestReportWithoutData(t *testing.T) {
	dir := site(t, "", []any{2024, "Plant", "P", "fr.natural-gas.pcs", "lots", "MWh"})
	r := footprint(t, dir, "report", "--out", "o")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	page, err := os.ReadFile(filepath.Join(dir, "o", "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"no data", "No trajectory is computed", `id="chart-trajectory"`, `id="chart-pole-years"`} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("page lacks %q", want)
		}
	}
	if !strings.Contains(r.stdout, "No emissions computed: no activity row was used.") {
		t.Errorf("stdout: %s", r.stdout)
	}
}

// demoReport computes the built-in demo in-process, as `footprint report` does.
func demoReport(tb testing.TB) reports.Report {
	tb.Helper()
	res, err := pipeline.Run(pipeline.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	if res.Config.Path != "" {
		tb.Fatalf("a config.yaml in the test folder (%s) would replace the built-in demo", res.Config.Path)
	}
	return reports.New(res)
}

// BenchmarkWriteHTML renders the demo's report page (inventory already computed).
func BenchmarkWriteHTML(b *testing.B) {
	rep := demoReport(b)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := html.Write(&buf, rep); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/page")
}

// BenchmarkReportCommand is the whole `footprint report` on the demo: read the workbook,
// compute, project, render and write atomically.
func BenchmarkReportCommand(b *testing.B) {
	out := b.TempDir()
	env := Env{Stdout: io.Discard, Stderr: io.Discard, LookupEnv: func(string) (string, bool) { return "", false }}
	for b.Loop() {
		if code := Main([]string{"report", "--out", out}, env); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
