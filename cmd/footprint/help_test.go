package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/footprint/footprint/internal/golden"
	"github.com/footprint/footprint/lang"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// helpRun runs Main in dir, a folder of its own (its ./config.yaml, if any, is the one help
// reads), with FOOTPRINT_LANGUAGE set to envLang when not empty.
func helpRun(t *testing.T, dir, envLang string, args ...string) runResult {
	t.Helper()
	t.Chdir(dir)
	var out, errb bytes.Buffer
	code := Main(args, Env{Stdout: &out, Stderr: &errb, LookupEnv: func(k string) (string, bool) {
		if k == "FOOTPRINT_LANGUAGE" && envLang != "" {
			return envLang, true
		}
		return "", false
	}})
	return runResult{code, out.String(), errb.String()}
}

// helpCommands are the commands whose help the goldens hold, as testdata/help names them.
var helpCommands = [][]string{
	{}, {"calc"}, {"validate"}, {"report"}, {"template"}, {"annotate"}, {"init"}, {"help"},
	{"factors"}, {"factors", "list"}, {"factors", "show"}, {"factors", "diff"}, {"factors", "import"},
	{"completion"}, {"completion", "bash"}, {"completion", "zsh"}, {"completion", "fish"}, {"completion", "powershell"},
}

func helpGolden(t *testing.T, prefix string, cmd []string) string {
	t.Helper()
	name := "footprint"
	if len(cmd) > 0 {
		name = strings.Join(cmd, "-")
	}
	p, err := filepath.Abs(filepath.Join("testdata", "help", prefix+"-"+name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// English help is cobra's, as it was before help spoke French: the en-*.txt goldens were
// written by footprint before that change.
func TestHelpEnglishUnchanged(t *testing.T) {
	for _, cmd := range helpCommands {
		t.Run(strings.Join(append([]string{"footprint"}, cmd...), " "), func(t *testing.T) {
			path := helpGolden(t, "en", cmd)
			r := helpRun(t, t.TempDir(), "", append(cmd, "--help")...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
			}
			golden.Check(t, path, []byte(r.stdout))
		})
	}
}

// French help, for every command: the goldens show it whole.
func TestHelpFrenchGolden(t *testing.T) {
	for _, cmd := range helpCommands {
		t.Run(strings.Join(append([]string{"footprint"}, cmd...), " "), func(t *testing.T) {
			path := helpGolden(t, "fr", cmd)
			r := helpRun(t, t.TempDir(), "", append(cmd, "--help", "--lang", "fr")...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
			}
			golden.Check(t, path, []byte(r.stdout))
		})
	}
}

// Help takes its language as a run does: --lang, else FOOTPRINT_LANGUAGE, else the config's
// language (./config.yaml or --config); a config that is broken, or a language that is not one,
// gives no language and never fails the help.
func TestHelpLanguage(t *testing.T) {
	const (
		fr = "Utilisation\u202f:"
		en = "Usage:"
	)
	tests := []struct {
		name   string
		config string // ./config.yaml
		other  string // other.yaml, which --config names when the args hold OTHER
		env    string
		args   []string
		want   string
	}{
		{"flag", "", "", "", []string{"report", "--help", "--lang", "fr"}, fr},
		{"flag before help", "", "", "", []string{"--lang=fr", "report", "--help"}, fr},
		{"flag after help, root", "", "", "", []string{"--help", "--lang", "fr"}, fr},
		{"help command", "", "", "", []string{"help", "report", "--lang", "fr"}, fr},
		{"env", "", "", "fr", []string{"--help"}, fr},
		{"env, report", "", "", "fr", []string{"report", "-h"}, fr},
		{"config", "language: fr\n", "", "", []string{"report", "--help"}, fr},
		{"--config", "", "language: fr\n", "", []string{"report", "--help", "--config", "OTHER"}, fr},
		{"--config over ./config.yaml", "language: fr\n", "language: en\n", "", []string{"--config", "OTHER", "--help"}, en},
		{"env over config", "language: fr\n", "", "en", []string{"--help"}, en},
		{"flag over env", "", "", "fr", []string{"--help", "--lang", "en"}, en},
		{"bad flag: env", "", "", "fr", []string{"--help", "--lang", "klingon"}, fr},
		{"bad env: config", "language: fr\n", "", "klingon", []string{"--help"}, fr},
		{"broken config", "language: [fr\n", "", "", []string{"report", "--help"}, en},
		{"broken config, env", "language: [fr\n", "", "fr", []string{"report", "--help"}, fr},
		{"config with errors elsewhere", "language: fr\nno_such_key: 3\nreporting_year: soon\n", "", "", []string{"--help"}, fr},
		{"config language not a string", "language: [fr]\n", "", "", []string{"--help"}, en},
		{"config language not a language", "language: klingon\n", "", "", []string{"--help"}, en},
		{"missing --config", "language: fr\n", "", "", []string{"--help", "--config", "missing.yaml"}, en},
		{"none", "", "", "", []string{"report", "--help"}, en},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.config != "" {
				if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(tt.config), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			args := append([]string(nil), tt.args...)
			for i, a := range args {
				if a == "OTHER" {
					args[i] = filepath.Join(dir, "other.yaml")
					if err := os.WriteFile(args[i], []byte(tt.other), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			r := helpRun(t, dir, tt.env, args...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
			}
			if !strings.Contains(r.stdout, "\n"+tt.want+"\n") {
				t.Errorf("help without %q:\n%s", tt.want, r.stdout)
			}
		})
	}
}

// The key lines of French help: the layout's headings, a command's and a flag's text, and
// cobra's own help flag.
func TestHelpFrenchReport(t *testing.T) {
	r := helpRun(t, t.TempDir(), "fr", "report", "--help")
	for _, want := range []string{
		"Calcule l’inventaire et la trajectoire et écrit <out>/report.html et <out>/footprint-<année>.xlsx\n\n",
		"Utilisation\u202f:\n  footprint report [options]\n\nOptions\u202f:\n",
		"  -h, --help                aide pour report\n",
		"      --year int            année de reporting (par défaut\u202f: celle de la configuration, sinon la dernière année avec des données)\n",
		"\n\nOptions globales\u202f:\n      --config string   fichier de configuration",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("no %q in:\n%s", want, r.stdout)
		}
	}
	r = helpRun(t, t.TempDir(), "fr", "--help")
	for _, want := range []string{
		"Commandes disponibles\u202f:\n  annotate    Écrit une copie",
		"  help        Aide sur n’importe quelle commande\n",
		"Utilisez « footprint [commande] --help » pour en savoir plus sur une commande.\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("no %q in:\n%s", want, r.stdout)
		}
	}
	r = helpRun(t, t.TempDir(), "fr", "template", "--help")
	if want := `      --out string          fichier à écrire (par défaut "activities-template.xlsx")` + "\n"; !strings.Contains(r.stdout, want) {
		t.Errorf("no %q in:\n%s", want, r.stdout)
	}
}

// A command line refused is said in help's language, names and values kept, with the same
// exit code; English is as cobra and pflag write it.
func TestUsageErrorLanguage(t *testing.T) {
	const (
		runHelpFR = "Pour l’aide, lancez « footprint --help ».\n"
		runHelpEN = "Run 'footprint --help' for usage.\n"
	)
	tests := []struct {
		env  string
		args []string
		want string
	}{
		{"", []string{"report", "--bogus"}, "footprint: unknown flag: --bogus\n" + runHelpEN},
		{"", []string{"repot"}, "footprint: unknown command \"repot\" for \"footprint\"\n\nDid you mean this?\n\treport\n\n" + runHelpEN},
		{"fr", []string{"report", "--bogus"}, "footprint: option inconnue\u202f: --bogus\n" + runHelpFR},
		{"", []string{"report", "--bogus", "--lang", "fr"}, "footprint: option inconnue\u202f: --bogus\n" + runHelpFR},
		{"fr", []string{"repot"}, "footprint: commande inconnue \"repot\" pour \"footprint\"\n\nVouliez-vous dire\u202f:\n\treport\n\n" + runHelpFR},
		{"fr", []string{"calc", "-x"}, "footprint: option courte inconnue\u202f: 'x' dans -x\n" + runHelpFR},
		{"fr", []string{"calc", "--year"}, "footprint: l’option --year attend une valeur\n" + runHelpFR},
		{"fr", []string{"calc", "--year", "soon"}, "footprint: valeur \"soon\" invalide pour l’option \"--year\"\u202f: un nombre entier est attendu\n" + runHelpFR},
		{"fr", []string{"calc", "--json", "--lines"}, "footprint: les options du groupe [json lines] s’excluent mutuellement\u202f; [json lines] ont été données ensemble\n" + runHelpFR},
		{"fr", []string{"factors", "import"}, "footprint: il faut au moins une des options du groupe [ademe desnz pact]\n" + runHelpFR},
		{"fr", []string{"factors", "show"}, "footprint: indiquez l’identifiant d’un facteur\u202f: footprint factors show fr.electricity.grid (footprint factors list --search en trouve un)\n" + runHelpFR},
		{"fr", []string{"factors", "show", "a", "b"}, "footprint: la commande attend 1 argument(s), en a reçu 2\n" + runHelpFR},
		{"fr", []string{"factors", "diff", "a.yaml"}, "footprint: donnez ANCIEN et NOUVEAU\u202f: deux fichiers de facteurs, ou builtin\n" + runHelpFR},
		{"fr", []string{"calc", "--lang", "de"}, "footprint: --lang\u202f: \"de\" n’est pas une langue que parle footprint\u202f: en ou fr attendu\n" + runHelpFR},
		{"", []string{"calc", "--lang", "de"}, "footprint: --lang: \"de\" is not a language footprint speaks: want en or fr\n" + runHelpEN},
	}
	for _, tt := range tests {
		t.Run(tt.env+" "+strings.Join(tt.args, " "), func(t *testing.T) {
			r := helpRun(t, t.TempDir(), tt.env, tt.args...)
			if r.code != exitUsage || r.stderr != tt.want || r.stdout != "" {
				t.Errorf("exit %d (want %d)\nstderr: %q\nwant:   %q\nstdout: %q", r.code, exitUsage, r.stderr, tt.want, r.stdout)
			}
		})
	}
	// An error the patterns do not know stays as it comes.
	if got := usageError(lang.French, "something cobra says"); got != "something cobra says" {
		t.Errorf("usageError rewrote an unknown error: %q", got)
	}
}

// Every command's texts and every flag's usage, footprint's and cobra's own (the help and
// completion commands, the --help flags), has a French translation.
func TestHelpTextsTranslated(t *testing.T) {
	root := newRootCmd(&rootOptions{env: Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}}}, nil)
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	n := 0
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		for what, s := range map[string]string{"Short": c.Short, "Long": c.Long} {
			if _, ok := translateHelp(lang.French, s); !ok {
				t.Errorf("%s: %s has no French: %q", c.CommandPath(), what, s)
			}
			n++
		}
		check := func(f *pflag.Flag) {
			if _, ok := translateHelp(lang.French, f.Usage); !ok {
				t.Errorf("%s --%s: no French: %q", c.CommandPath(), f.Name, f.Usage)
			}
			n++
		}
		c.LocalFlags().VisitAll(check)
		c.InheritedFlags().VisitAll(check)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if n < 60 {
		t.Errorf("only %d texts checked: is the tree complete?", n)
	}
}
