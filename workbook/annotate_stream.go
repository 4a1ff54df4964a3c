package workbook

import (
	"archive/zip"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"
	"sync/atomic"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/internal/xlsxwrite"
	kflate "github.com/klauspost/compress/flate"
)

// The streamed annotate copies the workbook's package part by part: every part as it is,
// still compressed (zip's OpenRaw and CreateRaw), but the activity sheets' worksheets, which
// it rewrites as it reads them — every byte as it was, but the previous annotation's cells, and
// with the new cells at the end of each row that has a result, the new columns' widths and the
// widened <dimension>. The rows' results come from the lines in the order of the rows, merged
// with the sheet's rows as they go by: nothing is held per row. At a million rows excelize
// would hold the workbook in about 10 GB; the streamed copy holds a few MiB of window and
// compression chunks.
//
// What the streamed copy does not handle exactly as excelize would (annotate_scan.go says what)
// sends the workbook to excelize, the oracle of TestAnnotateStreamMatchesExcelize.
//
// The files: this one copies the package and runs the first passes ahead of the second;
// annotate_package.go finds the parts; annotate_scan.go and annotate_scan_rows.go are the first
// pass, annotate_rewrite.go the second, annotate_rows.go the rows' results; sheetcut.go cuts
// the XML; annotate_excelize.go is the oracle and the fallback.

// writeAnnotatedStream writes the annotated copy of the workbook in ra to w; an
// *annotateFallback error says the workbook must go through excelize instead (nothing written
// to w is then of use).
func writeAnnotatedStream(ra io.ReaderAt, size int64, w io.Writer, a Annotation) (Annotated, error) {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return Annotated{}, notStreamed("the zip directory: %v", err)
	}
	zr.RegisterDecompressor(zip.Deflate, func(r io.Reader) io.ReadCloser { return kflate.NewReader(r) })
	pkg, err := readPackage(zr)
	if err != nil {
		return Annotated{}, err
	}
	sheets := map[*zip.File]emissions.ActivitySheet{}
	var order []*zip.File // the activity sheets' parts, in the order of their lines
	for _, s := range a.Sheets {
		f := pkg.sheets[s.Sheet]
		if f == nil {
			return Annotated{}, notStreamed("sheet %s: no worksheet part", s.Sheet)
		}
		if _, twice := sheets[f]; twice {
			return Annotated{}, notStreamed("sheet %s: a part of two sheets", s.Sheet)
		}
		sheets[f] = s
		order = append(order, f)
	}
	// The first pass over each sheet runs ahead of the second, on the other core.
	scans := scanAhead(pkg, order, sheets)
	defer scans.stop()
	rows := newRowResults(a)
	defer rows.close()
	zw := zip.NewWriter(w)
	if zr.Comment != "" {
		if err := zw.SetComment(zr.Comment); err != nil {
			return Annotated{}, err
		}
	}
	// The activity sheets' parts go together, where the first of them was, in the order of
	// the sheets: the lines are then read once. (excelize, for one, writes the worksheets in
	// reverse order; the order of the parts of a package means nothing.)
	for _, f := range zr.File {
		if _, ok := sheets[f]; !ok {
			if err := copyPart(zw, f); err != nil {
				return Annotated{}, fmt.Errorf("%s: %w", f.Name, err)
			}
			continue
		}
		for i, f := range order {
			p, err := scans.plan(i)
			if err != nil {
				return Annotated{}, err
			}
			if err := rewritePart(zw, f, p, rows); err != nil {
				return Annotated{}, fmt.Errorf("%s: %w", f.Name, err)
			}
		}
		order = nil
	}
	if err := rows.finish(); err != nil {
		return Annotated{}, err
	}
	return rows.count, zw.Close()
}

// sheetScans are the first passes over the sheets, run by one goroutine in the order of the
// sheets, ahead of the second passes that wait for them.
type sheetScans struct {
	results []chan scanResult
	// references gives the verdict of checkReferences, once every sheet is scanned
	references    chan error
	checked       bool
	referencesErr error
	aborted       atomic.Bool
	done          sync.WaitGroup
}

type scanResult struct {
	plan *sheetPlan
	err  error
}

func scanAhead(pkg *workbookPackage, order []*zip.File, sheets map[*zip.File]emissions.ActivitySheet) *sheetScans {
	ss := &sheetScans{references: make(chan error, 1)}
	for range order {
		ss.results = append(ss.results, make(chan scanResult, 1))
	}
	ss.done.Add(1)
	go func() {
		defer ss.done.Done()
		var plans []*sheetPlan
		for i, f := range order {
			p, err := ss.scan(pkg, f, sheets[f])
			ss.results[i] <- scanResult{p, err}
			if err != nil {
				return
			}
			plans = append(plans, p)
		}
		ss.references <- ss.checkReferences(pkg, plans, sheets)
	}()
	return ss
}

