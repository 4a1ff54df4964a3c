package main

import (
	"encoding/json"

	"github.com/footprint/footprint/reports"
	"github.com/spf13/cobra"
)

func newFactorsCmd(g *globalFlags, env Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "factors",
		Short: "Browse the emission-factor library (built in, plus the config's custom factors)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
	}
	var search string
	var asJSON bool
	list := &cobra.Command{
		Use:   "list",
		Short: "List factors, optionally those matching --search",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := loadSession(g, env)
			if err != nil {
				return err
			}
			fs := s.lib.Search(search)
			if asJSON {
				enc := json.NewEncoder(env.Stdout)
				enc.SetIndent("", "  ")
				if fs == nil {
					return enc.Encode([]any{})
				}
				return enc.Encode(fs)
			}
			return reports.WriteFactorTable(env.Stdout, fs)
		},
	}
	list.Flags().StringVar(&search, "search", "", "words that id, name, source, region or unit must all contain")
	list.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of factor objects")
	show := &cobra.Command{
		Use:   "show ID",
		Short: "Show every vintage of one factor with its source",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := loadSession(g, env)
			if err != nil {
				return err
			}
			vs := s.lib.Vintages(args[0])
			if len(vs) == 0 {
				msg := "no factor " + quote(args[0])
				if sug := s.lib.Suggest(args[0]); sug != "" {
					msg += " (did you mean " + quote(sug) + "?)"
				}
				return problemsf("%s", msg)
			}
			for i, f := range vs {
				if i > 0 {
					env.Stdout.Write([]byte("\n"))
				}
				if err := reports.WriteFactor(env.Stdout, f); err != nil {
					return err
				}
			}
			return nil
		},
	}
	cmd.AddCommand(list, show)
	return cmd
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
