package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// factors show and list say in French that no factor has the id or matches the words, and
// factors show without an id says what to give; English is as it was.
func TestFactorsShowAndListNotFoundInFrench(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		code   int
		fr, en string
	}{
		{[]string{"factors", "show", "nope.id"}, exitProblems,
			"footprint: aucun facteur n’a l’identifiant \"nope.id\"\n", "footprint: no factor \"nope.id\"\n"},
		{[]string{"factors", "show", "fr.electricty.grid"}, exitProblems,
			"footprint: aucun facteur n’a l’identifiant \"fr.electricty.grid\" (vouliez-vous dire \"fr.electricity.grid\"\u202f?)\n",
			"footprint: no factor \"fr.electricty.grid\" (did you mean \"fr.electricity.grid\"?)\n"},
		{[]string{"factors", "list", "--search", "zzzz"}, exitOK,
			"aucun facteur ne correspond à \"zzzz\"\n", "no factor matches \"zzzz\"\n"},
		{[]string{"factors", "list", "--search", "elektricity"}, exitOK,
			"aucun facteur ne correspond à \"elektricity\"\u202f; vouliez-vous dire \"electricity\"\u202f?\n",
			"no factor matches \"elektricity\"; did you mean \"electricity\"?\n"},
		{[]string{"factors", "show"}, exitUsage,
			"footprint: indiquez l’identifiant d’un facteur\u202f: footprint factors show fr.electricity.grid (footprint factors list --search en trouve un)\n",
			"footprint: accepts 1 arg(s), received 0\nRun 'footprint --help' for usage.\n"},
	} {
		name := strings.Join(tt.args, " ")
		fr := runMain(nil, append(tt.args, "--lang", "fr")...)
		if fr.code != tt.code || !strings.HasPrefix(fr.stderr, tt.fr) {
			t.Errorf("%s in French: exit %d, stderr %q; want exit %d and %q", name, fr.code, fr.stderr, tt.code, tt.fr)
		}
		en := runMain(nil, append(tt.args, "--lang", "en")...)
		if en.code != tt.code || !strings.HasPrefix(en.stderr, tt.en) {
			t.Errorf("%s in English: exit %d, stderr %q; want exit %d and %q", name, en.code, en.stderr, tt.code, tt.en)
		}
	}
}

// factors import says in French that it cannot open the file given, the system's reason
// after it, and that a folder is not a file; English keeps Go's own text.
func TestFactorsImportFileErrorsInFrench(t *testing.T) {
	dir := t.TempDir()
	missing := dir + "/nonexistent.csv"
	for _, tt := range []struct {
		args   []string
		fr, en string
	}{
		{[]string{"--ademe", missing}, "footprint: impossible d’ouvrir " + missing + "\u202f: ", "footprint: open " + missing + ": "},
		{[]string{"--desnz", missing}, "footprint: impossible d’ouvrir " + missing + "\u202f: ", "footprint: open " + missing + ": "},
		{[]string{"--ademe", dir}, "footprint: " + dir + " est un dossier\u202f: donnez le fichier\n", "footprint: " + dir + " is a folder: give the file\n"},
	} {
		args := append([]string{"factors", "import", "--out", dir + "/out.yaml"}, tt.args...)
		if r := runMain(nil, append(args, "--lang", "fr")...); r.code != exitProblems || !strings.HasPrefix(r.stderr, tt.fr) {
			t.Errorf("%v in French: exit %d, stderr %q; want %q", tt.args, r.code, r.stderr, tt.fr)
		}
		if r := runMain(nil, append(args, "--lang", "en")...); r.code != exitProblems || !strings.HasPrefix(r.stderr, tt.en) {
			t.Errorf("%v in English: exit %d, stderr %q; want %q", tt.args, r.code, r.stderr, tt.en)
		}
	}
}

