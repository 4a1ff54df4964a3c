package main

import (
	"fmt"

	"github.com/footprint/footprint/reports"
	"github.com/spf13/cobra"
)

func newTemplateCmd(g *globalFlags, env Env) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "template",
		Short: "Write an input workbook template: headers, dropdowns of activity ids and units, a help sheet",
		Long: "Writes the workbook a team fills in (SPEC §3): the sheets Energy, Logistics, Materials, Waste,\n" +
			"Refrigerants, Travel and Instruments with their headers and data validation (activity ids of the\n" +
			"library and of the config's custom factors, units, whole-number years, quantities ≥ 0), a Help\n" +
			"sheet, examples, and a Lists sheet with the poles and sites the inputs use, where the team adds more.\n" +
			"The optional Quality, Entity and DataType columns have dropdowns; Entity's lists the config's\n" +
			"organisation.entities (without an organisation it has none).",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := loadSession(g, env)
			if err != nil {
				return err
			}
			t := reports.Template{Factors: s.lib.All(), Site: s.cfg.Site}
			t.Entities, t.DefaultEntity = reports.TemplateEntities(s.cfg.OrganisationModel())
			// The dropdowns offer the poles and sites the inputs already use; inputs that
			// are missing or unreadable (a project just starting) offer none.
			if in := s.read(g, env, nil, false); in != nil {
				t.Poles, t.Sites = reports.UsedPolesAndSites(in.Activities)
			}
			if err := reports.WriteTemplateFile(out, t); err != nil {
				return problemsf("template: %v", err)
			}
			fmt.Fprintf(env.Stdout, "Wrote %s: fill it in, then check it with `footprint validate --input %s`.\n", out, out)
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "activities-template.xlsx", "file to write")
	return cmd
}
