package xlsxwrite

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"math"
	"os"
	"regexp"
	"slices"
	"sort"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// PackageWriter is the zip writer excelize saves through (SaveDeterministic). It makes the package deterministic
// and keeps memory bounded:
//
//   - excelize creates its parts in an order that depends on map iteration (streamed sheets)
//     and, after AddChart, writes the <Default> entries of [Content_Types].xml in map order;
//     PackageWriter writes the parts sorted by name, sorts those entries, gives every part the
//     same (zero) modification time, and drops the creation and modification dates of
//     docProps/core.xml, so the same workbook always gives the same bytes;
//   - excelize would assemble the whole zip in a bytes.Buffer; PackageWriter deflates each part
//     as it comes into a temporary file and copies the compressed bytes to the destination
//     at Close, so a million-line sheet never sits in memory.
//
// Each part is compressed exactly once (excelize's own deflate is bypassed).
//
// Deferred parts (the Lines sheets) are held as excelize writes them and completed at Close,
// once excelize is done, by deferred.Write — which writes them through CreateDeflated and
// CloseDeflated straight into the destination, after the other parts: a gigabyte of Lines
// XML is not deflated into the temporary file and then copied again.
type PackageWriter struct {
	dst      io.Writer
	tmp      *os.File
	parts    []packagePart
	cur      *partWriter
	fw       *flate.Writer
	deferred *DeferredParts
	held     map[string][]byte
	zw       *zip.Writer     // the destination's, at Close
	raw      *zip.FileHeader // the part being written by CreateDeflated
}

// DeferredParts are parts the package writer holds when excelize writes them, for Write to
// write them complete at Close.
type DeferredParts struct {
	Names []string
	Write func(pw *PackageWriter, held map[string][]byte) error
}

type packagePart struct {
	name                 string
	offset, csize, usize int64
	crc                  uint32
}

// partWriter deflates one part into the temporary file. Parts that PackageWriter rewrites are
// held in memory until they end (they are a few kilobytes).
type partWriter struct {
	part    packagePart
	fw      *flate.Writer
	crc     hash.Hash32
	counter *countingWriter
	rewrite func([]byte) []byte
	held    bytes.Buffer
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// compressionLevel trades size for speed: before the Lines sheets had a writer of their own,
// BestSpeed wrote the export of a million lines in 11 s instead of 17 s at the default level,
// for a file of 132 MiB instead of 93 (BenchmarkExport1M). The deflate is klauspost/compress's
// (deflateLevel).
const compressionLevel = deflateLevel

func newPackageWriter(dst io.Writer, deferred *DeferredParts) (*PackageWriter, error) {
	tmp, err := os.CreateTemp("", "footprint-xlsx-*")
	if err != nil {
		return nil, fmt.Errorf("temporary file for the workbook: %w", err)
	}
	return &PackageWriter{dst: dst, tmp: tmp, deferred: deferred, held: map[string][]byte{}}, nil
}

// rewrites are the parts whose content PackageWriter normalises.
var rewrites = map[string]func([]byte) []byte{
	"[Content_Types].xml": sortContentTypeDefaults,
	"docProps/core.xml":   dropCoreDates,
}

// Create starts a part; it ends the previous one.
func (pw *PackageWriter) Create(name string) (io.Writer, error) {
	if err := pw.endPart(); err != nil {
		return nil, err
	}
	if err := pw.checkNew(name); err != nil {
		return nil, err
	}
	if pw.deferred != nil && slices.Contains(pw.deferred.Names, name) {
		pw.held[name] = nil // seen, even if nothing is written to it
		return &heldPart{pw: pw, name: name}, nil
	}
	offset, err := pw.tmp.Seek(0, io.SeekCurrent)
	if err != nil {
		return nil, err
	}
	counter := &countingWriter{w: pw.tmp}
	// One compressor for every part: a flate.Writer costs about a megabyte to set up.
	if pw.fw == nil {
		if pw.fw, err = flate.NewWriter(counter, compressionLevel); err != nil {
			return nil, err
		}
	} else {
		pw.fw.Reset(counter)
	}
	fw := pw.fw
	pw.cur = &partWriter{part: packagePart{name: name, offset: offset}, fw: fw, crc: crc32.NewIEEE(), counter: counter, rewrite: rewrites[name]}
	return pw.cur, nil
}

// checkNew refuses a part already written or held.
func (pw *PackageWriter) checkNew(name string) error {
	_, seen := pw.held[name]
	for _, p := range pw.parts {
		seen = seen || p.name == name
	}
	if seen {
		return fmt.Errorf("workbook part %s written twice", name)
	}
	return nil
}

// heldPart keeps what excelize writes of a deferred part.
type heldPart struct {
	pw   *PackageWriter
	name string
}

func (h *heldPart) Write(p []byte) (int, error) {
	h.pw.held[h.name] = append(h.pw.held[h.name], p...)
	return len(p), nil
}

// CreateDeflated starts a part whose content the caller writes to the returned compressor,
// deflated on every core into the destination; CloseDeflated ends it. Only at Close.
func (pw *PackageWriter) CreateDeflated(name string) (*ParallelDeflate, error) {
	if pw.zw == nil {
		return nil, errors.New("PackageWriter: CreateDeflated before Close")
	}
	for _, p := range pw.parts {
		if p.name == name {
			return nil, fmt.Errorf("workbook part %s written twice", name)
		}
	}
	pw.parts = append(pw.parts, packagePart{name: name})
	// the sizes and CRC are known at the end: they follow the data (a data descriptor)
	pw.raw = &zip.FileHeader{Name: name, Method: zip.Deflate, Flags: 0x8}
	w, err := pw.zw.CreateRaw(pw.raw)
	if err != nil {
		return nil, err
	}
	return NewParallelDeflate(w, DeflateChunkSize), nil
}

func (pw *PackageWriter) CloseDeflated(pd *ParallelDeflate) error {
	fh := pw.raw
	pw.raw = nil
	crc, usize, csize, err := pd.Close()
	if err != nil {
		return err
	}
	fh.CRC32, fh.UncompressedSize64, fh.CompressedSize64 = crc, uint64(usize), uint64(csize)
	fh.UncompressedSize, fh.CompressedSize = uint32(min(usize, math.MaxUint32)), uint32(min(csize, math.MaxUint32))
	return nil
}

func (w *partWriter) Write(p []byte) (int, error) {
	if w.rewrite != nil {
		return w.held.Write(p)
	}
	return w.write(p)
}

func (w *partWriter) write(p []byte) (int, error) {
	w.crc.Write(p)
	w.part.usize += int64(len(p))
	return w.fw.Write(p)
}

func (pw *PackageWriter) endPart() error {
	w := pw.cur
	if w == nil {
		return nil
	}
	pw.cur = nil
	if w.rewrite != nil {
		if _, err := w.write(w.rewrite(w.held.Bytes())); err != nil {
			return err
		}
	}
	if err := w.fw.Close(); err != nil {
		return err
	}
	w.part.csize = w.counter.n
	w.part.crc = w.crc.Sum32()
	pw.parts = append(pw.parts, w.part)
	return nil
}

// AddFS is not used by excelize when it saves a workbook.
func (pw *PackageWriter) AddFS(fs.FS) error {
	return errors.New("PackageWriter: AddFS is not supported")
}

// Close writes the package to the destination: the parts excelize wrote sorted by name
// ([Content_Types].xml first, as Office writes it), then the deferred parts, completed.
func (pw *PackageWriter) Close() error {
	if err := pw.endPart(); err != nil {
		return err
	}
	sort.Slice(pw.parts, func(i, j int) bool {
		a, b := pw.parts[i].name, pw.parts[j].name
		if (a == "[Content_Types].xml") != (b == "[Content_Types].xml") {
			return a == "[Content_Types].xml"
		}
		return a < b
	})
	zw := zip.NewWriter(pw.dst)
	for _, p := range pw.parts {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: p.crc,
			CompressedSize64: uint64(p.csize), UncompressedSize64: uint64(p.usize)})
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, io.NewSectionReader(pw.tmp, p.offset, p.csize)); err != nil {
			return err
		}
	}
	if pw.deferred != nil {
		pw.zw = zw
		if err := pw.deferred.Write(pw, pw.held); err != nil {
			return err
		}
		pw.held = nil
	}
	return zw.Close()
}

