package emissions

import (
	"fmt"
	"testing"
)

// The list is bounded whether or not the rejected rows are kept; kept, every rejected row's
// message is there, in the order found, past the bound.
func TestProblemsKeepRejected(t *testing.T) {
	for _, keep := range []bool{false, true} {
		t.Run(map[bool]string{false: "bounded", true: "rejected kept"}[keep], func(t *testing.T) {
			ps := Problems{KeepRejected: keep}
			defer ps.Close()
			for i := range MaxPerCause + 7 {
				ps.Errorf("quantity-text", "a.xlsx", "Energy", fmt.Sprint("E", i+2), "text %d", i)
			}
			ps.Warnf("other", "a.xlsx", "Energy", "A1", "one")
			ps.Errorf("config", "a.xlsx", "", "", "no row")
			got := ps.List()
			if len(got) != MaxPerCause+3 || got[len(got)-1].More != 7 {
				t.Errorf("List: %d problems, the last %+v; want %d and a line of 7 more", len(got), got[len(got)-1], MaxPerCause+3)
			}
			var rejected []Rejected
			if err := ps.Rejected().Each(func(r *Rejected) error {
				rejected = append(rejected, *r)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if !keep {
				if len(rejected) != 0 {
					t.Errorf("%d rejected rows kept, want none", len(rejected))
				}
				return
			}
			if len(rejected) != MaxPerCause+7 {
				t.Fatalf("%d rejected rows kept, want %d", len(rejected), MaxPerCause+7)
			}
			for i, r := range rejected {
				want := Rejected{Place: Place{File: "a.xlsx", Sheet: "Energy", Row: i + 2}, Message: fmt.Sprint("text ", i)}
				if r != want {
					t.Fatalf("rejected row %d: %+v, want %+v", i, r, want)
				}
			}
		})
	}
}
