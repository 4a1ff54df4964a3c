package reports

import (
	"fmt"
	"io"
	"strconv"
	"unicode/utf16"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/analysis"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/internal/atomicfile"
	"github.com/footprint/footprint/internal/xlsxwrite"
	"github.com/xuri/excelize/v2"
)

// Export is what the annual Excel export shows: the inventory of every year, the trajectory,
// every line with its provenance, the factors behind them and the problems found. It holds
// results only; WriteExport formats them.
type Export struct {
	Site          string // the config's site name, for titles
	ReportingYear int
	GWP           string
	Scope2Method  string // "market" or "location": what the trajectory and breakdowns follow
	Years         []emissions.YearTotals
	// Trajectory is nil when there is nothing to project (no lines).
	Trajectory *plan.Trajectory
	// Targets are the plan's targets, in the order of Trajectory.Years[].Targets.
	Targets []plan.Target
	// Lines are every computed line, in order. WriteExport reads them twice: once to check and
	// tally them (the Factors sheet, warnings), once to write the Lines sheets.
	Lines emissions.LineSource
	// Progress, if set, hears how many of the lines are written (Start with their number).
	Progress emissions.Progress
	Library  *factors.Library // the library the lines were computed with, custom factors included
	Rows     emissions.Rows
	// Problems are the problems listed (up to emissions.MaxPerCause per cause, then a line
	// that counts the rest); Errors and Warnings count them all, listed or not.
	Problems         []emissions.Problem
	Errors, Warnings int
	// Analysis holds avoided emissions and intensities, each on a sheet of its own.
	Analysis Analysis
	// Uncertainty and Changes are the analyses of docs/methodology.md#analyses-beside-the-inventory: with Uncertainty, the export has
	// the sheets Uncertainty and Changes (export_analysis.go).
	Uncertainty *analysis.Uncertainty
	Changes     []plan.Change
	// Claim adds the sheets Claim and ESRS E1-7 (export_claim.go).
	Claim Claim
	// Regulatory holds the organisation, entities and E1-6 figures beyond the totals; nil
	// leaves those rows "not reported" and the Entities sheet out.
	Regulatory *Regulatory
	// EnergyTables holds ESRS E1-5, BEGES and the refrigerant registers (export_e15.go,
	// export_beges.go, export_refrigerants.go): each sheet is written when it has figures.
	EnergyTables EnergyTables
}

// ExportFileName is the name of the annual export of a reporting year (docs/user-guide.md#the-excel-export); without one
// (no row was used, so no year has data) it is footprint.xlsx.
func ExportFileName(year int) string {
	if year <= 0 {
		return "footprint.xlsx"
	}
	return fmt.Sprintf("footprint-%d.xlsx", year)
}

// WriteExportFile writes the export to path atomically: to a temporary file in the same folder,
// renamed over path only once complete, so an interrupted run never leaves half a workbook in
// place of a good one. It returns the warnings of the export itself (truncated cells), which
// its Problems sheet also lists.
func WriteExportFile(path string, e Export) ([]emissions.Problem, error) {
	var warnings []emissions.Problem
	err := atomicfile.Write(path, func(w io.Writer) error {
		var err error
		warnings, err = WriteExport(w, e)
		return err
	})
	return warnings, err
}

// WriteExport writes the annual export workbook (docs/user-guide.md#the-excel-export) to w: Summary with charts, ESRS E1-6,
// Breakdown, Trajectory, Lines (split every LinesPerSheet lines), Factors and Problems. The
// same Export always gives the same bytes. It returns the export's own warnings (cells
// truncated to Excel's limit), also listed on the Problems sheet. On error, w may hold an
// incomplete workbook: write to a file with WriteExportFile. A NaN or infinite figure is
// refused with a NonFiniteError naming it.
func WriteExport(w io.Writer, e Export) ([]emissions.Problem, error) {
	return writeExport(w, e, exportOptions{})
}

func writeExport(w io.Writer, e Export, opts exportOptions) ([]emissions.Problem, error) {
	if err := checkExportFinite(e); err != nil {
		return nil, err
	}
	x, err := newExporter(e)
	if err != nil {
		return nil, err
	}
	x.opts = opts
	defer x.f.Close()
	if err := x.build(); err != nil {
		return nil, err
	}
	if err := xlsxwrite.SaveDeterministic(x.f, w, x.deferredLines()); err != nil {
		return nil, err
	}
	return x.warnings.List(), nil
}

// exporter builds one export workbook.
type exporter struct {
	e        Export
	f        *excelize.File
	st       exportStyles
	warnings emissions.Problems
	// byYear indexes e.Years.
	byYear map[int]*emissions.YearTotals
	// sheet names, in workbook order
	lineSheets []string
	// lines are what WriteExport writes on the Lines sheets: e.Lines, or none.
	lines emissions.LineSource
	// lineParts are the package parts of the Lines sheets, whose rows are written as the
	// package is saved (writeLineRows); usedFactors are the factors the lines used, tallied
	// by the first pass over the lines (scanLines).
	lineParts   []linesPart
	usedFactors []usedFactor
	// opts are the choices tests make.
	opts exportOptions
}

// exportOptions are choices made by tests only.
type exportOptions struct {
	// streamWriterLines, when set, writes the Lines sheets with excelize's StreamWriter: the
	// oracle of the differential test of the fast writer.
	streamWriterLines func(x *exporter) error
	// noDigest makes the first pass over the lines even when their source has a digest.
	noDigest bool
}

