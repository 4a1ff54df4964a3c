// Command gen builds the embedded factor library (factors/library.json) from the published
// emission-factor datasets in ../shared/factor-sources: ADEME Base Carbone, UK DESNZ
// conversion factors, the US EPA Emission Factors Hub, Ember grid intensities and the IPCC GWP
// tables.
//
// Which product factor comes from which source row is the table in table.go; every number is
// read from the original files here, never typed into the table (only unit-conversion constants
// and documented refrigerant blend fractions are constants). A missing row, an empty or
// unparsable value, or a unit that does not match the table stops the generator with an error
// that names the file and row. The output is sorted and formatted deterministically: running
// the generator twice gives identical bytes, and gen_test.go checks that the committed
// library.json is what the generator produces.
//
// Usage (from the factors directory, see generate.go):
//
//	go run ./gen -src ../../shared/factor-sources -out library.json
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	src := flag.String("src", "../../shared/factor-sources", "folder holding the published factor datasets")
	out := flag.String("out", "library.json", "file to write the factor library to")
	mix := flag.String("mix", "gridmix.csv", "file to write the generation mix table to (ESRS E1-5 defaults)")
	flag.Parse()

	table, err := GenerateGridMix(*src)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*mix, table, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}

	data, err := Generate(*src)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
