package emissions_test

import (
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/disclose"
)

// entityWorkbook has rows of a parent (blank Entity), a subsidiary held at 80 % and an
// investee held at 30 %, with electricity (both Scope 2 methods, an instrument) and a Scope 3
// row; "Parnet SA" is a typo of the parent.
func entityWorkbook(t *testing.T) []byte {
	h := []any{"Year", "Site", "Pole", "Activity", "Quantity", "Unit", "Entity", "DataType"}
	return xlsx(t,
		sheet{"Energy", [][]any{h,
			{2024, "Main", "P", "test.diesel", 1000, "L", "", ""},                 // parent: 2.5 t + 0.6 t upstream
			{2024, "Main", "P", "test.electricity", 100000, "kWh", "Sub SAS", ""}, // 20 t location
			{2024, "Main", "P", "test.electricity", 100000, "kWh", "JV GmbH", ""}, // 20 t location
			{2024, "Main", "P", "test.diesel", 2000, "L", "jv gmbh", ""},          // 5 t + 1.2 t, any case
			{2024, "Main", "P", "test.steel", 1, "t", "Parent SA", "primary"},     // 2 t
			{2024, "Main", "P", "test.steel", 2, "t", "JV GmbH", "Spend based"},   // 4 t
			{2024, "Main", "P", "test.diesel", 10, "L", "Parnet SA", ""},          // unknown entity
			{2024, "Main", "P", "test.steel", 1, "t", "", "measured"},             // unknown data type
		}},
		sheet{"Instruments", [][]any{{"Year", "Site", "Instrument", "Quantity", "Unit", "Factor"}, {2024, "Main", "GO", 100, "MWh", 0}}},
	)
}

func testOrganisation(approach string) *emissions.Organisation {
	return &emissions.Organisation{Name: "Group", Approach: approach, Entities: []emissions.Entity{
		{Name: "Parent SA", Control: true, EquityPct: 100},
		{Name: "Sub SAS", Control: true, EquityPct: 80},
		{Name: "JV GmbH", Control: false, EquityPct: 30},
	}}
}

func TestConsolidation(t *testing.T) {
	wb := entityWorkbook(t)
	tests := []struct {
		approach string
		// want is each entity's consolidated Scope 1, Scope 2 location, Scope 2 market, Scope 3.
		want map[string]emissions.ScopeTotals
	}{
		{emissions.ConsolidationOperational, map[string]emissions.ScopeTotals{
			"Parent SA": {Scope1: 2.5, Scope3: 0.6 + 2},
			"Sub SAS":   {Scope2Location: 20, Scope2Market: 10}, // half the GO: the instrument covers both rows' kWh
			"JV GmbH":   {},
		}},
		{emissions.ConsolidationFinancial, map[string]emissions.ScopeTotals{
			"Parent SA": {Scope1: 2.5, Scope3: 0.6 + 2},
			"Sub SAS":   {Scope2Location: 20, Scope2Market: 10},
			"JV GmbH":   {},
		}},
		{emissions.ConsolidationEquity, map[string]emissions.ScopeTotals{
			"Parent SA": {Scope1: 2.5, Scope3: 0.6 + 2},
			"Sub SAS":   {Scope2Location: 16, Scope2Market: 8},
			"JV GmbH":   {Scope1: 0.3 * 5, Scope2Location: 0.3 * 20, Scope2Market: 0.3 * 10, Scope3: 0.3 * (1.2 + 4)},
		}},
	}
	for _, tt := range tests {
		org := testOrganisation(tt.approach)
		in, inv := run(t, emissions.Options{Organisation: org, ResidualMix: []emissions.ResidualMix{{Year: 2020, Value: 0.2, Source: "test"}}}, map[string][]byte{"a.xlsx": wb})
		if inv.Rows.Used != 6 || inv.Rows.Rejected != 2 {
			t.Errorf("%s: rows %+v, want 6 used and 2 rejected", tt.approach, inv.Rows)
		}
		text := problemText(in)
		for _, want := range []string{`G8: unknown entity "Parnet SA"`, `did you mean "Parent SA"?`, `H9: DataType "measured"`} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: problems lack %q:\n%s", tt.approach, want, text)
			}
		}
		es := emissions.EntityBreakdown(inv.Lines, org)[2024]
		if len(es) != 3 {
			t.Fatalf("%s: entities %+v", tt.approach, es)
		}
		var sum emissions.ScopeTotals
		for _, e := range es {
			w := tt.want[e.Name]
			c := e.Consolidated
			if !near(c.Scope1, w.Scope1) || !near(c.Scope2Location, w.Scope2Location) || !near(c.Scope2Market, w.Scope2Market) || !near(c.Scope3, w.Scope3) {
				t.Errorf("%s: %s consolidated %+v, want %+v", tt.approach, e.Name, c, w)
			}
			sum.Scope1 += c.Scope1
			sum.Scope2Location += c.Scope2Location
			sum.Scope2Market += c.Scope2Market
			sum.Scope3 += c.Scope3
		}
		// The JV's gross is kept whatever the approach: 5 t Scope 1, 20 t location-based.
		if jv := es[2]; !near(jv.Gross.Scope1, 5) || !near(jv.Gross.Scope2Location, 20) || !near(jv.Gross.Scope3, 5.2) {
			t.Errorf("%s: JV gross %+v", tt.approach, jv.Gross)
		}
		// The entities add up to the inventory's totals, both Scope 2 methods (AR 47).
		for _, m := range []string{emissions.MethodLocation, emissions.MethodMarket} {
			y := emissions.YearOf(t, inv, m, 2024)
			if !near(sum.TotalLocation(), y.TotalLocation) || !near(sum.TotalMarket(), y.TotalMarket) || !near(sum.Scope1, y.Scope1) {
				t.Errorf("%s %s: entities %+v, inventory %+v", tt.approach, m, sum, y)
			}
			by := 0.0
			for _, v := range y.ByPole {
				by += v
			}
			if !near(by, sum.Total(m)) {
				t.Errorf("%s %s: by pole %v, entities %v", tt.approach, m, by, sum.Total(m))
			}
		}
		// The row lines keep entity, share, gross and data type through the temporary file.
		_, rowInv := run(t, emissions.Options{Organisation: org, RowLines: true}, map[string][]byte{"a.xlsx": wb})
		var dataTypes []string
		gross, counted := 0.0, 0.0
		_ = rowInv.RowLines().Each(func(l *emissions.Line) error {
			if l.Entity == "" || l.Share < 0 || l.Share > 1 {
				t.Errorf("%s: row line without its entity: %+v", tt.approach, *l)
			}
			if l.DataType != "" {
				dataTypes = append(dataTypes, l.DataType)
			}
			gross += l.Gross
			counted += l.TCO2e
			return nil
		})
		rowInv.Close()
		if strings.Join(dataTypes, ",") != "primary,spend-based" {
			t.Errorf("%s: data types %v", tt.approach, dataTypes)
		}
		// Under control, all the JV's lines are left out: diesel 5 + 1.2 t, steel 4 t, its
		// electricity 20 t location-based and 10 t market-based (half covered by the GO).
		if tt.approach != emissions.ConsolidationEquity && !near(gross-counted, 5+1.2+4+20+10) {
			t.Errorf("%s: gross − counted = %v, want the JV's 40.2 t", tt.approach, gross-counted)
		}
	}
}

