// Command gen writes the embedded factor library (factors/library.json), the generation mix
// table (factors/gridmix.csv) and the category paths of the DESNZ rows the library reads
// (factors/mapping/desnz_paths.csv, for importing past DESNZ sets) from the published emission-factor datasets in
// ../shared/factor-sources. The mapping of source rows to product factors is factors/mapping's;
// this command only reads the flags and writes the files.
//
// Usage (from the factors directory, see generate.go):
//
//	go run ./gen -src ../../shared/factor-sources -out library.json -mix gridmix.csv -desnz-paths mapping/desnz_paths.csv
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
	paths := flag.String("desnz-paths", "mapping/desnz_paths.csv", "file to write the DESNZ category paths to (importing past sets)")
	flag.Parse()
	if err := run(*src, *out, *mix, *paths); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(src, out, mix, paths string) error {
	dp, err := mapping.GenerateDESNZPaths(src)
	if err != nil {
		return err
	}
	if err := os.WriteFile(paths, dp, 0o644); err != nil {
		return err
	}
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
