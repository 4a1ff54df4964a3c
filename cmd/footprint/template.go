package main

import (
	"fmt"

	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/pipeline"
	"github.com/footprint/footprint/workbook"
	"github.com/spf13/cobra"
)

type templateOptions struct {
	*rootOptions
	in  inputOptions
	out string
}

func newCmdTemplate(root *rootOptions, runF func(*templateOptions) error) *cobra.Command {
	opts := &templateOptions{rootOptions: root}
	cmd := &cobra.Command{
		Use:   "template",
		Short: lang.Key("Write an input workbook template: headers, dropdowns of activity ids and units, a help sheet"),
		Long: lang.Key("Writes the workbook a team fills in (docs/user-guide.md): the sheets Energy, Logistics, Materials,\n" +
			"Waste, Refrigerants, Travel and Instruments with their headers and data validation (activity ids of\n" +
			"the library and of the config's custom factors, units, whole-number years, quantities ≥ 0), a Help\n" +
			"sheet, examples, and a Lists sheet with the poles and sites the inputs use, where the team adds more.\n" +
			"With --lang fr (or config language: fr) the sheets, headers, help and dropdown values are in French,\n" +
			"which footprint reads as well; the Instruments sheet keeps its name.\n" +
			"The optional Quality, Entity and DataType columns have dropdowns; Entity's lists the config's\n" +
			"organisation.entities (without an organisation it has none)."),
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runF(opts) },
	}
	addInputFlags(cmd, &opts.in, 0)
	cmd.Flags().StringVar(&opts.out, "out", "activities-template.xlsx", lang.Key("file to write"))
	return cmd
}

func runTemplate(opts *templateOptions) error {
	po := opts.pipeline(opts.in, true)
	po.Own = true // the user's own workbook: never the demo's entities, sites or poles
	s, err := pipeline.Load(po)
	if err != nil {
		return problems(err)
	}
	l := s.Config.Lang()
	t := workbook.Template{Factors: s.Library.All(), Site: s.Config.Site, Lang: l}
	t.Entities, t.DefaultEntity = workbook.TemplateEntities(s.Config.OrganisationModel())
	// The dropdowns offer the poles and sites the inputs already use; inputs that are missing
	// or unreadable (a project just starting) offer none.
	if in := s.Read(nil); in != nil {
		t.Poles, t.Sites = workbook.UsedPolesAndSites(in.Activities)
	}
	if err := workbook.WriteTemplateFile(opts.out, t); err != nil {
		return problemsf("template: %v", err)
	}
	fmt.Fprintln(opts.env.Stdout, l.T("Wrote %s: fill it in, then check it with `footprint validate --input %s`.", opts.out, opts.out))
	return nil
}
