package main

import (
	"encoding/json"

	"github.com/footprint/footprint/pipeline"
	"github.com/footprint/footprint/reports/jsondoc"
	"github.com/footprint/footprint/reports/text"
	"github.com/spf13/cobra"
)

// newCmdFactors groups the commands that browse the factor library.
func newCmdFactors(root *rootOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "factors",
		Short: "Browse the emission-factor library (built in, plus the config's custom factors)",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newCmdFactorsList(root, runFactorsList), newCmdFactorsShow(root, runFactorsShow))
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
		Short: "List factors, optionally those matching --search",
		Args:  cobra.NoArgs,
		RunE:  func(*cobra.Command, []string) error { return runF(opts) },
	}
	cmd.Flags().StringVar(&opts.search, "search", "", "words that id, name, source, region or unit must all contain")
	cmd.Flags().BoolVar(&opts.json, "json", false, "print a JSON array of factor objects")
	return cmd
}

func runFactorsList(opts *factorsListOptions) error {
	s, err := pipeline.Load(opts.pipeline(inputOptions{}, false))
	if err != nil {
		return problems(err)
	}
	fs := s.Library.Search(opts.search)
	if opts.json {
		return jsondoc.WriteFactors(opts.env.Stdout, fs)
	}
	return text.WriteFactorTable(opts.env.Stdout, fs)
}

type factorsShowOptions struct {
	*rootOptions
	id string
}

func newCmdFactorsShow(root *rootOptions, runF func(*factorsShowOptions) error) *cobra.Command {
	opts := &factorsShowOptions{rootOptions: root}
	return &cobra.Command{
		Use:   "show ID",
		Short: "Show every vintage of one factor with its source",
		Args:  cobra.ExactArgs(1),
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
		msg := "no factor " + quote(opts.id)
		if sug := s.Library.Suggest(opts.id); sug != "" {
			msg += " (did you mean " + quote(sug) + "?)"
		}
		return problemsf("%s", msg)
	}
	for i, f := range vs {
		if i > 0 {
			opts.env.Stdout.Write([]byte("\n"))
		}
		if err := text.WriteFactor(opts.env.Stdout, f); err != nil {
			return err
		}
	}
	return nil
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
