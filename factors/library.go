package factors

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
)

//go:embed library.json
var builtinJSON []byte

// GWP sets the library carries values for.
var GWPSets = []string{"AR5", "AR6"}

// Library is a set of factors indexed by id, each id with its vintages in ascending year.
// Ids are matched by their Key, ignoring case and how accents are encoded: two ids with one Key
// and different spellings cannot coexist.
//
// A vintage may come in several dataset versions (one id and Year, different Published): a
// dataset that revised a year's value in a later edition. Lookup takes, for an activity year,
// the version its inventory was reported with: the latest published by the end of the
// following year. The Restated library takes the latest version of every vintage.
type Library struct {
	byKey map[string][]Factor // by Key; by Year, then Published
	keys  []string            // sorted
	// latest picks the latest version of each vintage (restatement).
	latest bool
	// gwp is the GWP set of a built-in library, which factors of files are recomputed on.
	gwp string
}

// Builtin returns the embedded library for one GWP set ("AR5" or "AR6"): factors that exist
// per GWP set keep that set's entry; factors with a split by gas are recomputed on the set
// (Factor.OnGWP); the others keep their own basis.
func Builtin(gwp string) (*Library, error) {
	gwp = strings.ToUpper(strings.TrimSpace(gwp))
	if !validGWP(gwp) {
		return nil, fmt.Errorf("GWP set %q: want one of %s", gwp, strings.Join(GWPSets, ", "))
	}
	var all []Factor
	if err := json.Unmarshal(builtinJSON, &all); err != nil {
		return nil, fmt.Errorf("embedded factor library: %w", err)
	}
	values, err := gwpValues(all)
	if err != nil {
		return nil, err
	}
	kept := all[:0]
	for _, f := range all {
		if !f.PerGWPSet || f.GWP == gwp {
			kept = append(kept, f.OnGWP(gwp, values))
		}
	}
	l, err := newLibrary(kept)
	if err != nil {
		return nil, err
	}
	l.gwp = gwp
	return l, nil
}

func validGWP(g string) bool {
	for _, s := range GWPSets {
		if g == s {
			return true
		}
	}
	return false
}

func newLibrary(fs []Factor) (*Library, error) {
	l := &Library{byKey: map[string][]Factor{}}
	spelling := map[string]string{}
	for _, f := range fs {
		k := Key(f.ID)
		if s, ok := spelling[k]; ok && s != f.ID {
			return nil, fmt.Errorf("factor ids %s", SameKey(s, f.ID))
		}
		spelling[k] = f.ID
		l.byKey[k] = append(l.byKey[k], f)
	}
	for k, vs := range l.byKey {
		sort.SliceStable(vs, func(i, j int) bool {
			if vs[i].Year != vs[j].Year {
				return vs[i].Year < vs[j].Year
			}
			return vs[i].Published < vs[j].Published
		})
		for i := 1; i < len(vs); i++ {
			if vs[i].Year != vs[i-1].Year {
				continue
			}
			if vs[i].Published == vs[i-1].Published && (vs[i].File != "" || vs[i-1].File != "") {
				other := ""
				if !sameFigures(vs[i], vs[i-1]) {
					other = ", with other figures"
				}
				return nil, fmt.Errorf("factor %q, year %d, published %d is given twice%s: in %s and in %s; keep one, or tell the versions apart by published (factors import --published)",
					vs[i].ID, vs[i].Year, vs[i].Published, other, place(vs[i-1]), place(vs[i]))
			}
			// Without a file, a version of unknown publication beside another is a guess too:
			// a factor file's version may stand beside a vintage whose publication is unknown.
			if vs[i].Published == vs[i-1].Published || (vs[i-1].Published == 0 && vs[i].File == "" && vs[i-1].File == "") {
				return nil, fmt.Errorf("factor %q has two vintages for year %d; to give a dataset's later version of that vintage, give each entry its version and the year it was published (published)", vs[i].ID, vs[i].Year)
			}
		}
		l.keys = append(l.keys, k)
	}
	sort.Strings(l.keys)
	return l, nil
}

// WithCustom returns a library where the given factors are added; an id that the library
// already has loses all its vintages to the custom ones. Several custom entries with one id
// form its vintages.
func (l *Library) WithCustom(custom []Factor) (*Library, error) {
	replaced := map[string]bool{}
	for _, f := range custom {
		replaced[Key(f.ID)] = true
	}
	var fs []Factor
	for _, k := range l.keys {
		if !replaced[k] {
			fs = append(fs, l.byKey[k]...)
		}
	}
	r, err := newLibrary(append(fs, custom...))
	if err != nil {
		return nil, err
	}
	r.latest, r.gwp = l.latest, l.gwp
	return r, nil
}

// WithFiles returns a library where the factors of factor files are added as more vintages
// and versions of their ids: unlike a custom factor, a file never removes a vintage. Only an
// identical id, year and published is an error, naming both places. Factors with a split by
// gas are recomputed on the library's GWP set, as built-in ones are.
func (l *Library) WithFiles(fs []Factor) (*Library, error) {
	if len(fs) == 0 {
		return l, nil
	}
	added := fs
	if l.gwp != "" {
		var err error
		if added, err = OnGWPSet(fs, l.gwp); err != nil {
			return nil, err
		}
	}
	r, err := newLibrary(append(sameVersionsDropped(l.All(), added), added...))
	if err != nil {
		return nil, err
	}
	r.latest, r.gwp = l.latest, l.gwp
	return r, nil
}

