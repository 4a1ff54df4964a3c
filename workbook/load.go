package workbook

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/lang"
	"github.com/xuri/excelize/v2"
)

// Limits on what a workbook may unpack to: generous enough for a million-row sheet (about
// 400 MB of sheet XML), small enough that a zip bomb is refused before it fills memory.
const (
	unzipSizeLimit    = 1 << 30
	unzipXMLSizeLimit = 16 << 20 // sheets larger than this stream from a temporary file
)

// Options say how to read activity workbooks.
type Options struct {
	Aliases     Aliases
	DefaultSite string
	// Lang is the language of the problems' messages (the config's language).
	Lang lang.Lang
	// excelizeRows reads sheets with excelize's Rows instead of the fast reader: the
	// differential tests' oracle.
	excelizeRows bool
	// Progress, if set, hears how far the reading of the sheets is.
	Progress emissions.Progress
	// quickOnly reads with the quick reader or not at all (for the tests).
	quickOnly bool
	// stats, if set, counts which way each workbook was read (for the tests).
	stats *readStats
	// checkedOnly reads every workbook the checked way (package scanned, then read): the
	// fast path's oracle.
	checkedOnly bool
}

// readStats count the workbooks the fast path read, and of those the quick reader.
type readStats struct{ fast, quick int }

// Read reads one workbook into in: every activity sheet (found by its header row) and
// the Instruments sheet. name is how messages name the file.
func Read(in *emissions.Input, name string, r io.Reader, opts Options) {
	ra, size, err := readerAt(r)
	if err != nil {
		in.Problems.Fatalf("file", name, "", "", "%s", opts.Lang.T("cannot read the workbook: %v", err))
		return
	}
	if size > unzipSizeLimit {
		in.Problems.Fatalf("file", name, "", "", "%s", opts.Lang.T("cannot read the workbook: it is larger than %d MiB, the most footprint reads", lang.Plain(unzipSizeLimit>>20)))
		return
	}
	if !opts.excelizeRows && !opts.checkedOnly && readFast(in, name, ra, size, opts) {
		return
	}
	wb := begin(in)
	defer wb.commit()
	info, err := inspectPackage(ra, size, false)
	if err != nil {
		wb.refused(opts.Lang, name, err)
		return
	}
	if opts.Progress != nil {
		opts.Progress.Start(name, sheetBytes(info))
		defer opts.Progress.Done()
	}
	var pkg io.Reader = io.NewSectionReader(ra, 0, size)
	if info.renamed != nil { // two sheets with one name: excelize finds sheets by name
		b, err := withWorkbook(info.zr, info.renamed)
		if err != nil {
			wb.refused(opts.Lang, name, err)
			return
		}
		pkg = bytes.NewReader(b)
	}
	f, err := excelize.OpenReader(pkg, excelize.Options{UnzipSizeLimit: unzipSizeLimit, UnzipXMLSizeLimit: unzipXMLSizeLimit})
	if err != nil {
		wb.problems.Fatalf("file", name, "", "", "%s", opts.Lang.T("cannot read the workbook: %v", describeOpenError(opts.Lang, err)))
		return
	}
	defer f.Close()
	wb.readSheets(name, f, &sheetRows{f: f, zr: info.zr, slow: opts.excelizeRows, progress: opts.Progress}, info, opts)
}

// sheetBytes is how many bytes of XML the worksheets of a package hold.
func sheetBytes(info *packageInfo) int64 {
	var n uint64
	for _, f := range info.zr.File {
		if isWorksheet(strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))) {
			n += f.UncompressedSize64
		}
	}
	return int64(min(n, 1<<62))
}

// readerAt gives random access to a workbook: a file (or anything with ReadAt and a size) as
// it is, without reading it into memory; anything else read whole, up to the size limit.
func readerAt(r io.Reader) (io.ReaderAt, int64, error) {
	type stater interface {
		io.ReaderAt
		Stat() (fs.FileInfo, error)
	}
	type sizer interface {
		io.ReaderAt
		Size() int64
	}
	switch x := r.(type) {
	case sizer:
		return x, x.Size(), nil
	case stater:
		if fi, err := x.Stat(); err == nil && fi.Mode().IsRegular() {
			return x, fi.Size(), nil
		}
	}
	data, err := io.ReadAll(io.LimitReader(r, unzipSizeLimit+1))
	return bytes.NewReader(data), int64(len(data)), err
}