func (ss *sheetScans) scan(pkg *workbookPackage, f *zip.File, s emissions.ActivitySheet) (*sheetPlan, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	p, err := scanSheet(abortable{rc, &ss.aborted}, s, pkg.sst)
	if err == nil && len(p.tableIDs) > 0 {
		err = pkg.checkTables(f, p)
	}
	return p, err
}

// checkReferences refuses a previous annotation to remove from a sheet that a defined name or
// another sheet's formula may refer to: excelize would move those references with the
// columns. The activity sheets' formulas were read by their first pass; the other worksheets
// are read here, only if there is an annotation to remove.
func (ss *sheetScans) checkReferences(pkg *workbookPackage, plans []*sheetPlan, sheets map[*zip.File]emissions.ActivitySheet) error {
	dropping := map[string]bool{}
	for _, p := range plans {
		if p.dropping() {
			dropping[p.sheet.Sheet] = true
		}
	}
	if len(dropping) == 0 {
		return nil
	}
	refused := func(by string, refs map[string]bool) error {
		for name := range refs {
			if dropping[name] || name == "" {
				return notStreamed("%s may refer to sheet %s, with a previous annotation to remove", by, cmp.Or(name, "another sheet"))
			}
		}
		return nil
	}
	var names struct {
		Names []string `xml:"definedNames>definedName"`
	}
	if err := xml.Unmarshal(pkg.workbook, &names); err != nil {
		return notStreamed("workbook.xml: %v", err)
	}
	for _, n := range names.Names {
		if err := refused("a defined name", sheetRefs([]byte(n), nil)); err != nil {
			return err
		}
	}
	for _, p := range plans {
		if err := refused("a formula of sheet "+p.sheet.Sheet, p.refs); err != nil {
			return err
		}
	}
	for name, f := range pkg.sheets {
		if _, ok := sheets[f]; ok {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		refs, err := formulaRefs(abortable{rc, &ss.aborted})
		rc.Close()
		if err != nil {
			return err
		}
		if err := refused("a formula of sheet "+name, refs); err != nil {
			return err
		}
	}
	return nil
}

// plan waits for the plan of the i-th sheet; one with an annotation to remove also waits for
// every sheet's first pass, to know what refers to it.
func (ss *sheetScans) plan(i int) (*sheetPlan, error) {
	r := <-ss.results[i]
	if r.err != nil || !r.plan.dropping() {
		return r.plan, r.err
	}
	if !ss.checked {
		ss.checked, ss.referencesErr = true, <-ss.references
	}
	return r.plan, ss.referencesErr
}

// stop ends the scans early (the copy failed or is done) and waits for them.
func (ss *sheetScans) stop() {
	ss.aborted.Store(true)
	ss.done.Wait()
}

// abortable is a reader that stops when the copy it serves has stopped.
type abortable struct {
	r       io.Reader
	aborted *atomic.Bool
}

var errAborted = errors.New("the copy stopped")

func (a abortable) Read(b []byte) (int, error) {
	if a.aborted.Load() {
		return 0, errAborted
	}
	return a.r.Read(b)
}

// copyPart copies a part as it is, compressed.
func copyPart(zw *zip.Writer, f *zip.File) error {
	fh := f.FileHeader
	w, err := zw.CreateRaw(&fh)
	if err != nil {
		return err
	}
	r, err := f.OpenRaw()
	if err != nil {
		return err
	}
	_, err = io.Copy(w, r)
	return err
}

// rewritePart writes a sheet's part annotated, deflated on every core.
func rewritePart(zw *zip.Writer, f *zip.File, p *sheetPlan, rows *rowResults) error {
	fh := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Flags: 0x8, Modified: f.Modified, Comment: f.Comment}
	w, err := zw.CreateRaw(fh)
	if err != nil {
		return err
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	pd := xlsxwrite.NewParallelDeflate(w, xlsxwrite.DeflateChunkSize)
	if err := rewriteSheet(rc, pd, p, rows); err != nil {
		pd.Abort()
		return err
	}
	crc, usize, csize, err := pd.Close()
	if err != nil {
		return err
	}
	fh.CRC32, fh.UncompressedSize64, fh.CompressedSize64 = crc, uint64(usize), uint64(csize)
	fh.UncompressedSize, fh.CompressedSize = uint32(min(usize, math.MaxUint32)), uint32(min(csize, math.MaxUint32))
	return nil
}
