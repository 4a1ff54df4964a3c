package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/footprint/footprint/config"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/pipeline"
	"github.com/footprint/footprint/workbook"
	"github.com/spf13/cobra"
)

// The files init writes, and the input the starter config names.
const (
	initConfig   = "config.yaml"
	initTemplate = "activities.xlsx"
)

type initOptions struct {
	*rootOptions
	dir string
}

func newCmdInit(root *rootOptions, runF func(*initOptions) error) *cobra.Command {
	opts := &initOptions{rootOptions: root}
	cmd := &cobra.Command{
		Use:   "init",
		Short: lang.Key("Write a starter config.yaml for your own site and the input template to fill in"),
		Long: lang.Key("Writes into --dir a commented config.yaml for your own site (site name, reporting year, inputs,\n" +
			"a target to fill in) and activities.xlsx, the input template `footprint template` writes, which the\n" +
			"config names as its input. A file that exists already is left untouched and named; init never\n" +
			"overwrites a file. Then fill both in and run `footprint validate` and `footprint report` there."),
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runF(opts) },
	}
	cmd.Flags().StringVar(&opts.dir, "dir", ".", lang.Key("folder to write config.yaml and activities.xlsx into"))
	return cmd
}

func runInit(opts *initOptions) error {
	out := opts.env.Stdout
	if err := os.MkdirAll(opts.dir, 0o755); err != nil {
		return problemsf("init: %s: %v", opts.dir, unwrapPath(err))
	}
	cfgPath, tmplPath := filepath.Join(opts.dir, initConfig), filepath.Join(opts.dir, initTemplate)
	var kept []string
	// the language asked of this run, not of a config elsewhere (./config.yaml is another site's)
	given, _ := opts.givenLang(opts.lang)
	starter := config.StarterIn(given)
	wroteConfig, err := createNew(cfgPath, func(w io.Writer) error { _, err := w.Write(starter); return err })
	if err != nil {
		return problemsf("init: %s: %v", cfgPath, err)
	}
	if !wroteConfig {
		kept = append(kept, cfgPath)
	}
	// The config in the folder, the starter or the team's own, says the language of the
	// messages and of the template (unless --lang or FOOTPRINT_LANGUAGE does), and the
	// template offers its activity ids and custom factors. A template already there is kept
	// whatever the config holds: only the language is asked of a config that does not load.
	_, statErr := os.Stat(tmplPath)
	writeTemplate := statErr != nil
	s, loadErr := pipeline.Load(pipeline.Options{ConfigPath: cfgPath, Own: true, Lang: opts.lang, LookupEnv: opts.env.LookupEnv})
	l := opts.runLang(nil)
	if loadErr == nil {
		l = s.Config.Lang()
	}
	if wroteConfig {
		fmt.Fprintln(out, l.T("Wrote %s: your site's configuration; fill in the lines marked FILL IN (site name, target).", cfgPath))
	}
	if !writeTemplate {
		kept = append(kept, tmplPath)
	} else {
		if loadErr != nil {
			return problems(loadErr)
		}
		t := workbook.Template{Factors: s.Library.All(), Site: s.Config.Site, Lang: l}
		t.Entities, t.DefaultEntity = workbook.TemplateEntities(s.Config.OrganisationModel())
		wrote, err := createNew(tmplPath, func(w io.Writer) error { return workbook.WriteTemplate(w, t) })
		switch {
		case err != nil:
			return problemsf("init: %s: %v", tmplPath, err)
		case wrote:
			fmt.Fprintln(out, l.T("Wrote %s: the input template; fill in its activity sheets (its Help sheet says how).", tmplPath))
		default:
			kept = append(kept, tmplPath)
		}
	}
	for _, p := range kept {
		fmt.Fprintln(out, l.T("Left untouched: %s exists already.", p))
	}
	if filepath.Clean(opts.dir) != "." {
		fmt.Fprintln(out, l.T("Next: fill them in, then run `footprint validate` and `footprint report` in %s.", opts.dir))
	} else {
		fmt.Fprintln(out, l.T("Next: fill them in, then run `footprint validate` and `footprint report`."))
	}
	return nil
}

// createNew writes a file at path with write, only if none exists there: false when one
// does. A file it could not write whole is removed.
func createNew(path string, write func(io.Writer) error) (bool, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return false, nil
	}
	if err != nil {
		return false, unwrapPath(err)
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return false, err
	}
	return true, nil
}

// unwrapPath drops the path an *fs.PathError repeats, for messages that name it already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
