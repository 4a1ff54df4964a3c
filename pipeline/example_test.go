package pipeline_test

import (
	"fmt"
	"log"

	"github.com/footprint/footprint/pipeline"
)

// Run with no options computes ./config.yaml, or the built-in demo when there is none (as
// here: the package's folder has no config.yaml). Every command and renderer starts from the
// Result.
func ExampleRun() {
	r, err := pipeline.Run(pipeline.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer r.Close()
	if err := r.Failure(false); err != nil {
		log.Fatal(err)
	}

	fmt.Printf("%d rows read, %d rejected\n", r.Inventory.Rows.Read, r.Inventory.Rows.Rejected)
	for _, y := range r.Years {
		if y.Year == r.Year {
			fmt.Printf("reporting year %d: %.0f tCO2e, market-based\n", y.Year, y.TotalMarket)
		}
	}
	// Output:
	// 865 rows read, 0 rejected
	// reporting year 2025: 680940 tCO2e, market-based
}
