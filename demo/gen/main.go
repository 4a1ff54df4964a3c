// Command gen writes the illustrative demo workbook of footprint (demo/footprint-demo.xlsx):
// activity data 2019–2025 of a former car assembly plant turned circular-economy site. The
// data is invented; every assumption is in site.go and activities.go and explained in
// demo/README.md. The output is deterministic: two runs give the same bytes.
//
// Usage:
//
//	go run ./demo/gen -out demo/footprint-demo.xlsx
//	go run ./demo/gen -summary   # per-year totals as a markdown table (for the README)
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
)

func main() {
	out := flag.String("out", "footprint-demo.xlsx", "workbook to write")
	sum := flag.Bool("summary", false, "print the per-year totals as markdown instead of writing the workbook")
	flag.Parse()
	if *sum {
		fmt.Print(summary())
		return
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
