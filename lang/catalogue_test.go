package lang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// keysInCode finds every catalogue key of the module: the string literal first argument (or
// sum of literals) of a method T (l.T("…")) and of Key("…") in Go files other than tests,
// and of the template function t ({{t "…"}}) in templates.
func keysInCode(t *testing.T) map[string]string {
	t.Helper()
	root := filepath.Join("..")
	keys := map[string]string{} // key → first place
	fset := token.NewFileSet()
	tmplKey := regexp.MustCompile(`[{(]\s*-?\s*t\s+("(?:[^"\\]|\\.)*")`)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); n == "node_modules" || n == "testdata" || strings.HasPrefix(n, ".") && n != ".." {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go"):
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				name := ""
				switch fn := call.Fun.(type) {
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				case *ast.Ident:
					name = fn.Name
				}
				if name != "T" && name != "Key" {
					return true
				}
				s, ok := stringConstant(call.Args[0])
				if !ok {
					return true
				}
				if _, seen := keys[s]; !seen {
					keys[s] = fset.Position(call.Args[0].Pos()).String()
				}
				return true
			})
		case strings.HasSuffix(path, ".tmpl"):
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range tmplKey.FindAllSubmatch(data, -1) {
				if s, err := strconv.Unquote(string(m[1])); err == nil {
					if _, seen := keys[s]; !seen {
						keys[s] = path
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// stringConstant is the value of e, a string literal or a sum of them ("a line\n" + "the
// next", as a command's long help is written).
func stringConstant(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		x, ok := stringConstant(e.X)
		if !ok {
			return "", false
		}
		y, ok := stringConstant(e.Y)
		return x + y, ok
	case *ast.ParenExpr:
		return stringConstant(e.X)
	}
	return "", false
}

var verb = regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]*)?[a-zA-Z%]`)

// Every text the code translates has a French translation with the same fmt verbs in the same
// order, and every translation is of a text the code still uses.
func TestFrenchCatalogue(t *testing.T) {
	keys := keysInCode(t)
	var missing []string
	for k, at := range keys {
		fr, ok := french[k]
		if !ok {
			missing = append(missing, at+": "+strconv.Quote(k))
			continue
		}
		if a, b := verb.FindAllString(k, -1), verb.FindAllString(fr, -1); !slices.Equal(a, b) {
			t.Errorf("%s: %q: the French %q has verbs %v, the English %v", at, k, fr, b, a)
		}
	}
	slices.Sort(missing)
	for _, m := range missing {
		t.Errorf("no French translation: %s", m)
	}
	var unused []string
	for k := range french {
		if _, ok := keys[k]; !ok {
			unused = append(unused, strconv.Quote(k))
		}
	}
	slices.Sort(unused)
	for _, k := range unused {
		t.Errorf("French translation of a text the code no longer uses: %s", k)
	}
}
