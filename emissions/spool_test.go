package emissions

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/footprint/footprint/factors"
)

// randomLine sets every field of a Line, found by reflection, so that a field added to Line
// and forgotten by the spool fails the round trip.
func randomLine(r *rand.Rand) Line {
	var l Line
	var fill func(v reflect.Value)
	fill = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Struct:
			for i := range v.NumField() {
				fill(v.Field(i))
			}
		case reflect.String:
			n := r.IntN(4)
			v.SetString(strings.Repeat(fmt.Sprintf("s%d·", r.IntN(50)), n+1))
		case reflect.Int:
			v.SetInt(int64(r.IntN(3000) + 1))
		case reflect.Float64:
			v.SetFloat(r.NormFloat64() * 1e6)
		default:
			panic("randomLine: fill " + v.Kind().String())
		}
	}
	fill(reflect.ValueOf(&l).Elem())
	l.Rows = 1 // a row's line
	if r.IntN(3) == 0 {
		l.BiogenicCO2 = 0
	}
	return l
}

// Every field of every line comes back from the spool as written, whatever the string table
// holds, and a reset drops what followed its mark.
func TestSpoolRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	s, err := newSpool()
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	var want []Line
	for i := range 3000 {
		l := randomLine(r)
		k := 0.0
		if i%3 == 0 {
			k = r.Float64() * 1e5
		}
		if i == 2000 {
			// lines written after a mark and dropped
			m := s.mark()
			for range 50 {
				x := randomLine(r)
				x.Site = fmt.Sprintf("dropped %d", r.IntN(1000))
				s.add(&x, 0, "")
			}
			if err := s.reset(m); err != nil {
				t.Fatal(err)
			}
		}
		carrier := ""
		if k != 0 {
			carrier = factors.CarrierHeat
		}
		s.add(&l, k, carrier)
		want = append(want, l)
	}
	if err := s.done(); err != nil {
		t.Fatal(err)
	}
	inv := &Inventory{rows: []*spool{s}}
	if inv.RowLines().Len() != len(want) {
		t.Fatalf("Len %d, wrote %d", inv.RowLines().Len(), len(want))
	}
	i := 0
	err = inv.RowLines().Each(func(l *Line) error {
		if !reflect.DeepEqual(*l, want[i]) {
			t.Fatalf("line %d:\n got %+v\nwant %+v", i, *l, want[i])
		}
		i++
		return nil
	})
	if err != nil || i != len(want) {
		t.Fatalf("read %d lines: %v", i, err)
	}
}

// Rows of different data quality stay in different groups (the uncertainty draws per level).
func TestGroupsKeepQualityApart(t *testing.T) {
	lib := testLibrary(t)
	in := &Input{Activities: []Activity{
		{Place: Place{File: "a", Sheet: "S", Row: 2}, Year: 2024, ID: "test.steel", Quantity: 1, Unit: "t", Quality: QualityMeasured},
		{Place: Place{File: "a", Sheet: "S", Row: 3}, Year: 2024, ID: "test.steel", Quantity: 2, Unit: "t", Quality: QualityEstimated},
		{Place: Place{File: "a", Sheet: "S", Row: 4}, Year: 2024, ID: "test.steel", Quantity: 4, Unit: "t", Quality: QualityEstimated},
	}}
	inv := Calculate(in, Options{Library: lib})
	got := map[string]float64{}
	for _, l := range inv.Lines {
		got[l.Quality] += l.Quantity
	}
	if got[QualityMeasured] != 1 || got[QualityEstimated] != 6 || len(got) != 2 {
		t.Errorf("quantities by quality %v", got)
	}
}

// The digest's MaxText bounds every text of every line Each yields, the market-based lines'
// too (their source names the instruments): the export trusts it to skip its first pass.
func TestDigestMaxTextCoversMarketLines(t *testing.T) {
	long := strings.Repeat("guarantee of origin ", 2000) // 40,000 bytes, more than a cell holds
	in := &Input{
		Activities: []Activity{
			{Place: Place{File: "a", Sheet: "S", Row: 2}, Year: 2024, Site: "Main", ID: "test.electricity", Quantity: 1000, Unit: "kWh"},
			{Place: Place{File: "a", Sheet: "S", Row: 3}, Year: 2024, Site: "Main", ID: "test.electricity", Quantity: 3000, Unit: "kWh"},
		},
		Instruments: []Instrument{{Place: Place{File: "a", Sheet: "Instruments", Row: 2}, Year: 2024, Site: "Main", Name: long, KWh: 500}},
	}
	inv := Calculate(in, Options{Library: testLibrary(t), RowLines: true})
	defer inv.Close()
	src := inv.RowLines()
	maxText := src.(Digester).Digest().MaxText
	n, longest := 0, 0
	err := src.Each(func(l *Line) error {
		n++
		for _, s := range []string{l.Place.File, l.Place.Sheet, l.Site, l.Pole, l.Activity, l.Unit, l.Comment, string(l.Part),
			l.Method, l.FactorID, l.FactorUnit, l.Source, l.Quality, l.Entity, l.DataType} {
			longest = max(longest, len(s))
		}
		return nil
	})
	if err != nil || n != src.Len() {
		t.Fatalf("Each gave %d lines (%v), Len %d", n, err, src.Len())
	}
	if longest > maxText {
		t.Errorf("a line has a text of %d bytes, the digest's MaxText is %d", longest, maxText)
	}
}

// Once a line is written, the spool keeps no reference to the buffer its strings pointed into
// (a workbook's shared strings, a batch of rows): a reader's buffer is freed after its
// workbook, not kept for the life of the inventory.
func TestSpoolKeepsNoReaderBuffer(t *testing.T) {
	s, err := newSpool()
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	freed := make(chan struct{})
	func() {
		buf := new([1 << 20]byte)
		copy(buf[:], "Main site")
		runtime.SetFinalizer(buf, func(*[1 << 20]byte) { close(freed) })
		site := unsafe.String(&buf[0], len("Main site"))
		for range 3 {
			l := Line{Site: site, Share: 1}
			s.add(&l, 0, "")
		}
	}()
	// once written (done, the end of the calculation): the inventory lives on with its spool
	if err := s.done(); err != nil {
		t.Fatal(err)
	}
	for range 10 {
		runtime.GC()
		select {
		case <-freed:
			return
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Error("the spool still holds the buffer of the strings it wrote")
}