// Without a target, calc and validate say in the terminal what to do, not that a report they
// did not write says it; a reporting year given with no row, and none before it, is said on
// the first lines (calc writes them on stderr), with the years that have rows.
func TestTerminalNoticesNoTargetAndEmptyYear(t *testing.T) {
	dir := t.TempDir()
	writeWorkbook(t, filepath.Join(dir, "mine.xlsx"), map[string][][]any{"Energy": {
		{"Year", "Site", "Pole", "Activity", "Quantity", "Unit"},
		{2023, "Plant", "P", "fr.electricity.grid", 1000, "kWh"},
		{2024, "Plant", "P", "fr.electricity.grid", 1000, "kWh"},
	}})
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("language: fr\ninputs: [mine.xlsx]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"validate"}, []string{"Aucune cible configurée\u202f: ces chiffres ne sont mesurés contre aucune cible de réduction\u202f: ajoutez un bloc trajectory à la configuration (`footprint init` écrit un config.yaml qui en contient un à remplir\u202f; docs/configuration.md le décrit).\n"}},
		{[]string{"validate", "--lang", "en"}, []string{"No target configured: these figures are not measured against any reduction target: add a trajectory block to the configuration (`footprint init` writes a config.yaml with one to fill in; docs/configuration.md describes it).\n"}},
		{[]string{"calc", "--year", "2019"}, []string{"Année de reporting sans données\u202f: 2019 n’a aucune ligne d’activité\u202f; les entrées ont des lignes pour 2023, 2024\u202f: donnez l’une de ces années comme reporting_year ou --year.\n"}},
		{[]string{"calc", "--year", "2019", "--lang", "en"}, []string{"Reporting year without data: 2019 has no activity row; the inputs have rows of 2023, 2024: give one of those years as reporting_year or --year.\n"}},
	} {
		r := footprint(t, dir, tt.args...)
		for _, want := range tt.want {
			if out := r.stdout + r.stderr; r.code != 0 || !strings.Contains(out, want) || strings.Contains(out, "notes en fin de rapport") || strings.Contains(out, "closing notes") {
				t.Errorf("%v: exit %d, want %q in:\n%s%s", tt.args, r.code, want, r.stdout, r.stderr)
			}
		}
	}
}

// report's summary line gives each scope's figure after a colon in French; English is as it
// was.
func TestReportSummaryScopesInFrench(t *testing.T) {
	dir := t.TempDir()
	writeWorkbook(t, filepath.Join(dir, "mine.xlsx"), map[string][][]any{"Energy": {
		{"Year", "Site", "Pole", "Activity", "Quantity", "Unit"},
		{2024, "Plant", "P", "fr.electricity.grid", 2430000, "kWh"},
	}})
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("language: fr\ninputs: [mine.xlsx]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := footprint(t, dir, "report")
	if want := "(scope 1\u202f: 0,0\u202f; scope 2 (marché)\u202f: "; r.code != 0 || !strings.Contains(r.stdout, want) {
		t.Errorf("report: exit %d, want %q in:\n%s%s", r.code, want, r.stdout, r.stderr)
	}
	if want := "pour les 2\u202f430\u202f000 kWh non couverts"; !strings.Contains(r.stdout+r.stderr, want) {
		t.Errorf("report: want %q in:\n%s%s", want, r.stdout, r.stderr)
	}
	r = footprint(t, dir, "report", "--lang", "en")
	if want := "(Scope 1 0.0, Scope 2 market "; r.code != 0 || !strings.Contains(r.stdout, want) {
		t.Errorf("report in English: exit %d, want %q in:\n%s%s", r.code, want, r.stdout, r.stderr)
	}
	if want := "for the 2430000 kWh not covered"; !strings.Contains(r.stdout+r.stderr, want) {
		t.Errorf("report in English: want %q in:\n%s%s", want, r.stdout, r.stderr)
	}
}

// help on a topic it does not know says so in French; English is cobra's.
func TestHelpUnknownTopicInFrench(t *testing.T) {
	fr := runMain(nil, "help", "nope", "--lang", "fr")
	if want := "Rubrique d’aide inconnue\u202f: [`nope`]\nUtilisation\u202f:\n"; fr.code != 0 || !strings.HasPrefix(fr.stdout+fr.stderr, want) {
		t.Errorf("exit %d, want %q first in:\n%s%s", fr.code, want, fr.stdout, fr.stderr)
	}
	en := runMain(nil, "help", "nope", "--lang", "en")
	if want := "Unknown help topic [`nope`]\nUsage:\n"; en.code != 0 || !strings.HasPrefix(en.stdout+en.stderr, want) {
		t.Errorf("exit %d, want %q first in:\n%s%s", en.code, want, en.stdout, en.stderr)
	}
}
