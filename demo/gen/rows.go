package main

import (
	"fmt"
	"hash/fnv"
	"math"
	"time"
)

// row is one activity row of an activity sheet.
type row struct {
	Year     int
	End      time.Time // last day of the period; the Travel sheet writes it as a date cell
	Site     string
	Pole     string
	Activity string
	Quantity float64
	Unit     string
	Scope    int // 0: blank
	Category int // 0: blank
	Comment  string
	Entity   string // "": the Entity cell is blank (the parent, Flins Refactory SAS)
}

// period is a part of a year that one row covers.
type period struct {
	label  string
	weight float64 // typical share of the annual quantity
	month  time.Month
	day    int // end of the period
}

// split is how a stream spreads its annual quantity over rows.
type split []period

var (
	annual    = split{{"Year", 1, time.December, 31}}
	halves    = split{{"H1", 0.5, time.June, 30}, {"H2", 0.5, time.December, 31}}
	quarters  = split{{"Q1", 0.25, time.March, 31}, {"Q2", 0.25, time.June, 30}, {"Q3", 0.25, time.September, 30}, {"Q4", 0.25, time.December, 31}}
	powerQtrs = split{{"Q1", 0.27, time.March, 31}, {"Q2", 0.24, time.June, 30}, {"Q3", 0.22, time.September, 30}, {"Q4", 0.27, time.December, 31}}
	heatQtrs  = split{{"Q1", 0.38, time.March, 31}, {"Q2", 0.14, time.June, 30}, {"Q3", 0.08, time.September, 30}, {"Q4", 0.40, time.December, 31}}
	heatHalf  = split{{"H1", 0.52, time.June, 30}, {"H2", 0.48, time.December, 31}}
)

// assemblyLastQuarter is the single period of the ASSEMBLY pole in 2024.
var assemblyLastQuarter = split{{"Jan–Mar", 1, time.March, 31}}

// dismantling is the period after assembly stopped, when the lines were taken down.
var dismantling = split{{"Apr–Dec", 1, time.December, 31}}

// stream is one activity of one pole at one site, year after year.
type stream struct {
	site, pole, activity, unit string
	annual                     byYear // quantity in unit
	split                      split
	decimals                   int
	note                       string
	scope, category            int
	// bigUnit, when set, is used instead of unit (quantity divided by 1000) on the rows whose
	// (year, period label) is listed: a few invoices come in MWh instead of kWh.
	bigUnit   string
	bigPeriod map[int]string
	// keepSplit keeps split for the ASSEMBLY pole in 2024 (the dismantling waste).
	keepSplit bool
	// entity is the legal entity of the rows; "" gives Hub Nord's rows its subsidiary and
	// leaves the others blank (the parent).
	entity string
}

// rows spreads the stream over the periods of each year in order. The annual total is
// rounded once and kept exactly: the last period takes what the others leave.
func (s stream) rows() []row {
	var out []row
	for _, y := range years {
		total, ok := s.annual[y]
		if !ok || total == 0 {
			continue
		}
		total = round(total, s.decimals)
		sp, note := s.split, s.note
		if s.pole == assembly && y == 2024 && !s.keepSplit {
			sp, note = assemblyLastQuarter, note+"; assembly stopped in March 2024"
		}
		shares := s.shares(y, sp)
		left := total
		for i, p := range sp {
			q := round(total*shares[i], s.decimals)
			if i == len(sp)-1 {
				q = round(left, s.decimals)
			}
			left -= q
			r := row{
				Year: y, End: time.Date(y, p.month, p.day, 0, 0, 0, 0, time.UTC),
				Site: s.site, Pole: s.pole, Activity: s.activity, Quantity: q, Unit: s.unit,
				Scope: s.scope, Category: s.category, Comment: comment(p.label, y, note), Entity: s.entity,
			}
			if r.Entity == "" && s.site == hubSite {
				r.Entity = hubEntity
			}
			if s.bigUnit != "" && s.bigPeriod[y] == p.label {
				r.Quantity, r.Unit = round(q/1000, s.decimals+3), s.bigUnit
			}
			out = append(out, r)
		}
	}
	return out
}

// shares are the period weights with a small deterministic wobble (±4 %, from a hash of
// the stream and period) so that the rows do not look machine-made, normalised to 1.
func (s stream) shares(y int, sp split) []float64 {
	out := make([]float64, len(sp))
	sum := 0.0
	for i, p := range sp {
		w := p.weight
		if len(sp) > 1 {
			h := fnv.New32a()
			fmt.Fprintf(h, "%s|%s|%s|%d|%s", s.site, s.pole, s.activity, y, p.label)
			w *= 1 + 0.04*(float64(h.Sum32()%2001)/1000-1)
		}
		out[i] = w
		sum += w
	}
	for i := range out {
		out[i] /= sum
	}
	return out
}

func comment(label string, year int, note string) string {
	if label == "Year" {
		return fmt.Sprintf("%d: %s", year, note)
	}
	return fmt.Sprintf("%s %d: %s", label, year, note)
}

func round(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p) / p
}
