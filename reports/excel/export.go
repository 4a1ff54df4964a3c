package excel

import (
	"fmt"
	"io"
	"strconv"
	"unicode/utf16"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/internal/atomicfile"
	"github.com/footprint/footprint/internal/xlsxwrite"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
	"github.com/xuri/excelize/v2"
)

// FileName is the name of the annual export of a reporting year (docs/user-guide.md#the-excel-export); without one
// (no row was used, so no year has data) it is footprint.xlsx.
func FileName(year int) string {
	if year <= 0 {
		return "footprint.xlsx"
	}
	return fmt.Sprintf("footprint-%d.xlsx", year)
}

// WriteFile writes the export to path atomically: to a temporary file in the same folder,
// renamed over path only once complete, so an interrupted run never leaves half a workbook in
// place of a good one. It returns the warnings of the export itself (truncated cells), which
// its Problems sheet also lists.
//
// progress, if not nil, hears how many of the lines are written (Start with their number).
func WriteFile(path string, e reports.Report, progress emissions.Progress) ([]emissions.Problem, error) {
	var warnings []emissions.Problem
	err := atomicfile.Write(path, func(w io.Writer) error {
		var err error
		warnings, err = writeExport(w, e, exportOptions{progress: progress})
		return err
	})
	return warnings, err
}

// Write writes the annual export workbook (docs/user-guide.md#the-excel-export) to w: Summary with charts, ESRS E1-6,
// Breakdown, Trajectory, Lines (split every LinesPerSheet lines), Factors and Problems. The
// same Report always gives the same bytes. It returns the export's own warnings (cells
// truncated to Excel's limit), also listed on the Problems sheet. On error, w may hold an
// incomplete workbook: write to a file with WriteFile. A NaN or infinite figure is
// refused with a NonFiniteError naming it.
func Write(w io.Writer, e reports.Report) ([]emissions.Problem, error) {
	return writeExport(w, e, exportOptions{})
}

func writeExport(w io.Writer, e reports.Report, opts exportOptions) ([]emissions.Problem, error) {
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
	e        reports.Report
	f        *excelize.File
	st       exportStyles
	warnings emissions.Problems
	// byYear indexes e.Years.
	byYear map[int]*emissions.YearTotals
	// sheet names, in workbook order
	lineSheets []string
	// lines are what Write writes on the Lines sheets: e.Lines, or none.
	lines emissions.LineSource
	// lineParts are the package parts of the Lines sheets, whose rows are written as the
	// package is saved (writeLineRows); usedFactors are the factors the lines used, tallied
	// by the first pass over the lines (scanLines).
	lineParts   []linesPart
	usedFactors []usedFactor
	// opts are the choices tests make.
	opts exportOptions
}

// exportOptions are how an export is written, beside what it shows.
type exportOptions struct {
	// progress, if set, hears how many of the lines are written.
	progress emissions.Progress
	// The others are choices made by tests only.
	//
	// streamWriterLines, when set, writes the Lines sheets with excelize's StreamWriter: the
	// oracle of the differential test of the fast writer.
	streamWriterLines func(x *exporter) error
	// noDigest makes the first pass over the lines even when their source has a digest.
	noDigest bool
}

// Sheet names of the export.
var (
	sheetSummary    = lang.Key("Summary")
	sheetE16        = "ESRS E1-6"
	sheetBreakdown  = lang.Key("Breakdown")
	sheetTrajectory = lang.Key("Trajectory")
	sheetLines      = lang.Key("Lines")
	sheetFactors    = lang.Key("Factors")
	sheetProblems   = lang.Key("Problems")
)

// LinesPerSheet is how many lines one Lines sheet holds: Excel's 1,048,576 rows less the
// header (docs/user-guide.md#the-excel-export). A variable so tests can split small inventories.
var LinesPerSheet = 1_048_575

func newExporter(e reports.Report) (*exporter, error) {
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
		name := x.sheet(sheetLines)
		if i > 0 {
			name = fmt.Sprintf("%s %d", name, i+1)
		}
		x.lineSheets = append(x.lineSheets, name)
	}
	return x, nil
}

func (x *exporter) build() error {
	f := x.f
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:    x.docTitle(),
		Subject:  x.e.Lang.T("Annual greenhouse-gas emissions: GHG Protocol Scopes 1, 2 (location- and market-based) and 3, ESRS E1-6, trajectory toward the target year, every line with its provenance"),
		Creator:  "footprint",
		Keywords: "GHG inventory; ESRS E1-6; CSRD; BEGES; Scope 1; Scope 2; Scope 3; tCO2e",
		Language: x.e.Lang.Code(),
	}); err != nil {
		return err
	}
	var err error
	if x.st, err = newExportStyles(f); err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", x.sheet(sheetSummary)); err != nil {
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
		if _, err := f.NewSheet(x.sheet(name)); err != nil {
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
			return fmt.Errorf("sheet %s: %w", x.sheet(s.name), err)
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
func (x *exporter) text(s, sheet string, col, row int) string {
	if len(s) <= xlsxwrite.MaxCellChars { // a UTF-8 string never has more UTF-16 units than bytes
		return s
	}
	i := xlsxwrite.CellCut(s)
	if i < 0 {
		return s
	}
	cell, _ := excelize.CoordinatesToCellName(col, row)
	x.warnings.Add(emissions.Problem{Severity: emissions.SeverityWarning, Sheet: sheet, Cell: cell, Cause: "export-truncated",
		Message: x.e.Lang.T("export: the text has %d characters, more than the %d a cell holds; the export keeps the first %d", lang.Plain(utf16Len(s)), lang.Plain(xlsxwrite.MaxCellChars), lang.Plain(utf16Len(s[:i])))})
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