// Sheet names of the export.
const (
	sheetSummary    = "Summary"
	sheetE16        = "ESRS E1-6"
	sheetBreakdown  = "Breakdown"
	sheetTrajectory = "Trajectory"
	sheetLines      = "Lines"
	sheetFactors    = "Factors"
	sheetProblems   = "Problems"
)

// LinesPerSheet is how many lines one Lines sheet holds: Excel's 1,048,576 rows less the
// header (docs/user-guide.md#the-excel-export). A variable so tests can split small inventories.
var LinesPerSheet = 1_048_575

func newExporter(e Export) (*exporter, error) {
	if e.Scope2Method == "" {
		e.Scope2Method = emissions.MethodMarket
	}
	x := &exporter{e: e, f: excelize.NewFile(), byYear: map[int]*emissions.YearTotals{}, lines: e.Lines}
	if x.lines == nil {
		x.lines = emissions.LineSlice(nil)
	}
	for i := range e.Years {
		x.byYear[e.Years[i].Year] = &e.Years[i]
	}
	n := (x.lines.Len() + LinesPerSheet - 1) / LinesPerSheet
	for i := 0; i < max(n, 1); i++ {
		name := sheetLines
		if i > 0 {
			name = fmt.Sprintf("%s %d", sheetLines, i+1)
		}
		x.lineSheets = append(x.lineSheets, name)
	}
	return x, nil
}

func (x *exporter) build() error {
	f := x.f
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:    "GHG inventory" + yearLabel("", x.e.ReportingYear) + " — " + x.e.Site,
		Subject:  "Annual greenhouse-gas emissions: GHG Protocol Scopes 1, 2 (location- and market-based) and 3, ESRS E1-6, trajectory toward the target year, every line with its provenance",
		Creator:  "footprint",
		Keywords: "GHG inventory; ESRS E1-6; CSRD; BEGES; Scope 1; Scope 2; Scope 3; tCO2e",
		Language: "en",
	}); err != nil {
		return err
	}
	var err error
	if x.st, err = newExportStyles(f); err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", sheetSummary); err != nil {
		return err
	}
	order := []string{sheetE16}
	if x.e.Regulatory != nil {
		order = append(order, sheetEntities)
	}
	order = append(order, x.energySheets()...)
	order = append(append(order, sheetBreakdown, sheetTrajectory), x.claimSheets()...)
	order = append(order, x.analysisSheets()...)
	order = append(order, x.lineSheets...)
	order = append(order, sheetFactors, sheetIntensity, sheetAvoided)
	if x.e.Analysis.Restatement != nil {
		order = append(order, sheetRestatement)
	}
	order = append(order, sheetProblems)
	for _, name := range order {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	// Before any sheet is streamed: SetActiveSheet reads every worksheet, and would parse back
	// the XML of a streamed sheet still held in memory.
	f.SetActiveSheet(0)
	steps := []exportStep{
		{sheetE16, x.writeE16},
	}
	if x.e.Regulatory != nil {
		steps = append(steps, exportStep{sheetEntities, x.writeEntities})
	}
	steps = append(steps, x.energySteps()...)
	steps = append(steps, []exportStep{
		{sheetBreakdown, x.writeBreakdown},
		{sheetTrajectory, x.writeTrajectory},
	}...)
	steps = append(steps, x.claimSteps()...)
	steps = append(steps, x.analysisSteps()...)
	steps = append(steps, []exportStep{
		{sheetIntensity, x.writeIntensity},
		{sheetAvoided, x.writeAvoided},
		{sheetRestatement, x.writeRestatement},
		{sheetLines, x.writeLines},
		{sheetFactors, x.writeFactors},
		{sheetSummary, x.writeSummary},
		{sheetProblems, x.writeProblems}, // last: it lists the warnings of the others
	}...)
	for _, s := range steps {
		if err := s.write(); err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	return nil
}

// exportStep writes one sheet.
type exportStep struct {
	name  string
	write func() error
}

// yearLabel is prefix followed by the year, or prefix alone without a year (no data at all).
func yearLabel(prefix string, y int) string {
	if y <= 0 {
		return prefix
	}
	if prefix == "" {
		return " " + strconv.Itoa(y)
	}
	return prefix + " " + strconv.Itoa(y)
}

// text returns s as a cell may hold it: truncated to Excel's limit, with a warning naming the
// cell. Strings are always written as text cells, never formulas, so a user's "=…" stays text.
func (x *exporter) text(s, sheet string, col, row int, what string) string {
	if len(s) <= xlsxwrite.MaxCellChars { // a UTF-8 string never has more UTF-16 units than bytes
		return s
	}
	i := xlsxwrite.CellCut(s)
	if i < 0 {
		return s
	}
	cell, _ := excelize.CoordinatesToCellName(col, row)
	x.warnings.Add(emissions.Problem{Severity: emissions.SeverityWarning, Sheet: sheet, Cell: cell, Cause: "export-truncated",
		Message: fmt.Sprintf("export: %s has %d characters, more than the %d a cell holds; the export keeps the first %d", what, utf16Len(s), xlsxwrite.MaxCellChars, utf16Len(s[:i]))})
	return s[:i]
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if k := utf16.RuneLen(r); k > 0 {
			n += k
		} else {
			n++
		}
	}
	return n
}
