package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// What the commands print or return as an error goes through the catalogue: a test fails on a
// message written in English in a command's code, whose French would then be missing. The
// catalogue's own test checks that every text given to T has its French.
func TestCommandsWriteNoUntranslatedText(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	// Calls whose first string argument users read.
	printers := map[string]bool{"Fprintf": true, "Fprintln": true, "Fprint": true, "Errorf": true, "New": true, "problemsf": true}
	verbs := regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]*)?[a-zA-Z%]`)
	words := regexp.MustCompile(`\p{L}{2,}`)
	// Command names that prefix a quoted error ("export: …"), footprint's own name, and the
	// config's keys; flags (--lang) are names too.
	names := map[string]bool{"footprint": true, "report": true, "export": true, "init": true, "template": true, "annotate": true, "pdf": true,
		"factors": true, "files": true}
	flags := regexp.MustCompile(`--[\w-]+`)
	fset := token.NewFileSet()
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			name := ""
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			case *ast.Ident:
				name = fn.Name
			}
			if !printers[name] {
				return true
			}
			for _, arg := range call.Args {
				lit, ok := arg.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				s, _ := strconv.Unquote(lit.Value)
				for _, w := range words.FindAllString(flags.ReplaceAllString(verbs.ReplaceAllString(s, " "), " "), -1) {
					if !names[strings.ToLower(w)] {
						t.Errorf("%s: %s(%q) writes English text; write it through the catalogue (l.T)", fset.Position(lit.Pos()), name, s)
						break
					}
				}
			}
			return true
		})
	}
}
