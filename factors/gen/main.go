// Command gen writes the embedded factor library (factors/library.json) and the generation mix
// table (factors/gridmix.csv) from the published emission-factor datasets in
// ../shared/factor-sources. The mapping of source rows to product factors is factors/mapping's;
// this command only reads the flags and writes the two files.
//
// Usage (from the factors directory, see generate.go):
//
//	go run ./gen -src ../../shared/factor-sources -out library.json -mix gridmix.csv
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/footprint/footprint/factors/mapping"
)

func main() {
	src := flag.String("src", "../../shared/factor-sources", "folder holding the published factor datasets")
	out := flag.String("out", "library.json", "file to write the factor library to")
	mix := flag.String("mix", "gridmix.csv", "file to write the generation mix table to (ESRS E1-5 defaults)")
	flag.Parse()
	if err := run(*src, *out, *mix); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(src, out, mix string) error {
	table, err := mapping.GenerateGridMix(src)
	if err != nil {
		return err
	}
	if err := os.WriteFile(mix, table, 0o644); err != nil {
		return err
	}
	data, err := mapping.Generate(src)
	if err != nil {
		return err
	}
	return os.WriteFile(out, data, 0o644)
}
