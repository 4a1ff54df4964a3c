package excel

import (
	"bytes"
	"fmt"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/internal/xlsxwrite"
	"github.com/footprint/footprint/reports"
)

// linesColumns are the columns of the Lines sheets: every line with the input row it comes
// from, the factor vintage that produced it and the rule (part, scope, method).
func (x *exporter) linesColumns() []column {
	l := x.e.Lang
	st := x.st
	return []column{
		{header: l.T("File"), width: 24}, {header: l.T("Sheet"), width: 14}, {header: l.T("Row"), width: 8, style: st.integer},
		{header: l.T("Year"), width: 7, style: st.integer}, {header: l.T("Site"), width: 14}, {header: l.T("Pole"), width: 14},
		{header: l.T("Activity"), width: 30}, {header: l.T("Quantity"), width: 14, style: st.number}, {header: l.T("Unit"), width: 10},
		{header: l.T("Quantity in factor unit"), width: 14, style: st.number}, {header: l.T("Factor unit"), width: 10},
		{header: l.T("Factor id"), width: 30}, {header: l.T("Factor vintage (applies from; blank: all years)"), width: 12, style: st.integer},
		{header: l.T("Factor value (kgCO2e per factor unit)"), width: 14, style: st.number}, {header: l.T("Source"), width: 50},
		{header: l.T("Scope"), width: 7, style: st.integer}, {header: l.T("Category"), width: 9, style: st.integer},
		{header: l.T("Method"), width: 10}, {header: l.T("Part"), width: 10},
		{header: l.T("tCO2e"), width: 12, style: st.lineTonnes}, {header: l.T("Biogenic CO2 (t, outside the scopes)"), width: 12, style: st.number},
		{header: l.T("Comment"), width: 30},
		{header: l.T("Entity"), width: 24}, {header: l.T("Consolidation share"), width: 10, style: st.percent},
		{header: l.T("Gross tCO2e (before the share)"), width: 12, style: st.lineTonnes}, {header: l.T("Data type"), width: 11},
	}
}

// writeLines writes the Lines sheets, LinesPerSheet lines each. The lines are read twice: here,
// to refuse a NaN or infinite figure, tally the factors used and warn of texts too long for a
// cell (scanLines); and as the package is saved, to write the rows (writeLineRows). A source
// with a digest of its lines spares the first pass when the digest tells enough (digested).
// Here, excelize's StreamWriter writes each sheet without its rows: the columns, the frozen
// header row, the autofilter over the rows to come and the header itself.
func (x *exporter) writeLines() error {
	oracle := x.opts.streamWriterLines
	if oracle != nil || !x.digested() {
		if err := x.scanLines(oracle == nil); err != nil {
			return err
		}
	}
	if oracle != nil {
		return oracle(x) // which warns of long texts itself
	}
	cols := x.linesColumns()
	ids := map[string]int{}
	for id, name := range x.f.GetSheetMap() {
		ids[name] = id
	}
	n := x.lines.Len()
	for i, sheet := range x.lineSheets {
		from := i * LinesPerSheet
		to := min(from+LinesPerSheet, n)
		t := table{sheet: sheet, noTitle: true, exact: true, cols: cols, rows: to - from}
		sw, _, err := x.streamHead(t)
		if err == nil {
			err = sw.Flush()
		}
		if err != nil {
			return fmt.Errorf("%s: %w", sheet, err)
		}
		// excelize names a new sheet's part after its sheet id; writeLineRows fails if no part
		// of that name comes.
		x.lineParts = append(x.lineParts, linesPart{sheet: sheet, name: fmt.Sprintf("xl/worksheets/sheet%d.xml", ids[sheet]), from: from, to: to})
	}
	return nil
}

// lineWords are the codes the Lines sheets write in the method, part and data type columns
// (location, upstream, primary…) as the report's language writes them: nil in English, where
// they stay the codes calc --lines prints; in French the words the template's dropdowns offer
// (localisation, marché, primaire…) and the parts' French names. A code it does not hold is
// written as it is. The source column goes through reports.SourceIn.
type lineWords map[string]string

// of is code in the report's language.
func (w lineWords) of(code string) string {
	if t, ok := w[code]; ok {
		return t
	}
	return code
}

func (x *exporter) lineWords() lineWords {
	l := x.e.Lang
	if !l.IsFrench() {
		return nil
	}
	return lineWords{
		emissions.MethodLocation: l.T("location"), emissions.MethodMarket: l.T("market"),
		string(emissions.PartDirect): l.T("direct"), string(emissions.PartUpstream): l.T("upstream"),
		string(emissions.PartReported): l.T("reported"), string(emissions.PartAvoided): l.T("avoided"),
		string(emissions.PartOutside): l.T("outside"),
		emissions.DataPrimary:         l.T("primary"), emissions.DataSecondary: l.T("secondary"), emissions.DataSpendBased: l.T("spend-based"),
	}
}

// linesPart is the package part of one Lines sheet and the lines it holds, [from, to).
type linesPart struct {
	sheet, name string
	from, to    int
}