var (
	contentTypeDefault = regexp.MustCompile(`<Default [^>]*?(?:/>|></Default>)`)
	coreDate           = regexp.MustCompile(`<dcterms:(?:created|modified)\b[^>]*>[^<]*</dcterms:(?:created|modified)>`)
)

// sortContentTypeDefaults sorts the <Default> entries of [Content_Types].xml in place: excelize
// appends some of them in map order.
func sortContentTypeDefaults(b []byte) []byte {
	locs := contentTypeDefault.FindAllIndex(b, -1)
	if len(locs) < 2 {
		return b
	}
	entries := make([]string, len(locs))
	for i, l := range locs {
		entries[i] = string(b[l[0]:l[1]])
	}
	sort.Strings(entries)
	var out bytes.Buffer
	prev := 0
	for i, l := range locs {
		out.Write(b[prev:l[0]])
		out.WriteString(entries[i])
		prev = l[1]
	}
	out.Write(b[prev:])
	return out.Bytes()
}

// dropCoreDates removes the document's creation and modification dates: an export is a
// function of its inputs, not of the moment it was written.
func dropCoreDates(b []byte) []byte {
	return coreDate.ReplaceAll(b, nil)
}

// SaveDeterministic writes f to w through a PackageWriter, which completes the deferred parts
// (nil: none). The export and the input template are saved this way.
func SaveDeterministic(f *excelize.File, w io.Writer, deferred *DeferredParts) error {
	pw, err := newPackageWriter(w, deferred)
	if err != nil {
		return err
	}
	defer func() { // whether excelize got to Close or failed before
		pw.tmp.Close()
		os.Remove(pw.tmp.Name())
	}()
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return pw })
	// excelize hands its own buffer to the zip writer; PackageWriter ignores it and writes to w
	// when excelize closes it, so nothing reaches io.Discard.
	_, err = f.WriteTo(io.Discard)
	return err
}

// NormalizePart is what PackageWriter does to a part's content on its way out: the oracle
// tests compare excelize's own package with it applied.
func NormalizePart(name string, b []byte) []byte {
	if rewrite := rewrites[name]; rewrite != nil {
		return rewrite(b)
	}
	return b
}
