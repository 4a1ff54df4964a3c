package emissions

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// problemEvent is a problem a workbook's reading adds: key != "" for a warning given once
// per key.
type problemEvent struct {
	key string
	p   Problem
}

// randomProblems are n problems over a few causes, places and once-per-key warnings (of
// keys distinct keys), some of them over the bound of their cause.
func randomProblems(r *rand.Rand, n, keys int) []problemEvent {
	var out []problemEvent
	for range n {
		place := fmt.Sprint("S", r.IntN(4))
		switch k := r.IntN(10); {
		case k == 0 || keys > 100 && k < 3:
			out = append(out, problemEvent{key: fmt.Sprint("k", r.IntN(keys)), p: Problem{Severity: SeverityWarning, File: "F", Sheet: place, Cause: "vintage", Message: "once"}})
		case k < 4:
			out = append(out, problemEvent{p: Problem{Severity: SeverityError, File: "F", Sheet: place, Cell: fmt.Sprint("E", 2+r.IntN(50)), Cause: "unit", Message: fmt.Sprint(r.IntN(1e6))}})
		case k < 6:
			// a place seen only now and then
			out = append(out, problemEvent{p: Problem{Severity: SeverityWarning, File: "G", Sheet: place, Cause: "hidden", Message: "w"}})
		default:
			out = append(out, problemEvent{p: Problem{Severity: SeverityError, File: "F", Sheet: place, Cause: "quantity", Message: "q"}})
		}
	}
	return out
}

// problemsView is everything Problems tells.
type problemsView struct {
	List                    []Problem
	ByPlace                 []PlaceCount
	Errors, Warnings, Fatal int
	Rejected                []Rejected
}

func viewOf(ps *Problems) problemsView {
	v := problemsView{List: ps.List(), ByPlace: ps.ByPlace(), Errors: ps.Errors(), Warnings: ps.Warnings(), Fatal: ps.Fatal()}
	if err := ps.Rejected().Each(func(r *Rejected) error {
		v.Rejected = append(v.Rejected, *r)
		return nil
	}); err != nil {
		v.Rejected = []Rejected{{Message: err.Error()}}
	}
	return v
}

// The problems of workbooks read apart, joined, are those of the workbooks read one after the
// other: the same list, bounds, counts and places in the same order, the warnings given once
// per key kept only when no workbook before gave them.
func TestProblemsJoinAsOneAfterTheOther(t *testing.T) {
	for seed := range uint64(40) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 7))
			// up to 4 workbooks, up to 2,500 problems each: the bounds are crossed in any of them
			// and in a third of the runs, so many once-per-key warnings that they are bounded too
			keys := []int{6, 20, 3000}[seed%3]
			workbooks := make([][]problemEvent, 1+r.IntN(4))
			for i := range workbooks {
				workbooks[i] = randomProblems(r, r.IntN(5000), keys)
			}
			keep := seed%5 == 4

			want := &Problems{KeepRejected: keep}
			given := map[string]bool{}
			for _, wb := range workbooks {
				local := &Problems{KeepRejected: keep}
				seen := map[string]bool{}
				for _, e := range wb {
					if e.key != "" {
						if given[e.key] || seen[e.key] {
							continue
						}
						seen[e.key] = true
					}
					local.Add(e.p)
				}
				for k := range seen {
					given[k] = true
				}
				want.Merge(local)
			}

			got := &Problems{KeepRejected: keep}
			given = map[string]bool{}
			for _, wb := range workbooks {
				// as the workbook reader does: the workbook's problems, merged into its input's
				local, branch := &Problems{KeepRejected: keep}, &Problems{KeepRejected: keep}
				seen := map[string]bool{}
				for _, e := range wb {
					if e.key != "" {
						if seen[e.key] {
							continue
						}
						seen[e.key] = true
						local.addOnce(e.key, e.p)
						continue
					}
					local.Add(e.p)
				}
				branch.Merge(local)
				got.merge(branch, func(k string) bool { return given[k] })
				for k := range seen {
					given[k] = true
				}
			}
			if g, w := viewOf(got), viewOf(want); !reflect.DeepEqual(g, w) {
				t.Errorf("joined:\n%+v\nwant (one after the other):\n%+v", g.ByPlace, w.ByPlace)
				for i := range min(len(g.List), len(w.List)) {
					if g.List[i] != w.List[i] {
						t.Fatalf("problem %d: %+v, want %+v", i, g.List[i], w.List[i])
					}
				}
				t.Fatalf("%d problems, want %d; %d errors, want %d; %d warnings, want %d", len(g.List), len(w.List), g.Errors, w.Errors, g.Warnings, w.Warnings)
			}
		})
	}
}

// A place first seen at a warning given once per key comes where that warning is when the
// warning is kept, and where its next problem is when it is dropped.
func TestProblemsJoinPlaceOfOnceWarning(t *testing.T) {
	warn := Problem{Severity: SeverityWarning, File: "F", Sheet: "Energy", Cause: "vintage"}
	errEnergy := Problem{Severity: SeverityError, File: "F", Sheet: "Energy", Cause: "unit"}
	errOther := Problem{Severity: SeverityError, File: "F", Sheet: "Other", Cause: "unit"}
	for _, tt := range []struct {
		given bool
		want  []PlaceCount
	}{
		{false, []PlaceCount{{File: "F", Sheet: "Energy", Errors: 1, Warnings: 1}, {File: "F", Sheet: "Other", Errors: 1}}},
		{true, []PlaceCount{{File: "F", Sheet: "Other", Errors: 1}, {File: "F", Sheet: "Energy", Errors: 1}}},
	} {
		o := &Problems{}
		o.addOnce("k", warn)
		o.Add(errOther)
		o.Add(errEnergy)
		ps := &Problems{}
		ps.merge(o, func(string) bool { return tt.given })
		if got := ps.ByPlace(); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("given before %v: places %+v, want %+v", tt.given, got, tt.want)
		}
		if n := len(ps.List()); n != 3 && !tt.given || n != 2 && tt.given {
			t.Errorf("given before %v: %d problems listed", tt.given, n)
		}
	}
}
