package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// validate groups the problems by file and sheet, counts each group, gives the totals, and
// exits 1 when a row would be rejected (0 with warnings alone).
func TestValidateGroupsProblems(t *testing.T) {
	dir := t.TempDir()
	writeWorkbook(t, filepath.Join(dir, "a.xlsx"), map[string][][]any{"Energy": {header,
		{2024, "Plant", "P", "fr.natural-gas.pcs", "lots", "MWh"},
		{2024, "Plant", "P", "fr.natural-gas.pcs", 10, "MWh PCS"},
		{2024, "Plant", "P", "fr.natural-gass.pcs", 10, "MWh PCS"},
	}})
	writeWorkbook(t, filepath.Join(dir, "b.xlsx"), map[string][][]any{"Travel": {header,
		{2024, "Plant", "P", "fr.natural-gas.pcs", 5, "t"},
	}})
	writeWorkbook(t, filepath.Join(dir, "good.xlsx"), map[string][][]any{"Energy": {header,
		{2024, "Plant", "P", "fr.natural-gas.pcs", 10, "MWh PCS"},
	}})
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("inputs: [a.xlsx, b.xlsx]\nsite: Plant\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := footprint(t, dir, "validate")
	if r.code != 1 {
		t.Errorf("exit %d, want 1 (rows rejected)\n%s%s", r.code, r.stdout, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	want := []string{
		"No target configured: ",
		"Left out of these figures: 3 of 4 activity rows (75.0 %) were rejected, in a.xlsx (Energy), b.xlsx (Travel).",
		"a.xlsx, sheet Energy: 2 errors, 0 warnings",
		`  error, cell E2: Quantity: text "lots" where a number was expected`,
		`  error, cell D4: unknown activity "fr.natural-gass.pcs"`,
		"b.xlsx, sheet Travel: 1 error, 0 warnings",
		`  error, cell F2: unit "t" (mass) does not convert to the factor's unit`,
		"Total: 3 errors, 0 warnings in 2 files; rows: 4 read, 1 used, 3 rejected; 0 instruments.",
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), r.stdout)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d: %q\nwant it to start with %q", i+1, lines[i], w)
		}
	}
	if r := footprint(t, dir, "validate", "--input", "good.xlsx"); r.code != 0 || !strings.Contains(r.stdout, "Total: 0 errors, 0 warnings; rows: 1 read, 1 used, 0 rejected; 0 instruments.\nOK") {
		t.Errorf("a clean input: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// A new user's first run: their own workbook, no config.yaml. The built-in defaults apply, not
// the demo's settings: no demo notice, "no target configured", and the rejected row said first.
func TestValidateOwnInputWithoutConfigTakesDefaults(t *testing.T) {
	dir := t.TempDir()
	writeWorkbook(t, filepath.Join(dir, "mine.xlsx"), map[string][][]any{"Energy": {
		{"Year", "Site", "Pole", "Activity", "Quantity", "Unit"},
		{2025, "Plant", "P", "fr.electricity.grid", 1000, "kWh"},
		{2025, "Plant", "P", "fr.electricity.grid", "abc", "kWh"},
	}})
	r := footprint(t, dir, "validate", "--input", "mine.xlsx")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	lines := strings.Split(r.stdout, "\n")
	for i, want := range []string{"No target configured: ", "Left out of these figures: 1 of 2 activity rows (50.0 %) were rejected, in mine.xlsx (Energy)."} {
		if i >= len(lines) || !strings.HasPrefix(lines[i], want) {
			t.Errorf("line %d of validate: want it to start with %q\n%s", i+1, want, r.stdout)
		}
	}
	for _, want := range []string{`cell E3: Quantity: text "abc"`, "rows: 2 read, 1 used, 1 rejected"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("validate's list lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "demo") || strings.Contains(r.stdout, "2019") {
		t.Errorf("validate of the user's own input speaks of the demo:\n%s", r.stdout)
	}
}

// A copy of the demo's config.yaml stays the demo wherever it is: its trajectory does not fit
// the user's years, and the message says the file is the demo's and what to do.
func TestCopiedDemoConfigSaysItIsTheDemo(t *testing.T) {
	dir := t.TempDir()
	demo, err := os.ReadFile("../../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), demo, 0o644); err != nil {
		t.Fatal(err)
	}
	writeWorkbook(t, filepath.Join(dir, "mine.xlsx"), map[string][][]any{"Energy": {
		{"Year", "Site", "Pole", "Activity", "Quantity", "Unit"},
		{2025, "Plant", "P", "fr.electricity.grid", 1000, "kWh"},
	}})
	r := footprint(t, dir, "validate", "--input", "mine.xlsx")
	if r.code != 1 || !strings.HasPrefix(r.stdout, "This is the demo: ") {
		t.Errorf("exit %d, want 1 and the demo notice first:\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"config.yaml: 1 error", "trajectory.base_year: 2019 has no data", "config.yaml is the demo's configuration (`demo: true`)", "footprint init"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("validate's list lacks %q:\n%s", want, r.stdout)
		}
	}
}

// In French, validate's frame and the problems a team meets most are French: each with its
// cell, the numbers' no-break spaces, the "did you mean" hints; English stays as above.
func TestValidateInFrench(t *testing.T) {
	dir := t.TempDir()
	writeWorkbook(t, filepath.Join(dir, "bilan.xlsx"), map[string][][]any{"Énergie": {
		{"Bilan carbone 2024"},
		{"Année", "Site", "Pôle", "Activité", "Quantité", "Unité", "Commentair"},
		{nil, "Usine", "P", "fr.natural-gas.pcs", 10, "MWh PCS"},
		{2024, "Usine", "P", "fr.natural-gas.pcs", "beaucoup", "MWh PCS"},
		{2024, "Usine", "P", "fr.natural-gas.pcs", -5, "MWh PCS"},
		{2024, "Usine", "P", "fr.natural-gass.pcs", 10, "MWh PCS"},
		{2024, "Usine", "P", "fr.natural-gas.pcs", 5, "t"},
		{2024, "Usine", "P", "fr.natural-gas.pcs", 10, nil},
		{2024, "Usine", "P", "fr.natural-gas.pcs", 10, "MWh PCS"},
		{"Total", nil, nil, nil, 30, nil},
	}})
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("inputs: [bilan.xlsx]\nsite: Usine\nlanguage: fr\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := footprint(t, dir, "validate")
	if r.code != 1 {
		t.Errorf("exit %d, want 1 (rows rejected)\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, w := range []string{
		"\nbilan.xlsx, feuille Énergie\u202f: 7 erreurs, 2 avertissements\n",
		"\n  avertissement, cellule A1\u202f: la ligne 1 au-dessus de l’en-tête (ligne 2) n’est pas lue (\"Bilan carbone 2024\")\u202f: ",
		"\n  avertissement, cellule G2\u202f: la colonne \"Commentair\" n’est pas une colonne que footprint lit, ses valeurs sont donc ignorées\u202f; vouliez-vous dire Commentaire\u202f? ",
		"\n  erreur, cellule A3\u202f: Année vide\u202f; saisissez l’année de l’activité, par exemple 2024\n",
		"\n  erreur, cellule E4\u202f: Quantité\u202f: texte \"beaucoup\" là où un nombre était attendu\u202f; saisissez un nombre ≥ 0\n",
		"\n  erreur, cellule E5\u202f: Quantité -5 négative\u202f; ",
		"\n  erreur, cellule D6\u202f: activité inconnue \"fr.natural-gass.pcs\"\u202f: aucun facteur n’a cet identifiant (vouliez-vous dire \"fr.natural-gas.pcs\"\u202f?)\u202f; ",
		"\n  erreur, cellule F7\u202f: l’unité \"t\" (masse) ne se convertit pas dans l’unité du facteur ",
		"\n  erreur, cellule F8\u202f: Unité vide\u202f; ",
		"\n  erreur, cellule A10\u202f: \"Total\" ressemble à une ligne de total, pas à une activité\u202f: ",
		"\nTotal\u202f: 7 erreurs, 2 avertissements dans 1 fichier\u202f; lignes\u202f: 8 lues, 1 utilisée, 7 rejetées\u202f; 0 instrument.\n",
	} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("the output lacks %q:\n%s", w, r.stdout)
		}
	}
	if strings.Contains(r.stdout, " error") || strings.Contains(r.stdout, "warning") || strings.Contains(r.stdout, ", sheet ") {
		t.Errorf("English words in the French output:\n%s", r.stdout)
	}
	// calc lists the same problems on stderr, in French too.
	c := footprint(t, dir, "calc")
	for _, w := range []string{"9 problèmes\u202f:\n", "\nerreur\u202f: bilan.xlsx\u202f: feuille Énergie, cellule A3\u202f: Année vide\u202f; "} {
		if !strings.Contains(c.stderr, w) {
			t.Errorf("calc's stderr lacks %q:\n%s", w, c.stderr)
		}
	}
	// A CSV saved under an .xlsx name, refused whole.
	if err := os.WriteFile(filepath.Join(dir, "export.xlsx"), []byte("Année;Activité\n2024;x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = footprint(t, dir, "validate", "--input", "export.xlsx")
	want := "export.xlsx\u202f: 1 erreur, 0 avertissement\n  erreur\u202f: impossible de lire le classeur\u202f: c’est un fichier texte (un CSV\u202f?), pas un classeur .xlsx\u202f; "
	if r.code != 1 || !strings.Contains(r.stdout, want) {
		t.Errorf("exit %d, want 1 and %q in:\n%s%s", r.code, want, r.stdout, r.stderr)
	}
}
