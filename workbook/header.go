package workbook

import (
	"fmt"
	"slices"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
	"github.com/xuri/excelize/v2"
)

// Finding a sheet's header. The header is the first row, among the first headerScan non-empty
// rows, that holds the required columns of its kind of sheet (aliases included); the non-empty
// rows above it (a title, notes) are skipped with a warning. A sheet that looks like one footprint
// reads — a row holds some of its columns — but has no such row is an error. The header's other
// cells are warned about, once each: a column footprint ignores is never silent.

// headerScan is how many non-empty rows of a sheet are searched for its header.
const headerScan = 20

// headerStep is what a row told the header search.
type headerStep int

const (
	headerNext  headerStep = iota // not the header: look at the next row
	headerFound                   // the header: sr.pos is set
	headerBad                     // the header, unusable: reported, the sheet is not read
	headerStop                    // give up: no header this far down
)

// headerSearch is what the rows above the header told.
type headerSearch struct {
	seen      int    // non-empty rows looked at
	above     []int  // the non-empty rows above the header
	aboveText string // the first of them, for the warning
	// best is the row most like a header (the most columns, the first of equals) that lacks a
	// required column; late is a full header found too far down to be read.
	best, late *headerCandidate
}

type headerCandidate struct {
	row     int
	text    string
	matched int
	missing []Column
	guesses string // the near misses of the missing columns: ` "Quantitée" (C2) may be Quantity;`
}

// findHeader looks at a non-empty row while the header is not found yet.
func (sr *sheetReader) findHeader(idx headerIndex, required []Column, cells []string, row int, instruments bool) headerStep {
	s := &sr.search
	s.seen++
	mass := !instruments && sr.registerRow(cells)
	if mass {
		idx, required = refrigerantIndex(sr.opts.Aliases), requiredRefrigerant
	}
	pos, _ := idx.match(cells)
	var missing []Column
	for _, c := range required {
		if _, ok := pos[c]; !ok {
			missing = append(missing, c)
		}
	}
	switch {
	case len(missing) == 0 && s.seen > headerScan:
		s.late = &headerCandidate{row: row, text: headerText(cells)}
		return headerStop
	case len(missing) == 0:
		sr.mass = mass
		return sr.setHeader(idx, cells, row)
	case s.seen >= 2*headerScan:
		return headerStop
	case s.seen > headerScan:
		return headerNext // only to say that a header was too far down
	}
	looksLike := len(pos) >= 2 || instruments || mass
	if looksLike && (s.best == nil || len(pos) > s.best.matched) {
		s.best = &headerCandidate{row: row, text: headerText(cells), matched: len(pos), missing: missing,
			guesses: guessMissing(sr.opts.Lang, idx, cells, row, missing, sr.opts.Aliases)}
	}
	if len(s.above) == 0 {
		s.aboveText = emissions.Clip(headerText(cells))
	}
	s.above = append(s.above, row)
	return headerNext
}

// registerRow reports whether a row is a refrigerant register's header, whole or not: Gas,
// and Recharged or Recovered, and no Activity.
func (sr *sheetReader) registerRow(cells []string) bool {
	pos, _ := refrigerantIndex(sr.opts.Aliases).match(cells)
	_, gas := pos[ColGas]
	_, rech := pos[ColRecharged]
	_, reco := pos[ColRecovered]
	if !gas || !rech && !reco {
		return false
	}
	act, _ := newHeaderIndex([]Column{ColActivity}, sr.opts.Aliases).match(cells)
	return len(act) == 0
}

// setHeader takes a row holding the required columns as the header: it reports a column named
// twice (and leaves sr.pos nil), the rows skipped above it and the cells footprint ignores.
func (sr *sheetReader) setHeader(idx headerIndex, cells []string, row int) headerStep {
	pos, dups := idx.match(cells)
	dups = sr.warnRepeatedText(dups, cells, row)
	if len(dups) > 0 {
		d := dups[0]
		sr.problems.Fatalf("header", sr.file, sr.sheet, emissions.CellName(d.at, row), "%s", sr.lang().T("column %s appears twice in the header row (%s and %s); keep one, footprint cannot tell which to read",
			sr.col(d.col), emissions.CellName(d.first, row), emissions.CellName(d.at, row)))
		return headerBad
	}
	sr.pos, sr.headerRow = pos, row
	for k, c := range atColumns {
		if i, ok := pos[c]; ok {
			sr.cols[k] = i + 1
		}
	}
	if s := sr.search; len(s.above) > 0 {
		l := sr.lang()
		msg := l.T("%s above the header (row %v) is not read (%q): right for a title or notes, but move any activity data below the header",
			rowList(l, s.above), lang.Plain(row), s.aboveText)
		if len(s.above) > 1 {
			msg = l.T("%s above the header (row %v) are not read (%q): right for a title or notes, but move any activity data below the header",
				rowList(l, s.above), lang.Plain(row), s.aboveText)
		}
		sr.problems.Warnf("rows-above-header", sr.file, sr.sheet, emissions.CellName(0, s.above[0]), "%s", msg)
	}
	sr.warnUnknownColumns(idx, cells, row)
	return headerFound
}