// readFast reads a workbook in one pass over its sheets: first with the quick reader
// (quickrows.go), then, if it gave up, with the fast reader (pipe.go). It reports false, and
// leaves in as it was, when the workbook must be read the checked way.
func readFast(in *emissions.Input, name string, ra io.ReaderAt, size int64, opts Options) bool {
	info, err := inspectPackage(ra, size, true)
	if err != nil || info.renamed != nil {
		return false // two sheets with one name are read the checked way
	}
	stub, err := stubSheets(info.zr)
	if err != nil {
		return false
	}
	f, err := excelize.OpenReader(bytes.NewReader(stub), excelize.Options{UnzipSizeLimit: unzipSizeLimit, UnzipXMLSizeLimit: unzipXMLSizeLimit})
	if err != nil {
		return false
	}
	defer f.Close()
	for try, quick := range []bool{true, false} {
		if opts.quickOnly && !quick {
			return false
		}
		if try > 0 {
			info.freshScans()
		}
		wb := begin(in)
		sheets := &sheetRows{f: f, zr: info.zr, styles: info.styles, fast: true, quick: quick, progress: opts.Progress}
		if opts.Progress != nil {
			opts.Progress.Start(name, sheetBytes(info))
		}
		wb.readSheets(name, f, sheets, info, opts)
		if opts.Progress != nil {
			opts.Progress.Done()
		}
		if sheets.fallback || wb.problems.Fatal() > 0 {
			wb.rollback()
			if sheets.quickFailed {
				continue
			}
			return false
		}
		wb.commit()
		if opts.stats != nil {
			opts.stats.fast++
			if quick {
				opts.stats.quick++
			}
		}
		return true
	}
	return false
}

// workbookRead is what one workbook adds to the input, until commit: a workbook read the fast
// way can be dropped and read again.
type workbookRead struct {
	in        *emissions.Input
	problems  *emissions.Problems
	rowsRead  int
	rejected  int
	instrRows emissions.InstrumentRows
	years     [emissions.MaxYear - emissions.MinYear + 1]int // rows read per year whose Year cell reads, from MinYear
	// yearsRejected: of those, the rows rejected, per year
	yearsRejected [emissions.MaxYear - emissions.MinYear + 1]int
	activities    int // len(in.Activities) before
	instrument    int // len(in.Instruments) before
	sheets        []emissions.ActivitySheet
	refrig        int // len(in.Refrigerants) before
}

func begin(in *emissions.Input) *workbookRead {
	wb := &workbookRead{in: in, problems: &emissions.Problems{KeepRejected: in.Problems.KeepRejected}, activities: len(in.Activities), instrument: len(in.Instruments),
		refrig: len(in.Refrigerants)}
	if in.Sink != nil {
		in.Sink.Begin(wb.problems)
	}
	return wb
}

func (wb *workbookRead) commit() {
	in := wb.in
	in.RowsRead += wb.rowsRead
	in.Rejected += wb.rejected
	in.InstrumentRows.Read += wb.instrRows.Read
	in.InstrumentRows.Rejected += wb.instrRows.Rejected
	for i, n := range wb.years {
		if n > 0 {
			in.AddYearRows(emissions.MinYear+i, n, wb.yearsRejected[i])
		}
	}
	in.Sheets = append(in.Sheets, wb.sheets...)
	if in.Sink != nil {
		if err := in.Sink.Commit(); err != nil {
			wb.problems.Fatalf("file", "", "", "", "%v", err)
		}
	}
	in.Problems.Merge(wb.problems)
}

func (wb *workbookRead) rollback() {
	in := wb.in
	in.Activities = in.Activities[:wb.activities]
	in.Instruments = in.Instruments[:wb.instrument]
	in.Refrigerants = in.Refrigerants[:wb.refrig]
	if in.Sink != nil {
		if err := in.Sink.Rollback(); err != nil {
			in.Problems.Fatalf("file", "", "", "", "%v", err)
		}
	}
}

// refused reports a workbook the package check refused, in the language l.
func (wb *workbookRead) refused(l lang.Lang, name string, err error) {
	cause, reason := "file", err.Error()
	var u *unreadable
	if errors.As(err, &u) {
		cause = u.cause // "encrypted", "zip-bomb", "damaged", …
		if u == err {
			reason = u.In(l)
		}
	}
	wb.problems.Fatalf(cause, name, "", "", "%s", l.T("cannot read the workbook: %v", reason))
}