// sameVersionsDropped returns have without the versions a file gives again: a factor of the
// same id, year and published with the same unit, value and upstream (to a relative 1e-9), as
// the built-in release imported into a file is. The file's copy stands for it, so that the
// run names the file. A file version that differs from one of have is left to newLibrary,
// which refuses the pair.
func sameVersionsDropped(have, files []Factor) []Factor {
	type version struct {
		key             string
		year, published int
	}
	given := map[version]Factor{}
	for _, f := range files {
		given[version{Key(f.ID), f.Year, f.Published}] = f
	}
	out := have[:0:0]
	for _, f := range have {
		g, ok := given[version{Key(f.ID), f.Year, f.Published}]
		if ok && f.File == "" && sameFigures(f, g) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// sameFigures tells two factors that give the same figures: unit, value and upstream.
func sameFigures(a, b Factor) bool {
	near := func(x, y float64) bool { return math.Abs(x-y) <= 1e-9*math.Max(math.Abs(x), math.Abs(y)) }
	return strings.EqualFold(a.Unit, b.Unit) && near(a.Value, b.Value) && near(a.Upstream, b.Upstream)
}

// OnGWPSet returns fs with each factor recomputed on the GWP set (Factor.OnGWP) with the
// built-in library's GWP values, as Builtin does for its own.
func OnGWPSet(fs []Factor, set string) ([]Factor, error) {
	values, err := BuiltinGWPValues()
	if err != nil {
		return nil, err
	}
	out := make([]Factor, len(fs))
	for i, f := range fs {
		out[i] = f.OnGWP(set, values)
	}
	return out, nil
}

// place names where a factor comes from, for a message.
func place(f Factor) string {
	switch {
	case f.File != "":
		return f.File
	case f.Dataset == "config factors.custom":
		return "config factors.custom"
	}
	return "the built-in library"
}

// Pick says how a vintage was chosen for an activity year.
type Pick int

const (
	PickLatest   Pick = iota // the latest vintage whose year is ≤ the activity's
	PickEarliest             // no vintage that old: the earliest was taken (worth a warning)
)

// Lookup returns the vintage of id that applies to an activity of the given year: the latest
// whose Year ≤ year, or else the earliest. ok is false when the library has no such id. Of a
// vintage's versions it takes the one the year was reported with (see Library), or the latest
// in a Restated library.
func (l *Library) Lookup(id string, year int) (f Factor, pick Pick, ok bool) {
	vs := l.byKey[Key(id)]
	if len(vs) == 0 {
		return Factor{}, 0, false
	}
	i := sort.Search(len(vs), func(i int) bool { return vs[i].Year > year })
	pick = PickLatest
	if i == 0 {
		// No vintage that old: the earliest vintage, whose versions end where its year does.
		pick = PickEarliest
		i = sort.Search(len(vs), func(i int) bool { return vs[i].Year > vs[0].Year })
	}
	return l.version(vs[:i], year), pick, true
}

// version picks, among the versions of the last vintage of vs, the latest one, or for an
// inventory as reported, the latest published by the end of the year after the activity year
// (the earliest version when none was).
func (l *Library) version(vs []Factor, year int) Factor {
	last := len(vs) - 1
	if l.latest {
		return vs[last]
	}
	first := last
	for first > 0 && vs[first-1].Year == vs[last].Year {
		first--
	}
	for j := last; j > first; j-- {
		if vs[j].Published <= year+1 {
			return vs[j]
		}
	}
	return vs[first]
}

// Restated returns the library that restatement computes with: the latest version of every
// vintage, whatever the activity year.
func (l *Library) Restated() *Library {
	r := *l
	r.latest = true
	return &r
}

// HasVersions reports whether some vintage has several dataset versions, so that a
// restatement can differ from the inventory as reported.
func (l *Library) HasVersions() bool {
	for _, vs := range l.byKey {
		for i := 1; i < len(vs); i++ {
			if vs[i].Year == vs[i-1].Year {
				return true
			}
		}
	}
	return false
}

// Vintages returns every vintage of id, oldest first.
func (l *Library) Vintages(id string) []Factor {
	return append([]Factor(nil), l.byKey[Key(id)]...)
}

// All returns every factor, by id then year.
func (l *Library) All() []Factor {
	var out []Factor
	for _, k := range l.keys {
		out = append(out, l.byKey[k]...)
	}
	return out
}

// Suggest returns the known id closest to id, for a "did you mean" hint, or "" when none is
// close enough to help.
func (l *Library) Suggest(id string) string {
	id = Key(id)
	best, bestD := "", len(id)/3+2
	for _, k := range l.keys {
		// The distance is at least the difference in length: a gigantic cell costs nothing.
		if abs(len(id)-len(k)) >= bestD {
			continue
		}
		if d := editDistance(id, k); d < bestD {
			best, bestD = l.byKey[k][0].ID, d
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the Levenshtein distance over bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Lookups remembers the answers of Lookup, for one goroutine that asks for the same few
// factors over many lines (the inventory's tables): a map of the ids asked instead of
// folding and searching each time. It holds one entry per id and year asked.
type Lookups struct {
	lib  *Library
	seen map[lookupKey]*lookedUp
}

type lookupKey struct {
	id   string
	year int
}

type lookedUp struct {
	f    Factor
	pick Pick
	ok   bool
}

// Lookups returns an empty memo of l's Lookup.
func (l *Library) Lookups() *Lookups { return &Lookups{lib: l, seen: map[lookupKey]*lookedUp{}} }

// Lookup is Library.Lookup.
func (m *Lookups) Lookup(id string, year int) (Factor, Pick, bool) {
	k := lookupKey{id, year}
	r := m.seen[k]
	if r == nil {
		r = &lookedUp{}
		r.f, r.pick, r.ok = m.lib.Lookup(id, year)
		m.seen[k] = r
	}
	return r.f, r.pick, r.ok
}
