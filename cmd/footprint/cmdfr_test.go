package main

import (
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