// readSheets reads every sheet of an open workbook.
func (wb *workbookRead) readSheets(name string, f *excelize.File, sheets *sheetRows, info *packageInfo, opts Options) {
	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	actIdx := newHeaderIndex(ActivityColumns, opts.Aliases)
	instIdx := newHeaderIndex(instrumentColumns, opts.Aliases)
	found, anyData := false, false
	var counted []string // the sheets whose rows were read
	template := templateSheetNames(f)
	for _, sheet := range f.GetSheetList() {
		if template[sheet] {
			continue // footprint's own Help, Examples and Lists: their examples must not count
		}
		sr := sheetReader{in: wb.in, wb: wb, f: f, sheets: sheets, file: name, sheet: sheet, date1904: date1904, opts: opts,
			scan: info.sheets[sheet], problems: wb.problems}
		var ok bool
		if strings.EqualFold(strings.TrimSpace(sheet), "Instruments") {
			ok = sr.read(instIdx, requiredInstrument, true)
		} else {
			ok = sr.read(actIdx, requiredActivity, false)
		}
		if sheets.fast && sr.scan != nil && sr.complete > 0 && sr.scan.lastRow > sr.complete {
			sheets.fallback = true // the checked path says where the sheet is damaged
		}
		if sheets.fallback {
			return
		}
		if ok {
			sr.warnHidden()
		}
		if ok && sr.headerRow > 0 && !strings.EqualFold(strings.TrimSpace(sheet), "Instruments") {
			wb.sheets = append(wb.sheets, emissions.ActivitySheet{File: name, Sheet: sheet, HeaderRow: sr.headerRow})
		}
		found = found || ok
		anyData = anyData || sr.nonBlank
		if ok && sr.rows > 0 {
			counted = append(counted, sheet)
		}
	}
	ps, l := wb.problems, opts.Lang
	for _, c := range sheetCopies(counted) {
		ps.Warnf("sheet-copy", name, c[0], "", "%s", l.T("sheet %q looks like a copy of %q: both are counted; delete the copy if it repeats the other's rows, or rename it if they are other activities", c[0], c[1]))
	}
	switch {
	case found:
	case !anyData:
		ps.Fatalf("no-activity-sheet", name, "", "", "%s", l.T("no activity sheet: the workbook is empty (no sheet holds any value); footprint needs a sheet with a header row holding the columns %s", joinColumns(l, requiredActivity)))
	default:
		ps.Fatalf("no-activity-sheet", name, "", "", "%s", l.T("no activity sheet: no sheet has a header row with the columns %s among its first %d non-empty rows", joinColumns(l, requiredActivity), lang.Plain(headerScan)))
	}
}

// copyName is how Excel names the copy of a sheet: its name and a number in brackets.
var copyName = regexp.MustCompile(`^(.+) \(([2-9]|[1-9][0-9]+)\)$`)

// sheetCopies pairs each sheet named as Excel names a copy of another ("Materials (2)") with
// that other, when both are among sheets: {copy, original}.
func sheetCopies(sheets []string) [][2]string {
	var out [][2]string
	for _, s := range sheets {
		m := copyName.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		for _, o := range sheets {
			if strings.EqualFold(o, m[1]) {
				out = append(out, [2]string{s, o})
				break
			}
		}
	}
	return out
}

func describeOpenError(l lang.Lang, err error) string {
	switch {
	case errors.Is(err, excelize.ErrOptionsUnzipSizeLimit), strings.Contains(err.Error(), "unzip size"):
		return l.T("it unpacks to more than %d MiB (a damaged or hostile file?)", lang.Plain(unzipSizeLimit>>20))
	case errors.Is(err, excelize.ErrWorkbookFileFormat), strings.Contains(err.Error(), "zip: not a valid zip file"):
		return l.T("it is not an .xlsx workbook (a CSV, an old .xls or a damaged file?)")
	}
	return l.T("it is damaged: %v", err)
}

// sheetReader reads one sheet.
type sheetReader struct {
	in          *emissions.Input
	wb          *workbookRead
	f           *excelize.File
	sheets      *sheetRows
	problems    *emissions.Problems // the workbook's, until commit
	file, sheet string
	date1904    bool
	opts        Options
	pos         map[Column]int
	dateStyles  map[int]bool
	scan        *sheetScan // what the package check saw in this sheet (nil if nothing)
	headerRow   int
	rows        int // data rows read
	nonBlank    bool
	search      headerSearch // until the header is found
	hiddenRows  int
	firstHidden int
	complete    int          // the rows read when the whole sheet was read, else 0
	mass        bool         // a refrigerant sheet (mass balance), see refrigerants.go
	cols        [atCount]int // 1 + the index of each column of atColumns, 0 when absent
	// prev and prevRow are the last activity row read, for repeats
	prev    []string
	prevRow int
}

// unreadableRow reports the row the reader stopped at, n rows in. A reference beyond Excel's
// limits is named as written: the cell the reader counted is another.
func (sr *sheetReader) unreadableRow(n int, err error) {
	ref := ""
	var bl *beyondLimits
	switch {
	case errors.As(err, &bl):
		ref = bl.ref
	case !sr.sheets.fast && sr.scan != nil: // the scan is over: the checked path reads after it
		ref = sr.scan.beyond
	}
	l := sr.lang()
	if ref != "" {
		msg := l.T("cannot read the sheet from row %v on: the cell reference %s in the sheet's XML is beyond Excel's limits (columns A to XFD, rows 1 to 1048576), so it names no cell of the sheet; open the file in Excel or LibreOffice and save it again, or fix the program that wrote it", lang.Plain(n), ref)
		cell := ref
		if strings.Trim(ref, "0123456789") == "" {
			cell = "" // no cell to name
			msg = l.T("cannot read the sheet from row %v on: the row number %s in the sheet's XML is beyond Excel's limits (columns A to XFD, rows 1 to 1048576), so it names no cell of the sheet; open the file in Excel or LibreOffice and save it again, or fix the program that wrote it", lang.Plain(n), ref)
		}
		sr.problems.Fatalf("sheet", sr.file, sr.sheet, cell, "%s", msg)
		return
	}
	sr.problems.Fatalf("sheet", sr.file, sr.sheet, emissions.CellName(0, n), "%s", l.T("cannot read row %v: %v", lang.Plain(n), err))
}

