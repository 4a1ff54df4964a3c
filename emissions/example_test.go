package emissions_test

import (
	"fmt"
	"log"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
)

// A calculation by hand: activities as a workbook reader would give them, computed with the
// built-in factors plus three made-up ones, then aggregated per year. The workbook package
// does the same for every row of the user's sheets.
func ExampleCalculator() {
	lib, err := factors.Builtin("AR6")
	if err != nil {
		log.Fatal(err)
	}
	// Made-up test factors, not product data: kgCO2e per unit, Upstream going to Scope 3.3.
	lib, err = lib.WithCustom([]factors.Factor{
		{ID: "example.diesel", Name: "Diesel (example)", Value: 2.5, Upstream: 0.6, Unit: "L", Scope: 1, Kind: factors.KindEmission, Source: "example"},
		{ID: "example.grid", Name: "Grid electricity (example)", Value: 0.05, Unit: "kWh", Scope: 2, Kind: factors.KindEmission, Source: "example"},
		{ID: "example.steel", Name: "Steel (example)", Value: 2000, Unit: "t", Scope: 3, Category: 1, Kind: factors.KindEmission, Source: "example"},
	})
	if err != nil {
		log.Fatal(err)
	}

	at := func(row int) emissions.Place { return emissions.Place{File: "site.xlsx", Sheet: "Energy", Row: row} }
	activities := []emissions.Activity{
		{Place: at(2), Year: 2024, Site: "Lyon", ID: "example.diesel", Quantity: 1000, Unit: "L"},
		{Place: at(3), Year: 2024, Site: "Lyon", ID: "example.grid", Quantity: 200, Unit: "MWh"}, // converted to kWh
		{Place: at(4), Year: 2024, Site: "Lyon", ID: "example.steel", Quantity: 3, Unit: "t"},
		{Place: at(5), Year: 2024, Site: "Lyon", ID: "example.diesl", Quantity: 50, Unit: "L",
			ActivityCell: emissions.CellRef{Col: 3, Row: 5}}, // a typo: rejected, with a hint
	}

	calc, err := emissions.NewCalculator(emissions.Options{Library: lib})
	if err != nil {
		log.Fatal(err)
	}
	in := &emissions.Input{RowsRead: len(activities)}
	calc.Begin(&in.Problems) // one workbook
	for i := range activities {
		calc.Add(&activities[i])
	}
	if err := calc.Commit(); err != nil {
		log.Fatal(err)
	}
	inv, err := calc.Finish(in) // adds the market-based Scope 2 lines
	if err != nil {
		log.Fatal(err)
	}
	defer inv.Close()

	fmt.Printf("rows: %d read, %d used, %d rejected\n", inv.Rows.Read, inv.Rows.Used, inv.Rows.Rejected)
	for _, p := range in.Problems.List() {
		fmt.Println(p)
	}
	for _, y := range emissions.Aggregate(inv.Lines, emissions.MethodMarket) {
		fmt.Printf("%d: Scope 1 %.1f t, Scope 2 %.1f t (market), Scope 3 %.1f t (3.1 %.1f, 3.3 %.1f), total %.1f tCO2e\n",
			y.Year, y.Scope1, y.Scope2Market, y.Scope3, y.Scope3Categories[1], y.Scope3Categories[3], y.TotalMarket)
	}
	// Output:
	// rows: 4 read, 3 used, 1 rejected
	// error: site.xlsx: sheet Energy, cell D5: unknown activity "example.diesl": no factor has this id (did you mean "example.diesel"?); `footprint factors list --search` lists the ids
	// warning: site.xlsx: no residual mix in config scope2.residual_mix for electricity at site "Lyon" in 2024: market-based Scope 2 uses the location-based factor for the 200000 kWh not covered by instruments; add a {year, value, source} entry for each of these years (optionally with site)
	// 2024: Scope 1 2.5 t, Scope 2 10.0 t (market), Scope 3 6.6 t (3.1 6.0, 3.3 0.6), total 19.1 tCO2e
}

// Problems keeps the first MaxPerCause problems of each cause and counts the rest, so a
// million bad rows take bounded memory; List ends with a line per cause that was cut.
func ExampleProblems() {
	var ps emissions.Problems
	ps.Warnf("vintage", "site.xlsx", "Energy", "D2", "factor example.grid has no vintage for 2019; its earliest (2020) is used")
	for row := 2; row < 2+emissions.MaxPerCause+3; row++ {
		ps.Errorf("quantity-text", "site.xlsx", "Energy", emissions.CellName(4, row), "Quantity %q is not a number", "n/a")
	}

	list := ps.List()
	fmt.Printf("%d errors, %d warnings, %d listed\n", ps.Errors(), ps.Warnings(), len(list))
	fmt.Println(list[0])
	fmt.Println(list[1])
	fmt.Println(list[len(list)-1])
	for _, pc := range ps.ByPlace() {
		fmt.Printf("%s, sheet %s: %d errors, %d warnings\n", pc.File, pc.Sheet, pc.Errors, pc.Warnings)
	}
	// Output:
	// 1003 errors, 1 warnings, 1002 listed
	// warning: site.xlsx: sheet Energy, cell D2: factor example.grid has no vintage for 2019; its earliest (2020) is used
	// error: site.xlsx: sheet Energy, cell E2: Quantity "n/a" is not a number
	// error: 3 more problems of this kind (quantity-text) not listed
	// site.xlsx, sheet Energy: 1003 errors, 1 warnings
}
