package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The language comes from --lang, else FOOTPRINT_LANGUAGE, else the config's language, else
// English; a language footprint does not speak is refused, naming where it was given.
func TestLanguageChoice(t *testing.T) {
	tests := []struct {
		name   string
		config string
		env    string
		args   []string
		code   int
		lang   string // the report's lang attribute
		stderr string
	}{
		{"default", "", "", nil, 0, "en", ""},
		{"config", "language: fr\n", "", nil, 0, "fr", ""},
		{"env over config", "language: fr\n", "en", nil, 0, "en", ""},
		{"flag over env", "language: en\n", "en", []string{"--lang", "FR"}, 0, "fr", ""},
		{"bad flag", "", "", []string{"--lang", "de"}, exitUsage, "", `--lang: "de" is not a language footprint speaks: want en or fr`},
		{"bad config", "language: klingon\n", "", nil, exitProblems, "", `language: "klingon" is not a language footprint speaks`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := site(t, tt.config, []any{2024, "Plant", "P", "fr.natural-gas.pcs", 10, "MWh PCS"})
			var out, errb bytes.Buffer
			env := Env{Stdout: &out, Stderr: &errb, LookupEnv: func(k string) (string, bool) {
				if k == "FOOTPRINT_LANGUAGE" && tt.env != "" {
					return tt.env, true
				}
				return "", false
			}}
			outDir := filepath.Join(dir, "out")
			args := append([]string{"report", "--config", filepath.Join(dir, "config.yaml"), "--out", outDir}, tt.args...)
			code := Main(args, env)
			if code != tt.code || !strings.Contains(errb.String(), tt.stderr) {
				t.Fatalf("exit %d (want %d)\nstderr: %s", code, tt.code, errb.String())
			}
			if tt.lang == "" {
				return
			}
			page, err := os.ReadFile(filepath.Join(outDir, "report.html"))
			if err != nil {
				t.Fatal(err)
			}
			if want := `<html lang="` + tt.lang + `">`; !strings.Contains(string(page), want) {
				t.Errorf("the page does not open with %s", want)
			}
		})
	}
}