// read streams the sheet. It returns whether the sheet is one of the kind asked for (its
// header names enough canonical columns).
func (sr *sheetReader) read(idx headerIndex, required []Column, instruments bool) bool {
	part := ""
	if sr.scan != nil {
		part = sr.scan.part
	}
	var rows rowSource
	var err error
	if sr.sheets.fast {
		rows = sr.sheets.openFast(part, sr.scan)
	} else {
		rows, err = sr.sheets.open(sr.sheet, part)
	}
	if err != nil {
		sr.problems.Fatalf("sheet", sr.file, sr.sheet, "", "%s", sr.lang().T("cannot read the sheet: %v", err))
		return instruments
	}
	defer rows.Close()
	n, stopped := 0, false
rowsLoop:
	for rows.Next() {
		n++
		cells, err := rows.Columns()
		if err != nil {
			sr.unreadableRow(n, err)
			return true
		}
		if blankRow(cells) && (sr.pos == nil || !sr.uncomputedIn(n)) {
			continue
		}
		sr.nonBlank = true
		if sr.pos == nil {
			switch sr.findHeader(idx, required, cells, n, instruments) {
			case headerNext:
				continue
			case headerStop:
				stopped = true
				break rowsLoop
			case headerBad:
				return true
			}
			if sr.scan != nil && sr.scan.overflow {
				sr.problems.Fatalf("formula", sr.file, sr.sheet, "", "%s", sr.lang().T("more than %d formula cells have no computed value; save the workbook in Excel or LibreOffice so it stores the results", lang.Plain(maxUncomputed)))
				return true
			}
			if sr.scan != nil && sr.scan.boolOverflow {
				sr.problems.Fatalf("boolean", sr.file, sr.sheet, "", "%s", sr.lang().T("more than %d cells hold a true/false value, too many to tell from numbers; footprint reads numbers, not TRUE or FALSE", lang.Plain(maxUncomputed)))
				return true
			}
			continue
		}
		if rows.Hidden() {
			if sr.hiddenRows++; sr.hiddenRows == 1 {
				sr.firstHidden = n
			}
		}
		cells = sr.unmerge(cells, n)
		sr.rows++
		if instruments {
			sr.instrument(cells, n)
		} else if sr.mass {
			sr.refrigerant(cells, n)
		} else {
			repeated, rejected := sr.repeats(cells, n), sr.wb.rejected
			sr.activity(cells, n)
			if repeated && sr.wb.rejected == rejected {
				// a row rejected already says what is wrong with it, and is not counted
				sr.problems.Warnf("repeated-row", sr.file, sr.sheet, emissions.CellName(0, n), "%s", sr.lang().T("row %v repeats row %v cell for cell: both are counted; if the row was pasted twice, delete the copy", lang.Plain(n), lang.Plain(n-1)))
			}
		}
	}
	if sr.pos == nil && (stopped || sr.search.best != nil) {
		return sr.noHeader(required, instruments)
	}
	sr.complete = n
	if err := rows.Error(); err != nil {
		sr.problems.Fatalf("sheet", sr.file, sr.sheet, "", "%s", sr.lang().T("reading stopped at row %v: %v", lang.Plain(n), err))
	} else if sr.scan != nil && sr.scan.lastRow > n {
		sr.problems.Fatalf("damaged", sr.file, sr.sheet, emissions.CellName(0, n), "%s", sr.lang().T("the sheet's XML is damaged: reading stopped at row %v, but the sheet holds rows up to %v; open and save the workbook in Excel or LibreOffice to repair it", lang.Plain(n), lang.Plain(sr.scan.lastRow)))
	}
	if sr.pos == nil {
		return sr.noHeader(required, instruments)
	}
	if sr.hiddenRows > 0 {
		sr.problems.Warnf("hidden-rows", sr.file, sr.sheet, emissions.CellName(0, sr.firstHidden), "%s", sr.lang().T("%d hidden row(s), the first at row %v, are read like the others; unhide them to check them, or delete them if they should not count", lang.Plain(sr.hiddenRows), lang.Plain(sr.firstHidden)))
	}
	return true
}

// warnHidden says that a hidden sheet was read: what Excel does not show still counts.
func (sr *sheetReader) warnHidden() {
	visible, err := sr.f.GetSheetVisible(sr.sheet)
	if err != nil || visible {
		return
	}
	sr.problems.Warnf("hidden-sheet", sr.file, sr.sheet, "", "%s", sr.lang().T("the sheet is hidden in Excel, and footprint reads it like the others (%d row(s)); unhide it to check its rows, or delete it if they should not count", lang.Plain(sr.rows)))
}

// uncomputedIn reports whether a row holds a formula cell without a computed value in one
// of the columns read.
func (sr *sheetReader) uncomputedIn(row int) bool {
	if sr.scan == nil {
		return false
	}
	for _, i := range sr.pos {
		if sr.scan.isUncomputed(cellPos{row, i + 1}) {
			return true
		}
	}
	return false
}

