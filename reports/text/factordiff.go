package text

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// WriteFactorDiff prints `factors diff` in l: the changed fields, then the factors added and
// archived; weighed adds the tCO2e each change moves in the inventory (--used-by). The fields
// keep the names the factor files give them (value, upstream), and their values are written
// as factors list and show write them.
func WriteFactorDiff(w io.Writer, l lang.Lang, d factors.Diff, weighed bool) error {
	fmt.Fprintln(w, l.T("changed: %d field(s); added: %d factor(s); archived: %d factor(s)", lang.Plain(len(d.Changed)), lang.Plain(len(d.Added)), lang.Plain(len(d.Archived))))
	if len(d.Changed) > 0 {
		fmt.Fprintln(w, "\n"+l.T("CHANGED"))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		head := strings.Join([]string{l.T("ID"), l.T("YEAR"), l.T("FIELD"), l.T("OLD"), l.T("NEW"), l.T("CHANGE")}, "\t")
		if weighed {
			head += "\t" + l.T("TCO2E MOVED")
		}
		fmt.Fprintln(tw, head)
		for _, c := range d.Changed {
			line := fmt.Sprintf("%s\t%s\t%s\t%s\t%s\t%s", reports.Printable(c.ID), yearLabel(l, c.Year), c.Field, diffValue(c.Old), diffValue(c.New), signedPct(l, c.ChangePct))
			if weighed {
				line += "\t" + l.Localize(signed(c.TCO2eMoved, "%+.3f"))
			}
			fmt.Fprintln(tw, line)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	for _, part := range []struct {
		title string
		fs    []factors.Factor
	}{{l.T("ADDED"), d.Added}, {l.T("ARCHIVED"), d.Archived}} {
		if len(part.fs) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s\n", part.title)
		if err := WriteFactorTable(w, l, part.fs); err != nil {
			return err
		}
	}
	return nil
}

func yearLabel(l lang.Lang, y int) string {
	if y == 0 {
		return l.T("all")
	}
	return strconv.Itoa(y)
}

// diffValue prints an old or new field value; "-" for none.
func diffValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "-"
	case float64:
		return g(x)
	case string:
		if x == "" {
			return "-"
		}
		return reports.Printable(x)
	}
	return fmt.Sprint(v)
}

// signedPct prints a change in %, with its sign, as l writes it (+12.50 %, +12,50 %), or "-"
// when there is none.
func signedPct(l lang.Lang, p *float64) string {
	if p == nil || !l.IsFrench() {
		return signed(p, "%+.2f %%")
	}
	return strings.Replace(fmt.Sprintf("%+.2f", *p), ".", ",", 1) + "\u202f%"
}

// signed prints a change with its sign in format, or "-" when there is none.
func signed(p *float64, format string) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprintf(format, *p)
}
