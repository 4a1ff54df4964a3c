package main

import (
	"fmt"
	"path/filepath"

	"github.com/footprint/footprint/reports"
)

// export gathers what the annual Excel export shows.
func (r *result) export() reports.Export {
	return reports.Export{
		Site: r.cfg.Site, ReportingYear: r.year, GWP: r.cfg.Factors.GWP, Scope2Method: r.cfg.Trajectory.Scope2Method,
		Years: r.years, Trajectory: r.trajectory, Targets: r.cfg.Plan().Targets,
		Lines: r.inventory.RowLines(), Library: r.lib, Rows: r.inventory.Rows, Problems: r.input.Problems.List(), Analysis: r.analysis(),
		Errors: r.input.Problems.Errors(), Warnings: r.input.Problems.Warnings(),
		Uncertainty: r.uncertainty, Changes: r.changes,
		Claim:        r.claim(),
		Regulatory:   r.regulatory(),
		EnergyTables: r.energyTables(),
	}
}

// writeExport writes the annual export <dir>/footprint-<year>.xlsx atomically, prints the
// export's own warnings (cells truncated to Excel's limit), and returns its path.
func writeExport(env Env, dir string, r *result, progress bool) (string, error) {
	path := filepath.Join(dir, reports.ExportFileName(r.year))
	e := r.export()
	if progress && env.Terminal != nil && env.Terminal() {
		e.Progress = &barProgress{w: env.Stderr, lines: true}
	}
	warnings, err := reports.WriteExportFile(path, e)
	if err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	reports.WriteProblems(env.Stderr, warnings)
	return path, nil
}