// uncomputed rejects the formula cells without a computed value of a row, one problem per
// cell; it returns false when there were some. Excelize reads them as "": never a blank or 0.
func (sr *sheetReader) uncomputed(row int, cols []Column) bool {
	if sr.scan == nil || sr.scan.uncomputed[row] == nil {
		return true
	}
	ok := true
	for _, c := range cols {
		i, mapped := sr.pos[c]
		if mapped && sr.scan.isUncomputed(cellPos{row, i + 1}) {
			sr.reject("formula", emissions.CellRef{Col: i, Row: row}, sr.lang().T("%s: formula without a computed value (save the workbook in Excel or LibreOffice so it stores the result)", sr.col(c)))
			ok = false
		}
	}
	return ok
}

// numericColumns are the columns that hold numbers.
var numericColumns = map[Column]bool{ColYear: true, ColQuantity: true, ColScope: true, ColCategory: true, ColFactor: true,
	ColCharge: true, ColRecharged: true, ColRecovered: true}

// booleans rejects the true/false values (TRUE, FALSE) of a row's number columns, one problem
// per cell; it returns false when there were some. The readers give them as 1 and 0, as
// excelize does: never a quantity of 1 or a Scope 1.
func (sr *sheetReader) booleans(cells []string, row int, cols []Column) bool {
	if sr.scan == nil || sr.scan.bools[row] == nil {
		return true
	}
	ok := true
	for _, c := range cols {
		i, mapped := sr.pos[c]
		if !mapped || !numericColumns[c] || i >= len(cells) || cells[i] == "" || !sr.scan.isBool(cellPos{row, i + 1}) {
			continue
		}
		v := "FALSE"
		if cells[i] != "0" {
			v = "TRUE"
		}
		sr.reject("boolean", emissions.CellRef{Col: i, Row: row}, sr.lang().T("%s: a true/false value (%s) where a number was expected; enter a number", sr.col(c), v))
		ok = false
	}
	return ok
}

// unmerge applies the merged ranges that cross the data rows: only the top-left cell of a
// range holds its value, as Excel shows it, so a value the file keeps under the top-left cell
// is not read; each range that covers a column read gets one warning. Rows come in order, so
// only the ranges over the current row are looked at.
func (sr *sheetReader) unmerge(cells []string, row int) []string {
	if sr.scan == nil || len(sr.scan.merged) == 0 {
		return cells
	}
	ms := sr.scan
	if !ms.mergedSorted {
		slices.SortStableFunc(ms.merged, func(a, b *mergedRange) int { return cmp.Compare(a.first.row, b.first.row) })
		ms.mergedSorted = true
	}
	for ms.nextMerged < len(ms.merged) && ms.merged[ms.nextMerged].first.row <= row {
		ms.active = append(ms.active, ms.merged[ms.nextMerged])
		ms.nextMerged++
	}
	ms.active = slices.DeleteFunc(ms.active, func(m *mergedRange) bool { return m.last.row < row })
	for _, m := range ms.active {
		if m.first == m.last {
			continue
		}
		// the warning names the leftmost column read in the range (sr.pos is a map)
		var named Column
		at := -1
		for c, i := range sr.pos {
			p := cellPos{row, i + 1}
			if !m.contains(p) {
				continue
			}
			if at < 0 || i < at {
				named, at = c, i
			}
			if p != m.first && i < len(cells) {
				cells[i] = ""
			}
		}
		if at >= 0 && !m.warned {
			m.warned = true
			top := emissions.CellName(m.first.col-1, m.first.row)
			sr.problems.Warnf("merged", sr.file, sr.sheet, top, "%s", sr.lang().T("cells %s are merged over data rows: only %s holds a value, so the other cells of the range are read as blank (%s among them); unmerge the cells and fill every row", m.ref, top, sr.col(named)))
		}
	}
	return cells
}

// The columns activity reads, by their place in sheetReader.cols: looked up once per sheet,
// not by name on every row.
const (
	atYear = iota
	atActivity
	atQuantity
	atUnit
	atSite
	atPole
	atComment
	atScope
	atCategory
	atMethod
	atQuality
	atEntity
	atDataType
	atCount
)

var atColumns = [atCount]Column{ColYear, ColActivity, ColQuantity, ColUnit, ColSite, ColPole, ColComment, ColScope,
	ColCategory, ColMethod, ColQuality, ColEntity, ColDataType}

// at is get for the columns of atColumns.
func (sr *sheetReader) at(cells []string, k, row int) (string, emissions.CellRef) {
	i := sr.cols[k] - 1
	if i < 0 {
		return "", emissions.CellRef{}
	}
	ref := emissions.CellRef{Col: i, Row: row}
	if i >= len(cells) {
		return "", ref
	}
	return strings.TrimSpace(cells[i]), ref
}

