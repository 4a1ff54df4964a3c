package text_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports/text"
)

// validate's listing: grouped by file and sheet in the order first seen, each group counted
// (all its problems, listed or not), problems beyond the bound apart, and the totals.
func TestWriteProblemGroups(t *testing.T) {
	var ps emissions.Problems
	ps.Errorf("quantity", "a.xlsx", "Energy", "E2", "Quantity: blank")
	ps.Warnf("vintage", "b.xlsx", "Travel", "D5", "factor x has no vintage for 2018 or earlier")
	ps.Errorf("unit", "a.xlsx", "Energy", "F7", `Unit "ton" is ambiguous`)
	ps.Fatalf("file", "c.xlsx", "", "", "cannot read the workbook")
	ps.Warnf("residual-mix-vintage", "", "", "", "scope2.residual_mix has no value for 2019 or earlier")
	for i := range emissions.MaxPerCause + 2 {
		ps.Errorf("unknown-activity", "b.xlsx", "Travel", fmt.Sprintf("D%d", i+10), "unknown activity")
	}
	var b bytes.Buffer
	text.WriteProblemGroups(&b, lang.English, text.ProblemSummary{Problems: ps.List(), Places: ps.ByPlace(),
		Rows: emissions.Rows{Read: 1210, Used: 1207, Rejected: 3}, Instruments: 1, Errors: ps.Errors(), Warnings: ps.Warnings()})
	got := b.String()
	want := "a.xlsx, sheet Energy: 2 errors, 0 warnings\n" +
		"  error, cell E2: Quantity: blank\n" +
		"  error, cell F7: Unit \"ton\" is ambiguous\n" +
		"b.xlsx, sheet Travel: 1,002 errors, 1 warning (1,001 listed)\n" +
		"  warning, cell D5: factor x has no vintage for 2018 or earlier\n"
	if len(got) < len(want) || got[:len(want)] != want {
		t.Fatalf("got:\n%s\nwant it to start with:\n%s", got, want)
	}
	tail := "  error, cell D1009: unknown activity\n" +
		"c.xlsx: 1 error, 0 warnings\n" +
		"  error: cannot read the workbook\n" +
		"Configuration and settings: 0 errors, 1 warning\n" +
		"  warning: scope2.residual_mix has no value for 2019 or earlier\n" +
		"Not listed (only the first 1,000 problems of each cause are):\n" +
		"  error: 2 more problems of this kind (unknown-activity) not listed\n" +
		"Total: 1,005 errors, 2 warnings in 3 files; rows: 1,210 read, 1,207 used, 3 rejected; 1 instrument.\n"
	if len(got) < len(tail) || got[len(got)-len(tail):] != tail {
		t.Errorf("got:\n%s\nwant it to end with:\n%s", got[max(0, len(got)-600):], tail)
	}
	if n := bytes.Count(b.Bytes(), []byte("unknown activity\n")); n != emissions.MaxPerCause {
		t.Errorf("%d unknown-activity lines listed, want %d", n, emissions.MaxPerCause)
	}
}

// In French the frame is French (the messages stay as written): counts with French plurals
// and grouping, severity words, cell and the no-break spaces before colons.
func TestWriteProblemGroupsFrench(t *testing.T) {
	var ps emissions.Problems
	ps.Errorf("quantity", "a.xlsx", "Énergie", "E2", "Quantité vide")
	ps.Warnf("residual-mix-vintage", "", "", "", "mix")
	var b bytes.Buffer
	text.WriteProblemGroups(&b, lang.French, text.ProblemSummary{Problems: ps.List(), Places: ps.ByPlace(),
		Rows: emissions.Rows{Read: 1210, Used: 1209, Rejected: 1}, Errors: ps.Errors(), Warnings: ps.Warnings()})
	want := "a.xlsx, feuille Énergie\u202f: 1 erreur, 0 avertissement\n" +
		"  erreur, cellule E2\u202f: Quantité vide\n" +
		"Configuration et réglages\u202f: 0 erreur, 1 avertissement\n" +
		"  avertissement\u202f: mix\n" +
		"Total\u202f: 1 erreur, 1 avertissement dans 1 fichier\u202f; lignes\u202f: 1\u202f210 lues, 1\u202f209 utilisées, 1 rejetée\u202f; 0 instrument.\n"
	if got := b.String(); got != want {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
}
