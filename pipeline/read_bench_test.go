//go:build unix

package pipeline_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/footprint/footprint/bench/synth"
	"github.com/footprint/footprint/pipeline"
)

// BenchmarkReadWorkbooks is Run on several bench/synth workbooks (seeds 1, 2, …) with
// bench/minimal.yaml, read one after the other (Workers 1) and at once (Workers 0: as many as
// GOMAXPROCS). 4 workbooks of 100,000 rows unless FOOTPRINT_BENCH_WORKBOOKS and
// FOOTPRINT_BENCH_ROWS say otherwise:
//
//	go test ./pipeline -run '^$' -bench ReadWorkbooks -benchtime 3x -count 5
//	FOOTPRINT_BENCH_WORKBOOKS=10 FOOTPRINT_BENCH_ROWS=200000 go test ./pipeline -run '^$' -bench ReadWorkbooks -benchtime 1x -count 5
func BenchmarkReadWorkbooks(b *testing.B) {
	n, rows := envInt(b, "FOOTPRINT_BENCH_WORKBOOKS", 4), envInt(b, "FOOTPRINT_BENCH_ROWS", 100000)
	dir := b.TempDir()
	inputs := make([]string, n)
	for i := range inputs {
		inputs[i] = filepath.Join(dir, fmt.Sprintf("synth-%d.xlsx", i+1))
		f, err := os.Create(inputs[i])
		if err != nil {
			b.Fatal(err)
		}
		if err := synth.Write(f, synth.Options{Rows: rows, Seed: uint64(i + 1)}); err != nil {
			b.Fatal(err)
		}
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
	}
	config, err := filepath.Abs(filepath.Join("..", "bench", "minimal.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		workers int
	}{{"one-after-the-other", 1}, {"at-once", 0}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			start := cpuTime()
			for b.Loop() {
				r, err := pipeline.Run(pipeline.Options{ConfigPath: config, Inputs: inputs, Workers: c.workers})
				if err != nil {
					b.Fatal(err)
				}
				if r.Inventory.Rows.Read != n*rows {
					b.Fatalf("%d rows read, want %d", r.Inventory.Rows.Read, n*rows)
				}
				r.Close()
			}
			b.ReportMetric(float64(n*rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			// reading at once should cost no more CPU time (user + system, all goroutines)
			b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

func envInt(b *testing.B, name string, def int) int {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	v, err := strconv.Atoi(s)
	if err != nil || v <= 0 {
		b.Fatalf("%s=%q: want a positive number", name, s)
	}
	return v
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