// get returns the trimmed value of a column in a row and the cell's A1 name.
func (sr *sheetReader) get(cells []string, c Column, row int) (string, emissions.CellRef) {
	i, ok := sr.pos[c]
	if !ok {
		return "", emissions.CellRef{}
	}
	at := emissions.CellRef{Col: i, Row: row}
	if i >= len(cells) {
		return "", at
	}
	return strings.TrimSpace(cells[i]), at
}

// reject adds an error at a cell of the sheet; msg is in the run's language (sr.t).
func (sr *sheetReader) reject(cause string, cell emissions.CellRef, msg string) {
	sr.problems.Errorf(cause, sr.file, sr.sheet, cell.String(), "%s", msg)
}

// lang is the run's language, the problems' messages' (sr.lang().T("…")).
func (sr *sheetReader) lang() lang.Lang { return sr.opts.Lang }

// col is a column's name in the run's language.
func (sr *sheetReader) col(c Column) string { return columnName(sr.opts.Lang, c) }

// quantityIsDate reports whether the scan found the row's Quantity cell formatted as a date
// (false when it does not know).
func (sr *sheetReader) quantityIsDate(row int) bool {
	d, _ := sr.scan.isDate(cellPos{row, sr.cols[atQuantity]})
	return d
}

// isDate reports whether a cell is formatted as a date: from the package check's scan, which
// streams; else from excelize's GetCellStyle, which loads the whole sheet once (a workbook
// without a readable styles part, or with over a million date cells in a sheet). Only Year
// cells that are not plain years get here.
func (sr *sheetReader) isDate(cell emissions.CellRef, p cellPos) bool {
	if d, known := sr.scan.isDate(p); known {
		return d
	}
	if sr.sheets.fast {
		sr.sheets.fallback = true // excelize holds the sheet only in the checked path
		return false
	}
	style, err := sr.f.GetCellStyle(sr.sheet, cell.String())
	if err != nil {
		return false
	}
	if d, ok := sr.dateStyles[style]; ok {
		return d
	}
	d := false
	if st, err := sr.f.GetStyle(style); err == nil && st != nil {
		custom := ""
		if st.CustomNumFmt != nil {
			custom = *st.CustomNumFmt
		}
		d = isDateNumFmt(st.NumFmt, custom)
	}
	if sr.dateStyles == nil {
		sr.dateStyles = map[int]bool{}
	}
	sr.dateStyles[style] = d
	return d
}

// repeats reports whether the row's cells repeat those of the row just above, cell for cell:
// a row pasted twice, or two identical deliveries. It remembers the row for the next (the
// strings are the reader's, never overwritten: only their list is copied).
func (sr *sheetReader) repeats(cells []string, row int) bool {
	end := len(cells)
	for end > 0 && cells[end-1] == "" {
		end--
	}
	cells = cells[:end]
	same := end > 0 && row == sr.prevRow+1 && slices.Equal(cells, sr.prev)
	sr.prev, sr.prevRow = append(sr.prev[:0], cells...), row
	return same
}

// quietYear is the year of the row's Year cell when it reads as one, else 0, with no problem
// reported: the year of a row rejected before its Year cell is checked, for the count of
// rejected rows by year.
func (sr *sheetReader) quietYear(cells []string, row int) int {
	raw, cell := sr.at(cells, atYear, row)
	if raw == "" {
		return 0
	}
	y, err := ParseYear(sr.opts.Lang, raw, func() bool { return sr.isDate(cell, cellPos{row, sr.cols[atYear]}) }, sr.date1904)
	if err != nil {
		return 0
	}
	return y
}

// rejectRow counts a rejected activity row of year (0: its Year cell does not read as one).
func (sr *sheetReader) rejectRow(year int) {
	sr.wb.rejected++
	if year != 0 {
		sr.wb.yearsRejected[year-emissions.MinYear]++ // ParseYear keeps years within MinYear–MaxYear
	}
}

// readYear counts a row read of year, for the rows per year.
func (sr *sheetReader) readYear(year int) {
	sr.wb.years[year-emissions.MinYear]++ // ParseYear keeps years within MinYear–MaxYear
}

func (sr *sheetReader) year(cells []string, row int) (int, bool) {
	raw, cell := sr.at(cells, atYear, row)
	if raw == "" {
		sr.reject("year-blank", cell, sr.lang().T("Year is blank; enter the year of the activity, such as 2024"))
		return 0, false
	}
	p := cellPos{row, sr.cols[atYear]}
	y, err := ParseYear(sr.opts.Lang, raw, func() bool { return sr.isDate(cell, p) }, sr.date1904)
	if err != nil {
		sr.reject("year", cell, sr.lang().T("Year: %v; enter the year of the activity as a number, such as 2024", err))
		return 0, false
	}
	return y, true
}

