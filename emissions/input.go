package emissions

// Input is everything read from the activity workbooks, problems included. The workbook
// package fills it; the calculation reads it.
type Input struct {
	// Sink, when set, computes each workbook's activities as they are read, and Activities
	// stays empty: a million rows are never held.
	Sink        Sink
	Activities  []Activity
	Instruments []Instrument
	// Refrigerants are the rows of refrigerant sheets with their mass balance (each is also
	// an activity: its leak).
	Refrigerants []RefrigerantRow
	RowsRead     int // non-blank activity rows read
	Rejected     int // of those, rows rejected while reading
	// Instruments counts the non-blank rows of Instruments sheets: those rejected are left out
	// of the market-based Scope 2, and must be said as rejected activity rows are.
	InstrumentRows InstrumentRows
	// YearsRead counts the activity rows read per year, for rows whose Year cell reads as a
	// year: a year whose rows were all rejected has no figure, and must be named.
	YearsRead map[int]int
	// YearsRejected counts, of those, the rows rejected while reading, per year.
	YearsRejected map[int]int
	Problems      Problems
	// Sheets are the activity sheets read, in the order read, with their header rows
	// (annotate appends its columns to them).
	Sheets []ActivitySheet
}

// InstrumentRows counts contractual instrument rows: Read = len(Instruments) + Rejected.
type InstrumentRows struct {
	Read     int
	Rejected int
}

// ActivitySheet is a sheet read as an activity sheet: its file, name and 1-based header row.
type ActivitySheet struct {
	File, Sheet string
	HeaderRow   int
}

// A Sink computes activity rows as a reader produces them, one workbook at a time: Begin, Add
// each row, then Commit, or Rollback to drop the workbook (when it is read again another way).
// The Calculator is one.
type Sink interface {
	Begin(problems *Problems)
	// Add computes one row and reports whether it is used.
	Add(a *Activity) bool
	Commit() error
	Rollback() error
}

// Progress hears how far a long task is: Start with the total, Add as it goes (possibly from
// another goroutine), Done at the end. The workbook reader counts bytes of sheet XML, and a
// workbook read again the checked way starts again; the export counts lines.
type Progress interface {
	Start(file string, total int64)
	Add(n int64)
	Done()
}

// AddYearRows counts n more rows read for year in in.YearsRead, of which rejected were
// rejected while reading.
func (in *Input) AddYearRows(year, n, rejected int) {
	if in.YearsRead == nil {
		in.YearsRead = map[int]int{}
	}
	in.YearsRead[year] += n
	if rejected > 0 {
		in.YearsRejected = addYears(in.YearsRejected, map[int]int{year: rejected})
	}
}