// repeatableColumns are the optional free-text columns a header may name twice without
// losing the sheet: a sheet with both Commentaire and Notes (two spellings of Comment) reads
// the first, and the other is only free text. A figure or a code named twice (Quantity,
// Activity) stays an error: footprint cannot tell which one counts.
var repeatableColumns = map[Column]bool{ColComment: true}

// warnRepeatedText warns once for each repeated header of a repeatableColumns column (only the
// first is read) and returns the other repeats, which are errors.
func (sr *sheetReader) warnRepeatedText(dups []duplicate, cells []string, row int) []duplicate {
	var rest []duplicate
	for _, d := range dups {
		if !repeatableColumns[d.col] {
			rest = append(rest, d)
			continue
		}
		sr.problems.Warnf("duplicate-column", sr.file, sr.sheet, emissions.CellName(d.at, row), "%s", sr.lang().T("column %s %q is another %s column: only %s %q is read",
			columnLetter(d.at), emissions.Clip(strings.TrimSpace(cells[d.at])), sr.col(d.col), columnLetter(d.first), emissions.Clip(strings.TrimSpace(cells[d.first]))))
	}
	return rest
}

// columnLetter is the letter of a 0-based column: A, B … AA.
func columnLetter(i int) string {
	name, _ := excelize.ColumnNumberToName(i + 1)
	return name
}

// noHeader reports a sheet whose header was not found, if it looks like a sheet footprint
// reads; it returns whether the sheet is one (an Instruments sheet always is).
func (sr *sheetReader) noHeader(required []Column, instruments bool) bool {
	s := sr.search
	switch {
	case s.late != nil:
		sr.problems.Fatalf("header", sr.file, sr.sheet, emissions.CellName(0, s.late.row), "%s", sr.lang().T(
			"row %v looks like the header (%s), but footprint looks for the header among the first %d non-empty rows of a sheet and %d stand above it; delete the rows above the header, or move them to another sheet",
			lang.Plain(s.late.row), s.late.text, lang.Plain(headerScan), lang.Plain(s.seen-1)))
		return true
	case s.best != nil:
		l := sr.lang()
		sr.problems.Fatalf("header", sr.file, sr.sheet, emissions.CellName(0, s.best.row), "%s", l.T(
			"the header row (%s) lacks the required column(s) %s;%s footprint looks for a header holding %s among the first %d non-empty rows, matching headers ignoring case, spaces and accents; other spellings can be added under `columns` in config",
			s.best.text, joinColumns(l, s.best.missing), s.best.guesses, joinColumns(l, required), lang.Plain(headerScan)))
		return true
	}
	return instruments
}

// templateSheetNames are the sheets of a workbook that are footprint's own template sheets:
// those templateMarker is defined on. A template written before the marker is known by its
// Title property, and its own sheets by their names.
func templateSheetNames(f *excelize.File) map[string]bool {
	own := map[string]bool{}
	for _, n := range f.GetDefinedName() {
		if strings.EqualFold(n.Name, templateMarker) && n.Scope != "" && n.Scope != "Workbook" {
			own[n.Scope] = true
		}
	}
	if len(own) > 0 {
		return own
	}
	if props, err := f.GetDocProps(); err == nil && props.Title == templateTitle {
		for _, sh := range []string{"Help", "Examples", "Lists"} {
			own[sh] = true
		}
	}
	return own
}

// The kinds of sheet footprint reads, for the warning about a column read on another kind.
var sheetKinds = []struct {
	name string
	cols []Column
}{
	{lang.Key("activity sheets"), ActivityColumns},
	{lang.Key("refrigerant registers"), refrigerantColumns},
	{lang.Key("the Instruments sheet"), instrumentColumns},
}

