package pipeline

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/footprint/footprint/lang"
)

// sameInputs refuses a workbook listed twice, however its path is spelt (./a.xlsx and
// a.xlsx, a link to it, another path to the same file): read twice, every figure would be
// doubled without a word. The error names both entries as the user wrote them.
func (s *Session) sameInputs() error {
	paths, _ := s.inputs()
	entries, where := s.opts.Inputs, "--input"
	if len(entries) == 0 {
		entries, where = s.Config.Inputs, s.Config.Lang().T("%s: inputs", ConfigName(s.Config))
		if s.opts.LookupEnv != nil {
			if _, ok := s.opts.LookupEnv("FOOTPRINT_INPUTS"); ok {
				where = "FOOTPRINT_INPUTS"
			}
		}
	}
	builtin := len(s.opts.Inputs) == 0 && s.Config.Path == "" && s.Config.Demo
	type seen struct {
		i    int
		abs  string
		info os.FileInfo
	}
	var files []seen
	for i, p := range paths {
		f := seen{i: i, abs: filepath.Clean(p)}
		if !builtin {
			if abs, err := filepath.Abs(p); err == nil {
				f.abs = abs
			}
			f.info, _ = os.Stat(p)
		}
		for _, g := range files {
			if g.abs == f.abs || (g.info != nil && f.info != nil && os.SameFile(g.info, f.info)) {
				return errors.New(s.Config.Lang().T("%s: %q (entry %d) and %q (entry %d) are the same file: read twice, each of its figures would be counted twice; list it once",
					where, entries[g.i], lang.Plain(g.i+1), entries[f.i], lang.Plain(f.i+1)))
			}
		}
		files = append(files, f)
	}
	return nil
}
