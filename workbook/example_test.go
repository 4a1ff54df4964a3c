package workbook_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/workbook"
	"github.com/footprint/footprint/workbook/workbooktest"
)

// Read finds the activity sheet by its header row, reads each row into an emissions.Activity
// and rejects a row it cannot read with a problem at its cell. Without a Sink the activities
// are kept in the Input; the pipeline sets a Sink to compute them as they are read.
func ExampleRead() {
	xlsx, err := workbooktest.Bytes(workbooktest.Sheet{Name: "Energy", Rows: [][]any{
		{"Year", "Site", "Activity", "Quantity", "Unit"},
		{2024, "Lyon", "example.diesel", 1000, "L"},
		{2024, "Lyon", "example.grid", 200, "MWh"},
		{2024, "Lyon", "example.grid", "about 12", "MWh"}, // rejected
	}})
	if err != nil {
		log.Fatal(err)
	}

	in := &emissions.Input{}
	workbook.Read(in, "site.xlsx", bytes.NewReader(xlsx), workbook.Options{})

	fmt.Printf("%d rows read, %d rejected\n", in.RowsRead, in.Rejected)
	for _, a := range in.Activities {
		fmt.Printf("%s row %d: %d %s %s %g %s\n", a.Place.Sheet, a.Place.Row, a.Year, a.Site, a.ID, a.Quantity, a.Unit)
	}
	for _, p := range in.Problems.List() {
		fmt.Println(p)
	}
	// Output:
	// 3 rows read, 1 rejected
	// Energy row 2: 2024 Lyon example.diesel 1000 L
	// Energy row 3: 2024 Lyon example.grid 200 MWh
	// error: site.xlsx: sheet Energy, cell D4: Quantity: text "about 12" where a number was expected; enter a number ≥ 0
}