func (sr *sheetReader) activity(cells []string, row int) {
	sr.wb.rowsRead++
	if ok := sr.uncomputed(row, ActivityColumns); !sr.booleans(cells, row, ActivityColumns) || !ok {
		sr.rejectRow(sr.quietYear(cells, row))
		return
	}
	if label, cell, total := sr.totalRow(cells, row); total {
		sr.reject("total-row", cell, sr.lang().T("%q looks like a total row, not an activity: it is not counted, so nothing is counted twice; delete it, or keep totals outside the table", emissions.Clip(label)))
		sr.rejectRow(sr.quietYear(cells, row))
		return
	}
	a := emissions.Activity{Place: emissions.Place{File: sr.file, Sheet: sr.sheet, Row: row}}
	ok := true
	l := sr.lang()
	fail := func(cause string, cell emissions.CellRef, msg string) {
		sr.reject(cause, cell, msg)
		ok = false
	}
	var y bool
	a.Year, y = sr.year(cells, row)
	ok = ok && y
	if y {
		sr.readYear(a.Year)
	}
	a.ID, a.ActivityCell = sr.at(cells, atActivity, row)
	if a.ID == "" {
		fail("activity-blank", a.ActivityCell, l.T("Activity is blank; enter a factor id such as fr.electricity.grid (`footprint factors list` lists them)"))
	}
	var rawQty string
	rawQty, a.QuantityCell = sr.at(cells, atQuantity, row)
	if q, err := ParseNumber(l, rawQty); err != nil {
		fail("quantity", a.QuantityCell, l.T("Quantity: %v; enter a number ≥ 0", err))
	} else if q < 0 {
		fail("quantity-negative", a.QuantityCell, l.T("Quantity %s is negative; enter consumption as a positive number", fmt.Sprint(q)))
	} else if sr.quantityIsDate(row) {
		// Excel turns "1.5" typed in a French workbook into a date (1 May), held as its serial.
		fail("quantity-date", a.QuantityCell, l.T("Quantity is formatted as a date, held as %s: Excel turns a typed 1.5 or 1/5 into a date; format the cell as a number and type the quantity again", fmt.Sprint(q)))
	} else {
		a.Quantity = q
	}
	a.Unit, a.UnitCell = sr.at(cells, atUnit, row)
	if a.Unit == "" {
		fail("unit-blank", a.UnitCell, l.T("Unit is blank; enter the unit of Quantity, such as kWh, L, t or t.km"))
	}
	a.Site, _ = sr.at(cells, atSite, row)
	if a.Site == "" {
		a.Site = sr.opts.DefaultSite
	}
	a.Pole, _ = sr.at(cells, atPole, row)
	a.Comment, _ = sr.at(cells, atComment, row)
	if raw, cell := sr.at(cells, atScope, row); raw != "" {
		if s, err := ParseInt(l, raw); err != nil || s < 1 || s > 3 {
			fail("scope", cell, l.T("Scope %q: want 1, 2 or 3", emissions.Clip(raw)))
		} else {
			a.Scope = s
		}
	}
	if raw, cell := sr.at(cells, atCategory, row); raw != "" {
		if c, err := ParseInt(l, raw); err != nil || c < 1 || c > 15 {
			fail("category", cell, l.T("Category %q: want a Scope 3 category from 1 to 15", emissions.Clip(raw)))
		} else if a.Scope != 0 && a.Scope != 3 {
			fail("category", cell, l.T("Category %d given for a Scope %d row; categories belong to Scope 3", c, a.Scope))
		} else {
			a.Category = c
		}
	}
	raw, cell := sr.at(cells, atMethod, row)
	a.MethodCell = cell
	if raw != "" {
		if m, known := emissions.ParseMethod(raw); known {
			a.Method = m
		} else {
			fail("method", cell, l.T("Method %q: want location or market, or leave it blank to count the row in both Scope 2 totals", emissions.Clip(raw)))
		}
	}
	if raw, cell := sr.at(cells, atQuality, row); raw != "" {
		if q, known := emissions.ParseQuality(raw); known {
			a.Quality = q
		} else {
			fail("quality", cell, l.T("Quality %q: want measured, calculated or estimated, or leave it blank", emissions.Clip(raw)))
		}
	}
	a.Entity, a.EntityCell = sr.at(cells, atEntity, row)
	if raw, cell := sr.at(cells, atDataType, row); raw != "" {
		if d, known := emissions.ParseDataType(raw); known {
			a.DataType = d
		} else {
			fail("data-type", cell, l.T("DataType %q: want primary, secondary or spend-based, or leave it blank", emissions.Clip(raw)))
		}
	}
	switch {
	case !ok:
		sr.rejectRow(a.Year)
	case sr.in.Sink != nil:
		sr.in.Sink.Add(&a)
	default:
		sr.in.Activities = append(sr.in.Activities, a)
	}
}

// instrument reads an Instruments row, counted as read and, unless used, as rejected.
func (sr *sheetReader) instrument(cells []string, row int) {
	sr.wb.instrRows.Read++
	if !sr.readInstrument(cells, row) {
		sr.wb.instrRows.Rejected++
	}
}

