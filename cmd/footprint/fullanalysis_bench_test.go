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
	dir := b.TempDir()
	wb := filepath.Join(dir, "synth.xlsx")
	f, err := os.Create(wb)
	if err != nil {
		b.Fatal(err)
	}
	if err := synth.Write(f, synth.Options{Rows: rows, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	env := Env{Stdout: io.Discard, Stderr: io.Discard, LookupEnv: func(string) (string, bool) { return "", false }}
	for _, name := range []string{"minimal", "full"} {
		config, err := filepath.Abs(filepath.Join("..", "..", "bench", name+".yaml"))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			start := cpuTime()
			for b.Loop() {
				if code := Main([]string{"calc", "--json", "--config", config, "--input", wb}, env); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
			// CPU time (user + system, all goroutines) is steadier than wall time on a shared
			// machine.
			b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
