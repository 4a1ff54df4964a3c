package config

import (
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/footprint/footprint/lang"
)

// Every number of the configuration is checked against the range its key can sensibly hold,
// before anything is computed with it: a typing slip such as growth_pct: 1e300 would otherwise
// carry through the projection to an infinite figure far from the key that caused it. The
// checks of each section (validate.go) say more about the keys they know; these bounds catch
// what is absurd in any key, each error naming the key and its line in the file.

// bound is the range of one key: from min to max, both included unless open says the min is
// excluded; zero, when zeroOK, stands for "not given" whatever the range.
type bound struct {
	min, max float64
	open     bool
	zeroOK   bool
	what     string // what the key is, for the message
}

var (
	yearBound    = bound{min: 1900, max: 2200, zeroOK: true, what: lang.Key("a year")}
	pctBound     = bound{min: 0, max: 100, what: lang.Key("a percentage")}
	uncertBound  = bound{min: 0, max: maxUncertaintyPct, what: lang.Key("an uncertainty in %%")}
	tonnesBound  = bound{min: 0, max: 1e12, what: lang.Key("tCO2e")}
	factorBound  = bound{min: -1e9, max: 1e9, what: lang.Key("kgCO2e per unit")}
	moneyBound   = bound{min: 0, max: 1e15, what: lang.Key("an amount")}
	smallIntBnd  = bound{min: 0, max: 15, what: lang.Key("a scope or category number")}
	anyNumberBnd = bound{min: -1e15, max: 1e15, what: lang.Key("a number")}
)

// bounds are the ranges by key, list indexes written [].
var bounds = map[string]bound{
	"reporting_year":                                    yearBound,
	"freshness_years":                                   {min: 0, max: 100, what: lang.Key("a number of years")},
	"uncertainty_default_pct":                           uncertBound,
	"quality.measured":                                  uncertBound,
	"quality.calculated":                                uncertBound,
	"quality.estimated":                                 uncertBound,
	"factors.custom[].value":                            factorBound,
	"factors.custom[].upstream":                         factorBound,
	"factors.custom[].biogenic_co2":                     factorBound,
	"factors.custom[].uncertainty_pct":                  uncertBound,
	"factors.custom[].pcs_per_pci":                      {min: 0, max: 2, zeroOK: true, what: lang.Key("a ratio of calorific values")},
	"factors.custom[].energy_mwh":                       {min: 0, max: 1e12, what: lang.Key("MWh")},
	"factors.custom[].scope":                            smallIntBnd,
	"factors.custom[].category":                         smallIntBnd,
	"factors.custom[].year":                             yearBound,
	"factors.custom[].published":                        yearBound,
	"factors.custom[].data_year":                        yearBound,
	"scope2.residual_mix[].year":                        yearBound,
	"scope2.residual_mix[].value":                       {min: 0, max: 10, what: lang.Key("kgCO2e/kWh")},
	"trajectory.base_year":                              yearBound,
	"trajectory.target_year":                            yearBound,
	"trajectory.targets[].scopes[]":                     smallIntBnd,
	"trajectory.targets[].reduction_pct":                pctBound,
	"trajectory.targets[].milestones[].year":            yearBound,
	"trajectory.targets[].milestones[].reduction_pct":   pctBound,
	"trajectory.targets[].start_year":                   yearBound,
	"trajectory.levers[].reduction_pct":                 pctBound,
	"trajectory.levers[].start_year":                    yearBound,
	"trajectory.levers[].full_year":                     yearBound,
	"trajectory.levers[].cost_eur_per_tco2e":            {min: -1e6, max: 1e6, what: lang.Key("EUR per tCO2e")},
	"trajectory.levers[].adds[].per_unit_removed":       {min: 0, max: 1e9, what: lang.Key("units added per unit removed")},
	"trajectory.projection.growth_pct":                  {min: -100, max: 100, open: true, what: lang.Key("a change of activity per year in %%")},
	"trajectory.neutrality.year":                        yearBound,
	"trajectory.neutrality.scopes[]":                    smallIntBnd,
	"trajectory.neutrality.scope3_categories[]":         smallIntBnd,
	"trajectory.neutrality.credits[].year":              yearBound,
	"trajectory.neutrality.credits[].tco2e":             tonnesBound,
	"trajectory.neutrality.credits[].vintage":           yearBound,
	"trajectory.neutrality.credits[].durability_years":  {min: 0, max: 1e6, what: lang.Key("a number of years")},
	"trajectory.neutrality.credits[].price_eur":         moneyBound,
	"trajectory.neutrality.removals[].year":             yearBound,
	"trajectory.neutrality.removals[].tco2e":            tonnesBound,
	"trajectory.neutrality.removals[].durability_years": {min: 0, max: 1e6, what: lang.Key("a number of years")},
	"trajectory.base_year_policy.significance_pct":      pctBound,
	"trajectory.base_year_policy.events[].year":         yearBound,
	"intensity[].values[].year":                         yearBound,
	"intensity[].values[].value":                        moneyBound,
	"organisation.entities[].equity_pct":                pctBound,
	"esrs.scope3.included[].category":                   smallIntBnd,
	"esrs.scope3.excluded[].category":                   smallIntBnd,
	"energy.electricity_mix[].year":                     yearBound,
	"energy.electricity_mix[].fossil_pct":               pctBound,
	"energy.electricity_mix[].nuclear_pct":              pctBound,
	"energy.electricity_mix[].renewable_pct":            pctBound,
	"energy.heat_mix[].year":                            yearBound,
	"energy.heat_mix[].fossil_pct":                      pctBound,
	"energy.heat_mix[].nuclear_pct":                     pctBound,
	"energy.heat_mix[].renewable_pct":                   pctBound,
	"revenue[].year":                                    yearBound,
	"revenue[].value_eur":                               moneyBound,
}

