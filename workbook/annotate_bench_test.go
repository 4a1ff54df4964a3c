package workbook_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/footprint/footprint/bench/synth"
	"github.com/footprint/footprint/workbook"
)

// BenchmarkAnnotate100k annotates a synthetic workbook of 100,000 rows (bench/synth), from the
// rows' lines to the file written: the streamed copy, and the excelize copy it replaced (its
// oracle, and its fallback). The calculation is done once, before the timer.
func BenchmarkAnnotate100k(b *testing.B) {
	var buf bytes.Buffer
	if err := synth.Write(&buf, synth.Options{Rows: 100_000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	in, out := filepath.Join(dir, "100k.xlsx"), filepath.Join(dir, "annotated.xlsx")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	a, _ := annotationOf(b, annotateConfig(b), buf.Bytes())
	b.Run("stream", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			n, err := workbook.WriteAnnotatedFile(in, out, a)
			if err != nil {
				b.Fatal(err)
			}
			if n.Fallback != "" || n.Used != 100_000 {
				b.Fatalf("%+v", n)
			}
		}
	})
	b.Run("excelize", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			n, err := workbook.WriteAnnotatedExcelize(bytes.NewReader(buf.Bytes()), io.Discard, a)
			if err != nil {
				b.Fatal(err)
			}
			if n.Used != 100_000 {
				b.Fatalf("%+v", n)
			}
		}
	})
}

// BenchmarkAnnotateRejected100k annotates 100,000 rows that are all rejected (their
// activity blank): each row's message is read back from the rejected rows' temporary file
// next to its row. The calculation is done once, before the timer.
func BenchmarkAnnotateRejected100k(b *testing.B) {
	var buf bytes.Buffer
	if err := synth.Write(&buf, synth.Options{Rows: 100_000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	ids := regexp.MustCompile(`<t>(fr|uk)\.[^<]*</t>`)
	data := editPart(b, buf.Bytes(), "xl/sharedStrings.xml", func(s string) string { return ids.ReplaceAllString(s, "<t></t>") })
	dir := b.TempDir()
	in, out := filepath.Join(dir, "100k.xlsx"), filepath.Join(dir, "annotated.xlsx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		b.Fatal(err)
	}
	a, _ := annotationOf(b, annotateConfig(b), data)
	b.ReportAllocs()
	for b.Loop() {
		n, err := workbook.WriteAnnotatedFile(in, out, a)
		if err != nil {
			b.Fatal(err)
		}
		if n.Fallback != "" || n.Rejected != 100_000 {
			b.Fatalf("%+v", n)
		}
	}
}