// readInstrument reads an Instruments row; false when it is rejected.
func (sr *sheetReader) readInstrument(cells []string, row int) bool {
	if ok := sr.uncomputed(row, instrumentColumns); !sr.booleans(cells, row, instrumentColumns) || !ok {
		return false
	}
	ins := emissions.Instrument{Place: emissions.Place{File: sr.file, Sheet: sr.sheet, Row: row}}
	var ok bool
	if ins.Year, ok = sr.year(cells, row); !ok {
		return false
	}
	ins.Site, _ = sr.get(cells, ColSite, row)
	if ins.Site == "" {
		ins.Site = sr.opts.DefaultSite
	}
	ins.Name, _ = sr.get(cells, ColInstrument, row)
	rawQty, qCell := sr.get(cells, ColQuantity, row)
	l := sr.lang()
	qty, err := ParseNumber(l, rawQty)
	if err != nil || qty < 0 {
		sr.reject("instrument", qCell, l.T("instrument Quantity %q: want a number ≥ 0", emissions.Clip(rawQty)))
		return false
	}
	unit, uCell := sr.get(cells, ColUnit, row)
	if ins.KWh, err = emissions.ToKWh(l, qty, unit); err != nil {
		sr.reject("instrument", uCell, l.T("instrument Unit: %v", err))
		return false
	}
	rawF, fCell := sr.get(cells, ColFactor, row)
	if ins.Factor, err = ParseNumber(l, rawF); err != nil || ins.Factor < 0 {
		sr.reject("instrument", fCell, l.T("instrument Factor %q: want kgCO2e/kWh ≥ 0 (0 for a renewable guarantee of origin)", emissions.Clip(rawF)))
		return false
	}
	rawC, cCell := sr.get(cells, ColCarrier, row)
	if ins.Carrier, ok = instrumentCarrier(rawC); !ok {
		sr.reject("instrument", cCell, l.T("instrument Carrier %q: want electricity (the default when blank), heat, steam or cooling", emissions.Clip(rawC)))
		return false
	}
	// kept to the end: a cell's string may point into a reader's buffer
	ins.Site, ins.Name = strings.Clone(ins.Site), strings.Clone(ins.Name)
	sr.in.Instruments = append(sr.in.Instruments, ins)
	return true
}

// carrierNames are the spellings of an instrument's carrier, folded as headers are (case,
// spaces and accents do not count): the English names and their French ones.
var carrierNames = map[string]string{
	"electricity": factors.CarrierElectricity, "electricite": factors.CarrierElectricity,
	"heat": factors.CarrierHeat, "chaleur": factors.CarrierHeat,
	"steam": factors.CarrierSteam, "vapeur": factors.CarrierSteam,
	"cooling": factors.CarrierCooling, "froid": factors.CarrierCooling,
}

// instrumentCarrier reads an instrument's Carrier cell: electricity when blank.
func instrumentCarrier(raw string) (string, bool) {
	if strings.TrimSpace(raw) == "" {
		return factors.CarrierElectricity, true
	}
	c, ok := carrierNames[headerKey(raw)]
	return c, ok
}

// headerText lists a header row's non-blank cells for a message.
func headerText(cells []string) string {
	var hs []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			hs = append(hs, emissions.Clip(c))
		}
	}
	if len(hs) > 12 {
		hs = append(hs[:12], "…")
	}
	return strings.Join(hs, ", ")
}

func blankRow(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// joinColumns names columns in the language l, separated by commas.
func joinColumns(l lang.Lang, cs []Column) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = columnName(l, c)
	}
	return strings.Join(s, ", ")
}

// totalLabels start the labels of a totals row, in lower case: "Total", "TOTAL GÉNÉRAL",
// "Sous-total", "Grand total", "Somme".
var totalLabels = []string{"total", "sous-total", "sous total", "subtotal", "sub-total", "grand total", "somme", "sum"}

// totalRow reports whether a row is a total a team keeps in or under its table: a Year, Site,
// Pole or Activity cell whose text starts with a total label ("Sous-total 2024", a pole
// "Total", an already-computed row "Total scope 3"). Counted, it would count its rows twice;
// it gets one problem instead of one per empty cell.
func (sr *sheetReader) totalRow(cells []string, row int) (string, emissions.CellRef, bool) {
	for _, k := range []int{atYear, atSite, atPole, atActivity} {
		text, cell := sr.at(cells, k, row)
		if text == "" {
			continue
		}
		// Every label starts with g, s or t: most cells are ruled out without a comparison.
		if c := text[0] | 0x20; c != 'g' && c != 's' && c != 't' {
			continue
		}
		for _, l := range totalLabels {
			// The labels are ASCII: a prefix of their length, compared ignoring case, and
			// then no letter (Totalenergies is a site, Total 2024 a total).
			if len(text) >= len(l) && strings.EqualFold(text[:len(l)], l) {
				if rest := text[len(l):]; rest == "" || !unicode.IsLetter([]rune(rest)[0]) {
					return text, cell, true
				}
			}
		}
	}
	return "", emissions.CellRef{}, false
}
