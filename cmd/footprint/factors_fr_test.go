package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runMain runs the command line in-process with the environment variables env, as a user's
// shell would give them.
func runMain(env map[string]string, args ...string) runResult {
	var out, errb bytes.Buffer
	code := Main(args, Env{Stdout: &out, Stderr: &errb, LookupEnv: func(k string) (string, bool) {
		v, ok := env[k]
		return v, ok
	}})
	return runResult{code, out.String(), errb.String()}
}

// noEnglish fails when text holds one of the English sentences of factors import and diff.
func noEnglish(t *testing.T, what, text string) {
	t.Helper()
	for _, en := range []string{"wrote ", "left out", "to use it", "first at", "(published", " rows", "elements", "exists:",
		"no factor", "holds the", "vintage only", "changed:", "CHANGED", "FIELD", "OLD", "CHANGE", "ADDED", "ARCHIVED", " all ", "factor file"} {
		if strings.Contains(text, en) {
			t.Errorf("%s: English %q left in:\n%s", what, en, text)
		}
	}
}

// factors import and factors diff speak French when the config says so (language: fr), and
// when --lang or FOOTPRINT_LANGUAGE does without a config; --json is the same in every
// language. The DESNZ figures are those of TestImportDESNZDiffYears.
func TestFactorsImportAndDiffInFrench(t *testing.T) {
	in24, in25 := desnzFlatCSV(t, "2024"), desnzFlatCSV(t, "2025")
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte("language: fr\nfactors:\n  gwp: AR5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a, b := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")
	r := runMain(nil, "factors", "import", "--config", cfg, "--desnz", in24, "--published", "2026", "--out", a)
	for _, want := range []string{
		" facteurs de l’édition DESNZ 2024 (publiée en 2026)\u202f: fichier " + a + " écrit\n",
		"\n  - 1 ligne de scope 3 de \"Managed assets- electricity\", dont footprint ne devine pas la catégorie (premier cas\u202f: ",
		"laissés de côté\u202f:\n  - ",
		"\n  - 583 lignes sans valeur (premier cas\u202f: " + in24 + ":",
		"lignes des fluides frigorigènes et autres gaz",
		"\npour l’utiliser, déclarez-le dans config.yaml\u202f:\n  factors:\n    files:\n      - a.yaml\n",
	} {
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("import: exit %d, want %q in:\n%s%s", r.code, want, r.stdout, r.stderr)
		}
	}
	noEnglish(t, "import", r.stdout)
	if r := runMain(nil, "factors", "import", "--config", cfg, "--desnz", in25, "--published", "2026", "--out", b); r.code != 0 {
		t.Fatalf("import 2025: exit %d: %s", r.code, r.stderr)
	}
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"exists", []string{"--desnz", in24, "--out", a}, a + " existe déjà\u202f: donnez un autre --out, ou --force pour le remplacer"},
		{"published", []string{"--desnz", in24, "--published", "1800"}, "--published 1800\u202f: donnez l’année de publication de l’édition, de 1990 à "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := runMain(nil, append([]string{"factors", "import", "--config", cfg}, tt.args...)...)
			if r.code != exitProblems || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, want %q in:\n%s", r.code, tt.want, r.stderr)
			}
			noEnglish(t, tt.name, r.stderr)
		})
	}

	r = runMain(nil, "factors", "diff", "--config", cfg, a, b)
	if r.code != 0 {
		t.Fatalf("diff: exit %d: %s", r.code, r.stderr)
	}
	if want := a + " ne contient que le millésime 2024 et " + b + " que le millésime 2025\u202f: comparaison identifiant par identifiant"; !strings.Contains(r.stderr, want) {
		t.Errorf("diff: want %q in:\n%s", want, r.stderr)
	}
	lines := strings.Split(r.stdout, "\n")
	if !strings.Contains(lines[0], " champs modifiés\u202f; ") || !strings.Contains(lines[0], " facteur ajouté\u202f; 0 facteur archivé") || lines[2] != "MODIFIÉS" ||
		!strings.Contains(lines[3], "ANNÉE") || !strings.Contains(lines[3], "ÉVOLUTION") {
		t.Errorf("diff: the head is not French:\n%s", strings.Join(lines[:min(len(lines), 5)], "\n"))
	}
	found := false
	for _, l := range lines {
		if strings.HasPrefix(l, "desnz.10_401_4002_5_1 ") && strings.Contains(l, " value ") {
			found = true
			if f := strings.Fields(l); len(f) < 4 || f[1] != "toutes" || f[3] != "0.17965" || !strings.HasSuffix(l, " -2,43\u202f%") {
				t.Errorf("diff: %q, want year toutes, old 0.17965 and a change of -2,43\u202f%%", l)
			}
		}
	}
	if !found {
		t.Errorf("diff: no line for desnz.10_401_4002_5_1's value")
	}
	noEnglish(t, "diff", r.stdout+r.stderr)

	// --json is the same in French and in English.
	fr := runMain(nil, "factors", "diff", "--config", cfg, a, b, "--json")
	en := runMain(nil, "factors", "diff", "--config", cfg, "--lang", "en", a, b, "--json")
	if fr.code != 0 || fr.stdout != en.stdout || fr.stdout == "" {
		t.Errorf("diff --json: exit %d; French and English differ (%d and %d bytes)", fr.code, len(fr.stdout), len(en.stdout))
	}
	if r := runMain(nil, "factors", "diff", "--config", cfg, filepath.Join(dir, "none.yaml"), "builtin"); r.code != exitProblems ||
		!strings.Contains(r.stderr, "fichier de facteurs "+filepath.Join(dir, "none.yaml")+"\u202f: ") || !strings.Contains(r.stderr, "(donnez un fichier de facteurs, ou builtin)") {
		t.Errorf("diff of a missing file: exit %d:\n%s", r.code, r.stderr)
	}
}

// Without a config file, factors import takes its language from FOOTPRINT_LANGUAGE or --lang,
// and succeeds as it does in English; a config that does not load is no error either.
func TestFactorsImportFrenchWithoutConfig(t *testing.T) {
	src, _ := filepath.Abs("../../../shared/factor-sources/ademe-base-carbone-v23.6/base_carbone_v23.6_valid_subset.csv")
	if _, err := os.Stat(src); err != nil {
		t.Skipf("factor sources not here: %v", err)
	}
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.yaml")
	if err := os.WriteFile(broken, []byte("language: fr\nno_such_key: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		env  map[string]string
		args []string
	}{
		{"env", map[string]string{"FOOTPRINT_LANGUAGE": "fr"}, nil},
		{"flag", nil, []string{"--lang", "fr"}},
		{"flag and a broken config", nil, []string{"--lang", "fr", "--config", broken}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "ademe.yaml")
			r := runMain(tt.env, append([]string{"factors", "import", "--ademe", src, "--out", out}, tt.args...)...)
			for _, want := range []string{
				"1\u202f217 facteurs de l’édition ADEME V23.6 (publiée en 2025)\u202f: fichier " + out + " écrit\n",
				"\n  - 320 éléments\u202f: tables de PRG (footprint prend les PRG dans les jeux du GIEC) (premier cas\u202f: élément 43018, ligne 2)\n",
				"\n  - 14 éléments\u202f: catégorie \"Process et émissions fugitives\" (scope impossible à déterminer) (premier cas\u202f: élément ",
			} {
				if r.code != 0 || !strings.Contains(r.stdout, want) {
					t.Errorf("exit %d, want %q in:\n%s%s", r.code, want, r.stdout, r.stderr)
				}
			}
			noEnglish(t, tt.name, r.stdout)
		})
	}
}