// lineStrings are the text columns of a Lines sheet, by column index: the ones a cell may be
// too short for.
func lineStrings(l *emissions.Line) [lineColumns]string {
	var s [lineColumns]string
	s[0], s[1], s[4], s[5], s[6], s[8] = l.Place.File, l.Place.Sheet, l.Site, l.Pole, l.Activity, l.Unit
	s[10], s[11], s[14], s[17], s[18], s[21] = l.FactorUnit, l.FactorID, l.Source, l.Method, string(l.Part), l.Comment
	s[22], s[25] = l.Entity, l.DataType
	return s
}

// digested tallies the factors used from the lines' digest instead of a pass over them, when
// the digest has them all finite (a group's sums are finite only if its lines' are) and no
// text too long for a cell; it reports whether it could.
func (x *exporter) digested() bool {
	d, ok := x.lines.(emissions.Digester)
	if !ok || x.opts.noDigest {
		return false
	}
	dg := d.Digest()
	if dg.Groups == nil || dg.MaxText > xlsxwrite.MaxCellChars {
		return false
	}
	tally := newFactorTally(x.e.Library)
	n := 0
	for i := range dg.Groups {
		g := &dg.Groups[i]
		if checkLineFinite(g) != nil {
			return false
		}
		if g.Part == emissions.PartOutside || g.Rows == 0 {
			continue
		}
		tally.addN(g, g.Rows)
		n += g.Rows
	}
	for i := range dg.Outside {
		if checkLineFinite(&dg.Outside[i]) != nil {
			return false
		}
		tally.addN(&dg.Outside[i], 1)
	}
	if n+len(dg.Outside) != x.lines.Len() {
		return false // the digest does not stand for these lines
	}
	x.usedFactors = tally.list()
	return true
}

// scanLines is the first pass over the lines; warn says whether to warn of long texts.
func (x *exporter) scanLines(warn bool) error {
	tally := newFactorTally(x.e.Library)
	n := x.lines.Len()
	i := 0
	err := x.lines.Each(func(l *emissions.Line) error {
		if i >= n {
			return fmt.Errorf("more lines than the %d announced", n)
		}
		if err := checkLineFinite(l); err != nil {
			return err
		}
		tally.add(l)
		if warn && hasLongText(l) {
			sheet := x.lineSheets[i/LinesPerSheet]
			for c, s := range lineStrings(l) {
				x.fit(s, sheet, c+1, i%LinesPerSheet+2)
			}
		}
		i++
		return nil
	})
	if err != nil {
		return err
	}
	if i != n {
		return fmt.Errorf("%d lines, %d announced", i, n)
	}
	x.usedFactors = tally.list()
	return nil
}

// hasLongText reports whether a text of l may be too long for a cell.
func hasLongText(l *emissions.Line) bool {
	return len(l.Place.File) > xlsxwrite.MaxCellChars || len(l.Place.Sheet) > xlsxwrite.MaxCellChars || len(l.Site) > xlsxwrite.MaxCellChars ||
		len(l.Pole) > xlsxwrite.MaxCellChars || len(l.Activity) > xlsxwrite.MaxCellChars || len(l.Unit) > xlsxwrite.MaxCellChars ||
		len(l.FactorUnit) > xlsxwrite.MaxCellChars || len(l.FactorID) > xlsxwrite.MaxCellChars || len(l.Source) > xlsxwrite.MaxCellChars ||
		len(l.Method) > xlsxwrite.MaxCellChars || len(l.Part) > xlsxwrite.MaxCellChars || len(l.Comment) > xlsxwrite.MaxCellChars ||
		len(l.Entity) > xlsxwrite.MaxCellChars || len(l.DataType) > xlsxwrite.MaxCellChars
}

// deferredLines is what the package writer holds for the Lines sheets: their parts as excelize
// writes them, completed with their rows once excelize is done. Nil when the StreamWriter
// wrote the rows.
func (x *exporter) deferredLines() *xlsxwrite.DeferredParts {
	if len(x.lineParts) == 0 {
		return nil
	}
	d := &xlsxwrite.DeferredParts{Write: x.writeLineRows}
	for _, p := range x.lineParts {
		d.Names = append(d.Names, p.name)
	}
	return d
}

