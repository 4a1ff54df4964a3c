package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/pipeline"
	"github.com/footprint/footprint/reports/jsondoc"
	"github.com/footprint/footprint/reports/text"
	"github.com/spf13/cobra"
)

// newCmdFactors groups the commands that browse the factor library.
func newCmdFactors(root *rootOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "factors",
		Short: lang.Key("Browse the emission-factor library (built in, plus the config's factor files and custom factors) and compare libraries"),
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newCmdFactorsList(root, runFactorsList), newCmdFactorsShow(root, runFactorsShow), newCmdFactorsDiff(root, runFactorsDiff),
		newCmdFactorsImport(root, runFactorsImport))
	return cmd
}

type factorsListOptions struct {
	*rootOptions
	search string
	json   bool
}

func newCmdFactorsList(root *rootOptions, runF func(*factorsListOptions) error) *cobra.Command {
	opts := &factorsListOptions{rootOptions: root}
	cmd := &cobra.Command{
		Use:   "list",
		Short: lang.Key("List factors, optionally those matching --search"),
		Args:  cobra.NoArgs,
		RunE:  func(*cobra.Command, []string) error { return runF(opts) },
	}
	cmd.Flags().StringVar(&opts.search, "search", "", lang.Key("words to find in ids, English and French names, tags and sources (case and accents ignored)"))
	cmd.Flags().BoolVar(&opts.json, "json", false, lang.Key("print a JSON array of factor objects"))
	return cmd
}

func runFactorsList(opts *factorsListOptions) error {
	s, err := pipeline.Load(opts.pipeline(inputOptions{}, false))
	if err != nil {
		return problems(err)
	}
	fs := s.Library.Search(opts.search)
	if len(fs) == 0 && strings.TrimSpace(opts.search) != "" {
		// Nothing found is an answer, not an error: say so, and what was likely meant.
		l := s.Config.Lang()
		msg := l.T("no factor matches %s", quote(opts.search))
		if hints := s.Library.SearchHint(opts.search); len(hints) > 0 {
			quoted := make([]string, len(hints))
			for i, h := range hints {
				quoted[i] = quote(h)
			}
			msg = l.T("no factor matches %s; did you mean %s?", quote(opts.search), strings.Join(quoted, l.T(" or ")))
		}
		fmt.Fprintln(opts.env.Stderr, msg)
	}
	if opts.json {
		return jsondoc.WriteFactors(opts.env.Stdout, fs)
	}
	if len(fs) == 0 {
		return nil
	}
	return text.WriteFactorTable(opts.env.Stdout, s.Config.Lang(), fs)
}

// errShowArgs is what factors show says without an id, in the languages other than English,
// which keeps cobra's own text.
var errShowArgs = lang.Key("give a factor's id: footprint factors show fr.electricity.grid (footprint factors list --search finds one)")

type factorsShowOptions struct {
	*rootOptions
	id string
}

func newCmdFactorsShow(root *rootOptions, runF func(*factorsShowOptions) error) *cobra.Command {
	opts := &factorsShowOptions{rootOptions: root}
	return &cobra.Command{
		Use:   "show ID",
		Short: lang.Key("Show every vintage of one factor with its source"),
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return &argsError{en: "accepts 1 arg(s), received 0", key: errShowArgs}
			}
			return cobra.ExactArgs(1)(cmd, args)
		},
		RunE: func(_ *cobra.Command, args []string) error {
			opts.id = args[0]
			return runF(opts)
		},
	}
}

func runFactorsShow(opts *factorsShowOptions) error {
	s, err := pipeline.Load(opts.pipeline(inputOptions{}, false))
	if err != nil {
		return problems(err)
	}
	vs := s.Library.Vintages(opts.id)
	if len(vs) == 0 {
		l := s.Config.Lang()
		if sug := s.Library.Suggest(opts.id); sug != "" {
			return problemsf("%s", l.T("no factor %s (did you mean %s?)", quote(opts.id), quote(sug)))
		}
		return problemsf("%s", l.T("no factor %s", quote(opts.id)))
	}
	for i, f := range vs {
		if i > 0 {
			opts.env.Stdout.Write([]byte("\n"))
		}
		if err := text.WriteFactor(opts.env.Stdout, s.Config.Lang(), f); err != nil {
			return err
		}
	}
	return nil
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
