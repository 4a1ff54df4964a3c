package workbook

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/xuri/excelize/v2"
)

// mergedBook is workbook with ranges merged: sheet name → ranges such as "A1:F1".
func mergedBook(t *testing.T, merged map[string][]string, sheets ...sheet) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(workbook(t, sheets...)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for sh, ranges := range merged {
		for _, r := range ranges {
			from, to, _ := strings.Cut(r, ":")
			if err := f.MergeCell(sh, from, to); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// wantProblem is a problem expected at a place, its message holding each of the texts.
type wantProblem struct {
	cause, sheet, cell string
	texts              []string
}

func checkProblems(t *testing.T, in *emissions.Input, want []wantProblem) {
	t.Helper()
	got := in.Problems.List()
	if len(got) != len(want) {
		t.Errorf("%d problems, want %d:\n%s", len(got), len(want), problemText(in))
		return
	}
	for i, w := range want {
		p := got[i]
		ok := p.Cause == w.cause && p.Sheet == w.sheet && p.Cell == w.cell
		for _, s := range w.texts {
			ok = ok && strings.Contains(p.Message, s)
		}
		if !ok {
			t.Errorf("problem %d: got %s (cause %s)\nwant cause %s at %s!%s with %q", i, p, p.Cause, w.cause, w.sheet, w.cell, w.texts)
		}
	}
}

// The header is the first row, among the first 20 non-empty ones, that holds the required
// columns: titles and notes above it are skipped with one warning naming them; a sheet that
// looks like an activity sheet but has no such header is an error. The fast and the checked
// readers agree on each.
func TestHeaderSearch(t *testing.T) {
	french := []any{"Année", "Site", "Pôle", "Activité", "Quantité", "Unité", "Catégorie", "Méthode", "Commentaire", "Qualité", "Entité", "Type de donnée"}
	var notes [][]any
	for i := range 20 {
		notes = append(notes, []any{fmt.Sprintf("note %d", i+1)}, nil)
	}
	good := sheet{"Energy", [][]any{header, {2024, "Main", "P", "test.diesel", 10, "L"}}}
	cases := []struct {
		name   string
		data   []byte
		fatal  bool
		want   []wantProblem
		header int // the Travel or Energy sheet's header row, 0 if not read
		check  func(t *testing.T, acts []emissions.Activity)
	}{
		{
			name: "merged title and a note above an English header",
			data: mergedBook(t, map[string][]string{"Energy": {"A1:F1"}}, sheet{"Energy", [][]any{{"Energy 2024"}, {nil, "meters, read monthly"}, nil, header,
				{2024, "Main", "P", "test.diesel", 10, "L"}, {2024, "Main", "P", "test.steel", 2, "t"}}}),
			want:   []wantProblem{{"rows-above-header", "Energy", "A1", []string{"rows 1–2 above the header (row 4) are not read", `"Energy 2024"`}}},
			header: 4,
			check: func(t *testing.T, acts []emissions.Activity) {
				if len(acts) != 2 || acts[0].Quantity != 10 || acts[1].ID != "test.steel" || acts[0].Place.Row != 5 {
					t.Errorf("activities %+v, want the rows 5 and 6", acts)
				}
			},
		},
		{
			name: "merged title above a French header, no aliases in config",
			data: mergedBook(t, map[string][]string{"Travel": {"A1:L1"}}, sheet{"Travel", [][]any{{"Déplacements 2024"}, french,
				{2024, "Main", "P", "test.steel", 3, "t", 7, nil, "trajets domicile-travail", "estimated", nil, "secondary"}}}),
			want:   []wantProblem{{"rows-above-header", "Travel", "A1", []string{"row 1 above the header (row 2) is not read"}}},
			header: 2,
			check: func(t *testing.T, acts []emissions.Activity) {
				if len(acts) != 1 {
					t.Fatalf("activities %+v, want one", acts)
				}
				a := acts[0]
				if a.Category != 7 || a.Quantity != 3 || a.Comment != "trajets domicile-travail" || a.Quality != emissions.QualityEstimated || a.DataType != emissions.DataSecondary {
					t.Errorf("activity %+v: the French columns are not all read", a)
				}
			},
		},
		{
			name:  "header on the 21st non-empty row",
			data:  workbook(t, good, sheet{"Travel", append(append(notes, header), []any{2024, "Main", "P", "test.steel", 1, "t"})}),
			fatal: true,
			want:  []wantProblem{{"header", "Travel", "A41", []string{"row 41 looks like the header", "among the first 20 non-empty rows", "20 stand above it"}}},
		},
		{
			name: "header on the 20th non-empty row",
			data: workbook(t, sheet{"Travel", append(append(notes[:38], header), []any{2024, "Main", "P", "test.steel", 1, "t"})}),
			want: []wantProblem{{"rows-above-header", "Travel", "A1", []string{"rows 1, 3, 5, 7", "and 37 above the header (row 39)"}}},
			check: func(t *testing.T, acts []emissions.Activity) {
				if len(acts) != 1 || acts[0].Place.Row != 40 {
					t.Errorf("activities %+v, want row 40", acts)
				}
			},
			header: 39,
		},
		{
			name: "a title above a header without Quantity, next to a good sheet",
			data: workbook(t, good, sheet{"Travel", [][]any{{"Travel 2024"}, {"Year", "Site", "Activity", "Unit", "Category"},
				{2024, "Main", "test.steel", "t", 6}}}),
			fatal: true,
			want:  []wantProblem{{"header", "Travel", "A2", []string{"the header row (Year, Site, Activity, Unit, Category) lacks the required column(s) Quantity"}}},
		},
		{
			name: "a register below a title, without Recharged",
			data: workbook(t, good, sheet{"Register", [][]any{{"F-gas register"}, {"Year", "Equipment", "Gas", "Recovered (kg)"},
				{2024, "chiller", "R-410A", 2}}}),
			fatal: true,
			want:  []wantProblem{{"header", "Register", "A2", []string{"lacks the required column(s) Recharged"}}},
		},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			in := &emissions.Input{}
			Read(in, "in.xlsx", bytes.NewReader(tt.data), Options{DefaultSite: "Main"})
			if got := in.Problems.Fatal() > 0; got != tt.fatal {
				t.Errorf("fatal: %v, want %v\n%s", got, tt.fatal, problemText(in))
			}
			checkProblems(t, in, tt.want)
			if tt.header > 0 {
				if len(in.Sheets) == 0 {
					t.Fatalf("no activity sheet read, want one with its header on row %d", tt.header)
				}
				last := in.Sheets[len(in.Sheets)-1]
				if last.HeaderRow != tt.header {
					t.Errorf("sheet %s: header row %d, want %d", last.Sheet, last.HeaderRow, tt.header)
				}
			}
			if tt.check != nil {
				tt.check(t, in.Activities)
			}
			fastVsChecked(t, tt.name, tt.data, Options{DefaultSite: "Main"})
		})
	}
}

// A header cell footprint does not read is warned about once per sheet, with the column meant
// when it is a near miss; footprint's own "footprint …" columns are neither read nor warned about.
func TestUnknownColumns(t *testing.T) {
	row := []any{2024, "Main", "P", "test.steel", 1, "t"}
	cases := []struct {
		name    string
		sheets  []sheet
		aliases Aliases
		want    []wantProblem
		check   func(t *testing.T, acts []emissions.Activity)
	}{
		{
			name:   "a transposition",
			sheets: []sheet{{"Travel", [][]any{{"Year", "Site", "Pole", "Activity", "Quantity", "Unit", "Categroy"}, append(row, 7), append(row, 6)}}},
			want:   []wantProblem{{"unknown-column", "Travel", "G1", []string{`column "Categroy" is not one footprint reads`, "did you mean Category?"}}},
		},
		{
			name:   "a misspelt French header",
			sheets: []sheet{{"Travel", [][]any{{"Année", "Activité", "Quantité", "Unité", "Commentaires"}, {2024, "test.steel", 1, "t", "note"}}}},
			want:   []wantProblem{{"unknown-column", "Travel", "E1", []string{"did you mean Commentaire (Comment)?"}}},
		},
		{
			name:   "a misspelt required column",
			sheets: []sheet{{"Travel", [][]any{{"Année", "Activité", "Quantitée", "Unité"}, {2024, "test.steel", 1, "t"}}}},
			want:   []wantProblem{{"header", "Travel", "A1", []string{`lacks the required column(s) Quantity; "Quantitée" (C1) may be Quantity;`}}},
		},
		{
			name:   "no near column",
			sheets: []sheet{{"Energy", [][]any{{"Year", "Site", "Pole", "Activity", "Quantity", "Unit", nil, "Supplier"}, row}}},
			want:   []wantProblem{{"unknown-column", "Energy", "H1", []string{`column "Supplier" is not one footprint reads, so its values are ignored`, "rename it if it is one of Year, Activity, Quantity, Unit, Site, Pole"}}},
		},
		{
			name:   "a column of another kind of sheet",
			sheets: []sheet{{"Register", [][]any{{"Year", "Equipment", "Gas", "Recharged", "Entity"}, {2024, "chiller", "R-410A", 1, "Sub"}}}},
			want:   []wantProblem{{"unknown-column", "Register", "E1", []string{`column "Entity" (Entity) is read on activity sheets, not on this sheet`}}},
		},
		{
			name: "footprint's own columns, even when config names one as an alias",
			sheets: []sheet{{"Energy", [][]any{append(append([]any{}, header...), "footprint tCO2e", "footprint scope", "footprint problem"),
				append(append([]any{}, row...), nil, nil, nil, nil, 2, 9, "")}}},
			aliases: Aliases{ColScope: {"footprint scope"}},
			check: func(t *testing.T, acts []emissions.Activity) {
				if len(acts) != 1 || acts[0].Scope != 0 {
					t.Errorf("activities %+v: footprint scope was read", acts)
				}
			},
		},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			in := &emissions.Input{}
			data := workbook(t, tt.sheets...)
			opts := Options{DefaultSite: "Main", Aliases: tt.aliases}
			Read(in, "in.xlsx", bytes.NewReader(data), opts)
			checkProblems(t, in, tt.want)
			if tt.check != nil {
				tt.check(t, in.Activities)
			}
			fastVsChecked(t, tt.name, data, opts)
		})
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"year", "year", 0}, {"categroy", "category", 1}, {"yaer", "year", 1},
		{"quantitee", "quantite", 1}, {"sit", "site", 1}, {"unit", "", 4}, {"abc", "ca", 3},
	} {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
