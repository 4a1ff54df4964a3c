// Command gen writes a deterministic synthetic activity workbook for the benchmarks
// (bench/run.sh): go run ./bench/gen -rows 100000 -out /tmp/footprint-bench/100k.xlsx
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/footprint/footprint/bench/synth"
)

func main() {
	rows := flag.Int("rows", 100000, "data rows in all, split over the sheets Energy, Logistics and Materials")
	seed := flag.Uint64("seed", 1, "random seed: the same rows and seed give the same bytes")
	inline := flag.Bool("inline", false, "write text inline (t=\"inlineStr\"), as excelize's StreamWriter does, not as shared strings as Excel does")
	poles := flag.Int("poles", 0, "distinct poles (\"pole 1\", \"pole 2\", … in turn); 0 for the demo's five")
	sites := flag.Int("sites", 0, "distinct sites (\"site 1\", … in turn); 0 for the demo's two")
	out := flag.String("out", "/tmp/footprint-bench/bench.xlsx", "workbook to write")
	flag.Parse()
	if err := run(*out, synth.Options{Rows: *rows, Seed: *seed, InlineStrings: *inline, Poles: *poles, Sites: *sites}); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// run writes the workbook to a temporary file next to out, then renames it into place.
func run(out string, opts synth.Options) error {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(out), ".gen-*.xlsx")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := synth.Write(f, opts); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), out)
}