// warnUnknownColumns warns, once per sheet, about each header cell that names no column the
// sheet's kind reads (idx), with the column meant when the spelling is close to one. Columns
// headed "footprint …" are footprint's own (an annotated copy): no warning.
func (sr *sheetReader) warnUnknownColumns(idx headerIndex, cells []string, row int) {
	for i, h := range cells {
		h = strings.TrimSpace(h)
		if h == "" || isFootprintColumn(h) {
			continue
		}
		key := headerKey(h)
		if _, ok := idx[key]; ok {
			continue
		}
		cell := emissions.CellName(i, row)
		l := sr.lang()
		if c, where := readElsewhere(key, idx, sr.opts.Aliases); where != "" {
			sr.problems.Warnf("unknown-column", sr.file, sr.sheet, cell, "%s", l.T("column %q (%s) is read on %s, not on this sheet: its values are ignored here", emissions.Clip(h), sr.col(c), l.T(where)))
			continue
		}
		if _, guess := nearestColumn(l, key, idx, sr.opts.Aliases); guess != "" {
			sr.problems.Warnf("unknown-column", sr.file, sr.sheet, cell, "%s", l.T("column %q is not one footprint reads, so its values are ignored; did you mean %s? Rename the header, or add its spelling under `columns` in config", emissions.Clip(h), guess))
			continue
		}
		sr.problems.Warnf("unknown-column", sr.file, sr.sheet, cell, "%s", l.T("column %q is not one footprint reads, so its values are ignored; delete it if it does not count, or rename it if it is one of %s", emissions.Clip(h), joinColumns(l, sortedColumns(idx))))
	}
}

// readElsewhere names the kind of sheet that reads a header's column, when the sheet at hand
// (idx) does not.
func readElsewhere(key string, idx headerIndex, aliases Aliases) (Column, string) {
	for _, k := range sheetKinds {
		c, ok := newHeaderIndex(k.cols, aliases)[key]
		if !ok {
			continue
		}
		if _, here := idx[headerKey(string(c))]; !here {
			return c, k.name
		}
	}
	return "", ""
}

// nearestColumn is the column of idx whose spelling is closest to a header (folded), when it
// is close enough to be a typo (an edit or two, fewer for short words), with that spelling as
// "Category" or "Catégorie (Category)", the column named in the language l; else "".
func nearestColumn(l lang.Lang, key string, idx headerIndex, aliases Aliases) (Column, string) {
	var col Column
	best, bestDist := "", 0
	for _, c := range sortedColumns(idx) {
		spellings := append(append([]string{string(c)}, builtinAliases[c]...), aliases[c]...)
		for _, sp := range spellings {
			d := editDistance(key, headerKey(sp))
			if d > 2 || 4*d > len([]rune(key)) || best != "" && d >= bestDist {
				continue
			}
			name := columnName(l, c)
			col, best, bestDist = c, name, d
			if headerKey(sp) != headerKey(name) {
				best = fmt.Sprintf("%s (%s)", sp, name)
			}
		}
	}
	return col, best
}

// guessMissing names the cells of a header row that are near misses of its missing columns.
func guessMissing(l lang.Lang, idx headerIndex, cells []string, row int, missing []Column, aliases Aliases) string {
	var b strings.Builder
	for i, h := range cells {
		key := headerKey(h)
		if _, ok := idx[key]; ok || key == "" || isFootprintColumn(h) {
			continue
		}
		if c, _ := nearestColumn(l, key, idx, aliases); c != "" && slices.Contains(missing, c) {
			b.WriteString(l.T(" %q (%s) may be %s;", emissions.Clip(strings.TrimSpace(h)), emissions.CellName(i, row), columnName(l, c)))
		}
	}
	return b.String()
}

// sortedColumns are the columns an index names in the order of the sheet kinds' columns, so that
// messages do not depend on map order.
func sortedColumns(idx headerIndex) []Column {
	in := map[Column]bool{}
	for _, c := range idx {
		in[c] = true
	}
	var out []Column
	for _, k := range sheetKinds {
		for _, c := range k.cols {
			if in[c] {
				out = append(out, c)
				delete(in, c)
			}
		}
	}
	return out
}

// editDistance is the optimal string alignment distance between two strings: insertions,
// deletions, substitutions and transpositions of adjacent letters each count one, so that
// "Categroy" is one edit from "Category".
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	// three rows of the table: two back, one back, current
	prev2, prev, cur := make([]int, len(t)+1), make([]int, len(t)+1), make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(t)]
}

// rowList names rows for a message in the language l: "row 1", "rows 1–3", "rows 1, 2 and 5".
func rowList(l lang.Lang, rows []int) string {
	if len(rows) == 1 {
		return l.T("row %v", lang.Plain(rows[0]))
	}
	contiguous := rows[len(rows)-1]-rows[0] == len(rows)-1
	if contiguous {
		return l.T("rows %v–%v", lang.Plain(rows[0]), lang.Plain(rows[len(rows)-1]))
	}
	parts := make([]string, len(rows))
	for i, r := range rows {
		parts[i] = fmt.Sprint(r)
	}
	return l.T("rows %s and %s", strings.Join(parts[:len(parts)-1], ", "), parts[len(parts)-1])
}