// writeLineRows is the second pass over the lines: it writes each Lines sheet's part, its rows
// put into the part excelize wrote (before </sheetData>), deflated on every core. The lines
// are read here, in batches of linesPerChunk; each batch's rows are written and deflated on a
// worker, so the XML is generated on every core too.
func (x *exporter) writeLineRows(pw *xlsxwrite.PackageWriter, held map[string][]byte) error {
	cols := x.linesColumns()
	words := x.lineWords()
	n := x.lines.Len()
	var (
		pd    *xlsxwrite.ParallelDeflate
		tail  []byte
		k     int // the part being written
		i     int // the line
		batch = make([]emissions.Line, 0, min(n, linesPerChunk))
		row   int // the sheet row of batch[0]
		text  int // bytes of text in batch
		spare [][]emissions.Line
	)
	start := func() error {
		p := x.lineParts[k]
		content, ok := held[p.name]
		cut := bytes.LastIndex(content, []byte("</sheetData>"))
		if !ok || cut < 0 {
			return fmt.Errorf("sheet %s: excelize did not write it as %s", p.sheet, p.name)
		}
		var err error
		if pd, err = pw.CreateDeflated(p.name); err != nil {
			return err
		}
		pd.Append(content[:cut])
		tail = content[cut:]
		return nil
	}
	// flush hands the batch to a worker, which writes its rows after the chunk so far.
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		b, r := batch, row
		text = 0
		err := pd.WriteFunc(func(dst []byte) []byte {
			rows := newLineRows(cols, words, x.e.Lang)
			for j := range b {
				dst = rows.appendRow(dst, r+j, &b[j])
			}
			return dst
		}, func() { spare = append(spare, b[:0]) })
		if n := len(spare); n > 0 {
			batch, spare = spare[n-1], spare[:n-1]
		} else {
			batch = make([]emissions.Line, 0, linesPerChunk)
		}
		return err
	}
	end := func() error {
		if err := flush(); err != nil {
			// not closed: stop the workers here, for the last sheet's end has no abort after it
			pd.Abort()
			pd = nil
			return err
		}
		pd.Append(tail)
		err := pw.CloseDeflated(pd)
		pd = nil
		return err
	}
	if err := start(); err != nil {
		return err
	}
	if pr := x.opts.progress; pr != nil {
		pr.Start(FileName(x.e.ReportingYear), int64(n))
		defer pr.Done()
	}
	err := x.lines.Each(func(l *emissions.Line) error {
		if i%4096 == 0 && i > 0 && x.opts.progress != nil {
			x.opts.progress.Add(4096)
		}
		for i >= x.lineParts[k].to {
			if k+1 == len(x.lineParts) {
				return fmt.Errorf("sheet %s: more lines than the %d announced", x.lineParts[k].sheet, n)
			}
			if err := end(); err != nil {
				return err
			}
			k++
			if err := start(); err != nil {
				return err
			}
		}
		if err := checkLineFinite(l); err != nil {
			return err
		}
		if len(batch) == 0 {
			row = i - x.lineParts[k].from + 2
		}
		batch = append(batch, *l)
		text += lineTextLen(l)
		i++
		if len(batch) == linesPerChunk || text >= linesChunkText {
			return flush()
		}
		return nil
	})
	if err == nil && (i != n || k+1 != len(x.lineParts)) {
		err = fmt.Errorf("%d lines, %d announced", i, n)
	}
	if err != nil {
		if pd != nil {
			pd.Abort()
		}
		return fmt.Errorf("sheet %s: %w", x.lineParts[k].sheet, err)
	}
	if err := end(); err != nil {
		return fmt.Errorf("sheet %s: %w", x.lineParts[k].sheet, err)
	}
	return nil
}

// linesPerChunk is how many lines' rows are written and deflated as one chunk: about 4 MiB of
// XML (xlsxwrite.DeflateChunkSize).
const linesPerChunk = 4096

// linesChunkText cuts a batch sooner when its lines' texts reach it: a line's texts may be
// long (a cell holds 32,767 characters, escaping makes them longer still), and a chunk of
// 4096 such rows would be gigabytes, held workers + 2 times. Lines of ordinary texts never
// reach it, and where batches are cut depends only on the lines, so the bytes stay the same
// whatever the timing.
const linesChunkText = xlsxwrite.DeflateChunkSize

// lineTextLen is the bytes of l's texts.
func lineTextLen(l *emissions.Line) int {
	return len(l.Place.File) + len(l.Place.Sheet) + len(l.Site) + len(l.Pole) + len(l.Activity) + len(l.Unit) +
		len(l.FactorUnit) + len(l.FactorID) + len(l.Source) + len(l.Method) + len(l.Part) + len(l.Comment) +
		len(l.Entity) + len(l.DataType)
}

func (x *exporter) writeProblems() error {
	l := x.e.Lang
	ps := append(append([]emissions.Problem(nil), x.e.Problems...), x.warnings.List()...)
	cols := []column{
		{header: l.T("Severity"), width: 13}, {header: l.T("File"), width: 24}, {header: l.T("Sheet"), width: 14},
		{header: l.T("Cell"), width: 8}, {header: l.T("Cause"), width: 18}, {header: l.T("Message"), width: 120},
	}
	t := table{sheet: sheetProblems, cols: cols, rows: len(ps),
		title: l.T("Problems found in the inputs and the configuration"),
		note: l.T("Rows read %s = used %s + rejected %s. An error rejects a row (or a file, a sheet); a warning is a choice the calculation made. Up to %s problems per cause are listed, the rest counted.",
			x.count(x.e.Rows.Read), x.count(x.e.Rows.Used), x.count(x.e.Rows.Rejected), x.count(emissions.MaxPerCause))}
	return x.stream(t, func(add func(...any) error) error {
		for _, p := range ps {
			if err := add(reports.SeverityIn(l, p.Severity), blankIfEmpty(p.File), blankIfEmpty(p.Sheet), blankIfEmpty(p.Cell), blankIfEmpty(p.Cause), p.Message); err != nil {
				return err
			}
		}
		return nil
	})
}
