// Command footprint computes a site's greenhouse-gas inventory from activity workbooks and
// emission factors, and tracks it against a 2030 trajectory. See README.md.
package main

import (
	"os"

	"github.com/footprint/footprint/lang"
	"golang.org/x/term"
)

func main() {
	tmp := ownTempDir()
	env := Env{Stdout: os.Stdout, Stderr: os.Stderr, LookupEnv: os.LookupEnv,
		Terminal: func() bool { return term.IsTerminal(int(os.Stderr.Fd())) }}
	endOnSignal(os.Stderr, func() lang.Lang { return (&rootOptions{env: env}).runLang(os.Args[1:]) }, tmp)
	code := Main(os.Args[1:], env)
	if ending.Load() {
		select {} // the signal's handler exits
	}
	if tmp != "" {
		os.RemoveAll(tmp)
	}
	os.Exit(code)
}
