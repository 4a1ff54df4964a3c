package text

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// WriteFactorDiff prints `factors diff`: the changed fields, then the factors added and
// archived; weighed adds the tCO2e each change moves in the inventory (--used-by).
func WriteFactorDiff(w io.Writer, d factors.Diff, weighed bool) error {
	fmt.Fprintf(w, "changed: %d field(s); added: %d factor(s); archived: %d factor(s)\n", len(d.Changed), len(d.Added), len(d.Archived))
	if len(d.Changed) > 0 {
		fmt.Fprintln(w, "\nCHANGED")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		head := "ID\tYEAR\tFIELD\tOLD\tNEW\tCHANGE"
		if weighed {
			head += "\tTCO2E MOVED"
		}
		fmt.Fprintln(tw, head)
		for _, c := range d.Changed {
			line := fmt.Sprintf("%s\t%s\t%s\t%s\t%s\t%s", reports.Printable(c.ID), yearLabel(c.Year), c.Field, diffValue(c.Old), diffValue(c.New), signed(c.ChangePct, "%+.2f %%"))
			if weighed {
				line += "\t" + signed(c.TCO2eMoved, "%+.3f")
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
	}{{"ADDED", d.Added}, {"ARCHIVED", d.Archived}} {
		if len(part.fs) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s\n", part.title)
		if err := WriteFactorTable(w, lang.English, part.fs); err != nil {
			return err
		}
	}
	return nil
}

func yearLabel(y int) string {
	if y == 0 {
		return "all"
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

// signed prints a change with its sign in format, or "-" when there is none.
func signed(p *float64, format string) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprintf(format, *p)
}
