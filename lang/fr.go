package lang

import "fmt"

// french is the French catalogue: English text, as the code writes it, to its French
// translation, with the same fmt verbs in the same order. Each output keeps its part in a file
// of its own (fr_report.go, fr_excel.go, fr_template.go, fr_commands.go, fr_factors.go,
// fr_help.go); a text two outputs share has one translation.
var french = joinCatalogues(frenchReport, frenchExcel, frenchTemplate, frenchCommands, frenchFactors, frenchHelp)

func joinCatalogues(parts ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, p := range parts {
		for en, fr := range p {
			if have, ok := out[en]; ok && have != fr {
				panic(fmt.Sprintf("lang: %q has two French translations: %q and %q", en, have, fr)) // caught by the tests
			}
			out[en] = fr
		}
	}
	return out
}
