package factors

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// GWPBases are the GWP sets a factor's value may rest on. AR4 remains in some published
// datasets (DESNZ material use, the EPA Hub's waste table); the configured set is one of
// GWPSets.
var GWPBases = []string{"AR4", "AR5", "AR6"}

// ValidGWPBasis reports whether g names a GWP basis a factor may state ("" is no basis).
func ValidGWPBasis(g string) bool {
	for _, s := range GWPBases {
		if g == s {
			return true
		}
	}
	return false
}

// GWPValues are the GWP100 values a split by gas is recomputed with, for one set: methane of
// fossil and of non-fossil origin, methane whose origin a source does not state (the value
// such sources multiplied by), and nitrous oxide. CO2 is 1 in every set.
type GWPValues struct {
	CH4, CH4Fossil, CH4NonFossil, N2O float64
}

// gwpIDs are the library factors that give GWPValues, one entry per GWP set: the recompute
// takes its numbers from the published rows these cite, never from constants here.
var gwpIDs = map[string]func(*GWPValues) *float64{
	"ghg.ch4":            func(v *GWPValues) *float64 { return &v.CH4 },
	"ghg.ch4.fossil":     func(v *GWPValues) *float64 { return &v.CH4Fossil },
	"ghg.ch4.non-fossil": func(v *GWPValues) *float64 { return &v.CH4NonFossil },
	"ghg.n2o":            func(v *GWPValues) *float64 { return &v.N2O },
}

// BuiltinGWPValues are the GWPValues of each set of GWPSets, from the embedded library: what
// Builtin recomputes with, for factors that enter the library another way (imported files).
func BuiltinGWPValues() (map[string]GWPValues, error) {
	var all []Factor
	if err := json.Unmarshal(builtinJSON, &all); err != nil {
		return nil, fmt.Errorf("embedded factor library: %w", err)
	}
	return gwpValues(all)
}

// gwpValues gathers GWPValues per set from the library's per-set gas factors; every set of
// GWPSets must be complete.
func gwpValues(fs []Factor) (map[string]GWPValues, error) {
	out := map[string]GWPValues{}
	for _, f := range fs {
		field, ok := gwpIDs[f.ID]
		if !ok || !f.PerGWPSet {
			continue
		}
		v := out[f.GWP]
		*field(&v) = f.Value
		out[f.GWP] = v
	}
	for _, set := range GWPSets {
		v := out[set]
		if v.CH4 <= 0 || v.CH4Fossil <= 0 || v.CH4NonFossil <= 0 || v.N2O <= 0 {
			return nil, fmt.Errorf("embedded factor library: the %s GWPs of CH4 (plain, fossil, non-fossil) and N2O are not all there", set)
		}
	}
	return out, nil
}

// OnGWP returns f recomputed on the GWP set: the CH4 and N2O of its split by gas are turned
// back into masses with the GWPs of its basis and multiplied by those of set; the value
// changes by the difference. Fossil and non-fossil methane take their own GWPs; methane whose
// origin the source does not state takes the fossil one in the new set. The upstream part,
// published without a split, keeps its basis (UpstreamGWP).
//
// f is returned as it is when it has no split, rests on no stated basis, already rests on set,
// exists per set, or when a set's values are not in values.
func (f Factor) OnGWP(set string, values map[string]GWPValues) Factor {
	from, okFrom := values[f.GWP]
	to, okTo := values[set]
	if f.Gases == nil || f.PerGWPSet || f.GWP == "" || f.GWP == set || !okFrom || !okTo {
		return f
	}
	g := *f.Gases
	unstated := g.CH4 - g.CH4Fossil - g.CH4Biogenic
	fossil := g.CH4Fossil / from.CH4Fossil * to.CH4Fossil
	bio := g.CH4Biogenic / from.CH4NonFossil * to.CH4NonFossil
	other := unstated / from.CH4 * to.CH4Fossil
	n2o := g.N2O / from.N2O * to.N2O
	ch4 := fossil + bio + other
	delta := ch4 - g.CH4 + n2o - g.N2O
	var how []string
	if g.CH4Fossil != 0 {
		how = append(how, fmt.Sprintf("CH4 fossil × %s/%s", num(to.CH4Fossil), num(from.CH4Fossil)))
	}
	if g.CH4Biogenic != 0 {
		how = append(how, fmt.Sprintf("CH4 non-fossil × %s/%s", num(to.CH4NonFossil), num(from.CH4NonFossil)))
	}
	if unstated > 1e-15 {
		how = append(how, fmt.Sprintf("CH4 of unstated origin × %s/%s (taken as fossil)", num(to.CH4Fossil), num(from.CH4)))
	}
	if g.N2O != 0 {
		how = append(how, fmt.Sprintf("N2O × %s/%s", num(to.N2O), num(from.N2O)))
	}
	g.CH4, g.CH4Fossil, g.CH4Biogenic, g.N2O = roundSig(ch4), roundSig(fossil), roundSig(bio), roundSig(n2o)
	if f.Upstream != 0 && f.UpstreamGWP == "" {
		f.UpstreamGWP = f.GWP
	}
	if len(how) == 0 {
		how = append(how, "CO2 only, the same in every set")
	}
	f.Derivation = strings.TrimPrefix(f.Derivation+fmt.Sprintf("; recomputed from %s to %s by gas: %s", f.GWP, set, strings.Join(how, ", ")), "; ")
	f.Value, f.Gases, f.GWP = roundSig(f.Value+delta), &g, set
	return f
}

// UpstreamBasis is the GWP basis of the factor's upstream part.
func (f Factor) UpstreamBasis() string {
	if f.UpstreamGWP != "" {
		return f.UpstreamGWP
	}
	return f.GWP
}

func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// roundSig rounds to 12 significant digits, as the generator writes library values: a ratio of
// GWPs then prints as a person would compute it.
func roundSig(v float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	return r
}