var (
	listIndex   = regexp.MustCompile(`\[\d+\]`)
	customIndex = regexp.MustCompile(`^factors\.custom\[(\d+)\]`)
)

// validateBounds checks every number of c against its key's bound (anyNumberBnd for a key
// the table does not have); data is the file, to say on which line a key is.
func (c *Config) validateBounds(data []byte, l lang.Lang, bad func(key, format string, args ...any)) {
	checkBounds(reflect.ValueOf(c).Elem(), "", keyLines(data, reflect.TypeOf(Config{})), func(key string, line int, v float64, b bound) {
		at := key
		if line > 0 {
			at = tr(l, lang.Key("line %d: %s"), line, key)
		}
		if m := customIndex.FindStringSubmatch(key); m != nil {
			i, _ := strconv.Atoi(m[1])
			at += l.T(" (factor %q)", c.Factors.Custom[i].ID)
		}
		bad(at, lang.Key("%v is out of range: want %s"), v, b)
	})
}

// checkBounds calls out for every number of v out of its key's bound, with the key as the
// document writes it and its line (0 when unknown); boundKey is the key v stands for in the
// bounds table ("factors.custom" for a factor file's list).
func checkBounds(v reflect.Value, boundKey string, lines map[string]int, out func(key string, line int, v float64, b bound)) {
	numbers(v, "", func(key string, x float64) {
		b, ok := bounds[boundKey+listIndex.ReplaceAllString(key, "[]")]
		if !ok {
			b = anyNumberBnd
		}
		if !b.holds(x) {
			out(key, lines[key], x, b)
		}
	})
}

func (b bound) holds(v float64) bool {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return false
	case b.zeroOK && v == 0:
		return true
	case b.open && v <= b.min:
		return false
	}
	return v >= b.min && v <= b.max
}

func (b bound) String() string { return b.text(lang.English) }

// text says the range in l's words.
func (b bound) text(l lang.Lang) string {
	from, to := strconv.FormatFloat(b.min, 'g', -1, 64), strconv.FormatFloat(b.max, 'g', -1, 64)
	s := l.T("%s from %s to %s", l.T(b.what), from, to)
	if b.open {
		s = l.T("%s above %s to %s", l.T(b.what), from, to)
	}
	if b.zeroOK {
		s += l.T(" (or 0 for none)")
	}
	return s
}

// numbers calls f with the key and value of every number in v, a configuration struct,
// keys as the file writes them (trajectory.levers[2].reduction_pct).
func numbers(v reflect.Value, key string, f func(key string, v float64)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			numbers(v.Elem(), key, f)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("mapstructure"), ",")
			if name != "" && name != "-" {
				numbers(v.Field(i), join(key, name), f)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			numbers(v.Index(i), key+"["+strconv.Itoa(i)+"]", f)
		}
	case reflect.Int, reflect.Int64:
		f(key, float64(v.Int()))
	case reflect.Float64:
		f(key, v.Float())
	}
}

// keyLines maps the keys of a document of type t (a configuration file, a factor file) to
// their lines.
func keyLines(data []byte, t reflect.Type) map[string]int {
	out := map[string]int{}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return out
	}
	places := map[int][]yamlPlace{}
	walkYAML(doc.Content[0], "", t, places)
	for line, ps := range places {
		for _, p := range ps {
			out[p.path] = line
		}
	}
	return out
}