func TestNoOrganisation(t *testing.T) {
	_, inv := run(t, emissions.Options{}, map[string][]byte{"a.xlsx": xlsx(t, sheet{"Energy", [][]any{header, {2024, "Main", "P", "test.diesel", 1000, "L"}}})})
	es := emissions.EntityBreakdown(inv.Lines, nil)[2024]
	if len(es) != 1 || es[0].Name != emissions.Unassigned || es[0].Share != 1 || !near(es[0].Consolidated.Scope1, 2.5) || !near(es[0].Gross.Scope1, 2.5) {
		t.Errorf("entities without organisation: %+v", es)
	}
}

func TestParseDataType(t *testing.T) {
	for in, want := range map[string]string{"primary": emissions.DataPrimary, " Secondary ": emissions.DataSecondary, "spend-based": emissions.DataSpendBased,
		"Spend based": emissions.DataSpendBased, "SPEND_BASED": emissions.DataSpendBased, "spend": "", "measured": ""} {
		got, ok := emissions.ParseDataType(in)
		if got != want || ok != (want != "") {
			t.Errorf("ParseDataType(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestESRSFigures(t *testing.T) {
	lines := []emissions.Line{
		{Year: 2024, Scope: 1, Site: "Plant", Activity: "gas", TCO2e: 80, BiogenicCO2: 1, Share: 1, Entity: "A"},
		{Year: 2024, Scope: 1, Site: "Office", Activity: "diesel", TCO2e: 20, Share: 1, Entity: "A"},
		{Year: 2024, Scope: 1, Site: "Plant", Activity: "gas", Gross: 50, Share: 0, Entity: "JV"}, // outside
		{Year: 2024, Scope: 2, Method: emissions.MethodLocation, TCO2e: 10, BiogenicCO2: 2, Share: 1},
		{Year: 2024, Scope: 2, Method: emissions.MethodMarket, TCO2e: 5, Share: 1},
		{Year: 2024, Scope: 3, Category: 1, Activity: "cloud.hosting", TCO2e: 7, DataType: emissions.DataPrimary, Share: 1},
		{Year: 2024, Scope: 3, Category: 1, Activity: "steel", TCO2e: 13, BiogenicCO2: 3, Share: 1},
	}
	f := disclose.ESRSFigures(lines, disclose.ESRSFlags{ETSSites: []string{"plant"}, CloudActivities: []string{"CLOUD.*"}})[2024]
	if f.Scope1ETS != 80 || f.Cloud != 7 || f.BiogenicByScope != [4]float64{0, 1, 2, 3} ||
		f.Scope3ByDataType[emissions.DataPrimary] != 7 || f.Scope3ByDataType[""] != 13 {
		t.Errorf("figures %+v", *f)
	}
}
