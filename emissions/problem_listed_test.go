package emissions

import "testing"

// Listed bounds what is printed whether or not every problem is kept; List keeps them all
// when asked to.
func TestProblemsListed(t *testing.T) {
	for _, unbounded := range []bool{false, true} {
		t.Run(map[bool]string{false: "bounded", true: "unbounded"}[unbounded], func(t *testing.T) {
			ps := Problems{Unbounded: unbounded}
			for range MaxPerCause + 7 {
				ps.Errorf("quantity-text", "a.xlsx", "Energy", "E2", "text")
			}
			ps.Warnf("other", "a.xlsx", "Energy", "A1", "one")
			got := ps.Listed()
			if len(got) != MaxPerCause+2 || got[len(got)-1].More != 7 {
				t.Errorf("Listed: %d problems, the last %+v; want %d and a line of 7 more", len(got), got[len(got)-1], MaxPerCause+2)
			}
			if all := ps.List(); unbounded && len(all) != MaxPerCause+8 {
				t.Errorf("List of an unbounded set: %d problems, want all %d", len(all), MaxPerCause+8)
			}
		})
	}
}
