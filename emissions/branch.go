package emissions

import "errors"

// Several workbooks can be read at once, each into an Input of its own computed by a branch
// of the calculator, and joined in the order the workbooks were given: what the joins add up
// to is what reading them one after the other gives, byte for byte, whatever order the reads
// end in.
//
// A branch keeps each workbook it commits apart (its groups, their sums, its grid
// electricity, its warnings) and Join folds them into the calculator as Commit would have:
// floating-point sums are added in the same order. The lines of its rows go to a file of its
// own, read after the calculator's. The warnings given once per cause and key (a factor
// without the year's vintage…) are given by a branch whatever the workbooks before did, and
// dropped at Join when one of them gave it first.

// Branch returns a calculator with c's options that computes workbooks on its own (on
// another goroutine) until Input.Join adds them to c. A calculator that joins branches
// computes no workbook itself.
func (c *Calculator) Branch() (*Calculator, error) {
	b, err := NewCalculator(c.opts)
	if err != nil {
		return nil, err
	}
	b.parent = c
	return b, nil
}

// join folds the workbooks b committed into c, in their order.
func (c *Calculator) join(b *Calculator) {
	for _, p := range b.pending {
		c.fold(p)
	}
	b.pending = nil
	if b.spool != nil {
		b.spool.stop() // its encoding goroutine; Finish flushes the file
		c.joined = append(c.joined, b.spool)
		b.spool = nil
	}
}

// Join adds what o read to in, after what in holds, as if o's workbooks had been read into
// in: o was read on its own, with a Branch of in's Calculator as its Sink, or with no Sink
// when in has none. Joining inputs in the order of their workbooks gives what reading them
// one after the other into in gives.
func (in *Input) Join(o *Input) error {
	given := func(string) bool { return false }
	var c, b *Calculator
	if in.Sink != nil || o.Sink != nil {
		c, _ = in.Sink.(*Calculator)
		b, _ = o.Sink.(*Calculator)
		if c == nil || b == nil || b.parent != c {
			return errors.New("emissions: Join takes an input read with a branch of the input's calculator")
		}
		if b.cur != nil {
			return errors.New("emissions: Join takes an input whose branch has committed or rolled back its workbook")
		}
		given = func(key string) bool { return c.warned[key] }
	}
	in.Activities = append(in.Activities, o.Activities...)
	in.Instruments = append(in.Instruments, o.Instruments...)
	in.Refrigerants = append(in.Refrigerants, o.Refrigerants...)
	in.RowsRead += o.RowsRead
	in.Rejected += o.Rejected
	in.InstrumentRows.Read += o.InstrumentRows.Read
	in.InstrumentRows.Rejected += o.InstrumentRows.Rejected
	for y, n := range o.YearsRead {
		in.AddYearRows(y, n, o.YearsRejected[y])
	}
	in.Sheets = append(in.Sheets, o.Sheets...)
	// before the branch's warnings join c's: those are the ones given before o
	in.Problems.merge(&o.Problems, given)
	if c != nil {
		c.join(b)
	}
	return nil
}
