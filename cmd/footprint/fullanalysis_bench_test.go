//go:build unix

package main

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/footprint/footprint/bench/synth"
)

// BenchmarkCalcFullAnalysis is `footprint calc --json` on a bench/synth workbook, as bench/run.sh
// times it, with bench/minimal.yaml and with bench/full.yaml (every analysis on: trajectory with
// targets and levers, base-year policy, neutrality claim, uncertainty with quality levels,
// intensity, energy mix, organisation, ESRS). The difference between the two is the cost of
// the analyses. 100,000 rows unless FOOTPRINT_BENCH_ROWS says otherwise:
//
//	go test ./cmd/footprint -run '^$' -bench CalcFullAnalysis -benchmem -count 5
//	FOOTPRINT_BENCH_ROWS=1000000 go test ./cmd/footprint -run '^$' -bench CalcFullAnalysis -benchtime 3x -cpuprofile cpu.out
func BenchmarkCalcFullAnalysis(b *testing.B) {
	rows := 100000
	if s := os.Getenv("FOOTPRINT_BENCH_ROWS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			b.Fatalf("FOOTPRINT_BENCH_ROWS=%q: want a positive row count", s)
		}
		rows = n
	}
	wb := writeSynth(b, synth.Options{Rows: rows, Seed: 1})
	for _, name := range []string{"minimal", "full"} {
		b.Run(name, func(b *testing.B) { benchCalc(b, name, wb) })
	}
}

// BenchmarkCalcDistinctNames is `footprint calc --json` with bench/full.yaml on 40,000
// bench/synth rows with one pole, and on the same rows with 20,000 poles or 20,000 sites: the
// analyses that break a figure down by pole or site must cost about the same whatever the
// number of names.
//
//	go test ./cmd/footprint -run '^$' -bench CalcDistinctNames -benchtime 3x -memprofile mem.out
func BenchmarkCalcDistinctNames(b *testing.B) {
	for _, c := range []struct {
		name string
		opts synth.Options
	}{
		{"poles=1", synth.Options{Poles: 1}},
		{"poles=20000", synth.Options{Poles: 20000}},
		{"sites=20000", synth.Options{Sites: 20000}},
	} {
		c.opts.Rows, c.opts.Seed = 40000, 1
		wb := writeSynth(b, c.opts)
		b.Run(c.name, func(b *testing.B) { benchCalc(b, "full", wb) })
	}
}

func writeSynth(b *testing.B, opts synth.Options) string {
	b.Helper()
	wb := filepath.Join(b.TempDir(), "synth.xlsx")
	f, err := os.Create(wb)
	if err != nil {
		b.Fatal(err)
	}
	if err := synth.Write(f, opts); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return wb
}

// benchCalc times calc --json on wb with bench/<config>.yaml.
func benchCalc(b *testing.B, config, wb string) {
	path, err := filepath.Abs(filepath.Join("..", "..", "bench", config+".yaml"))
	if err != nil {
		b.Fatal(err)
	}
	env := Env{Stdout: io.Discard, Stderr: io.Discard, LookupEnv: func(string) (string, bool) { return "", false }}
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if code := Main([]string{"calc", "--json", "--config", path, "--input", wb}, env); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
	// CPU time (user + system, all goroutines) is steadier than wall time on a shared
	// machine.
	b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
