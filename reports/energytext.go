package reports

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/footprint/footprint/lang"
)

// The E1-5 table's words that package emissions writes in English, as the HTML report and the
// export show them in their language: the rows' labels, the mixes' sources and which
// activities are in high climate impact sectors.

// E15LabelIn is an E1-5 row's label in language l: the label is a catalogue key but for a
// share's " (%)", which T would read as a verb.
func E15LabelIn(l lang.Lang, label string) string {
	if base, ok := strings.CutSuffix(label, " (%)"); ok {
		return l.T(base) + " (%)"
	}
	return l.T(label)
}

// HighImpactScopeIn words emissions.HighImpact's String in l: "every activity", or "poles
// Paint, Body; sites Flins".
func HighImpactScopeIn(l lang.Lang, s string) string {
	if s == "every activity" {
		return l.T("every activity")
	}
	parts := strings.Split(s, "; ")
	for i, p := range parts {
		if rest, ok := strings.CutPrefix(p, "poles "); ok {
			parts[i] = l.T("poles %s", rest)
		} else if rest, ok := strings.CutPrefix(p, "sites "); ok {
			parts[i] = l.T("sites %s", rest)
		}
	}
	return strings.Join(parts, "; ")
}

// The forms of an E1-5 mix source (emissions.EnergyYear.MixSources): a configured mix, or a
// country's published generation mix for grid electricity, its own year's or the nearest
// one's, with its OWID/Ember citation.
var (
	mixConfigured = regexp.MustCompile(`^(energy\.(?:electricity|heat)_mix) (\d{4}): (.*)$`)
	mixGrid       = regexp.MustCompile(`^grid electricity (\d{4}), (.*)$`)
	mixPublished  = regexp.MustCompile(`^(.+?), published generation mix: (.*)$`)
	mixNearest    = regexp.MustCompile(`^(.+?), no generation mix published for (\d{4}), the (latest|earliest) \((\d{4})\) is used: (.*)$`)
	mixOWID       = regexp.MustCompile(`^OWID/Ember generation mix, (.+) (\d{4}) \(electricity-prod-source-stacked\.csv line (\d+): fossil ([0-9.e+]+), nuclear ([0-9.e+]+), renewable ([0-9.e+]+) TWh\); (.*)$`)
)

// MixSourceIn words a mix source of the E1-5 table in l, its figures as l writes them. The
// source a config gives and the dataset's attribution stay as written (a licence name such as
// CC BY 4.0 is not a figure); a source in another form is returned as it is.
func MixSourceIn(l lang.Lang, s string) string {
	if m := mixConfigured.FindStringSubmatch(s); m != nil {
		return l.T("%s %v: %s", m[1], year4(m[2]), m[3])
	}
	if m := mixGrid.FindStringSubmatch(s); m != nil {
		return l.T("grid electricity %v, %s", year4(m[1]), publishedMixIn(l, m[2]))
	}
	return publishedMixIn(l, s)
}

func publishedMixIn(l lang.Lang, s string) string {
	if m := mixNearest.FindStringSubmatch(s); m != nil {
		if m[3] == "earliest" {
			return l.T("%s, no generation mix published for %v, the earliest (%v) is used: %s", m[1], year4(m[2]), year4(m[4]), owidIn(l, m[5]))
		}
		return l.T("%s, no generation mix published for %v, the latest (%v) is used: %s", m[1], year4(m[2]), year4(m[4]), owidIn(l, m[5]))
	}
	if m := mixPublished.FindStringSubmatch(s); m != nil {
		return l.T("%s, published generation mix: %s", m[1], owidIn(l, m[2]))
	}
	return s
}

// owidIn words factors.GenerationMix's Source in l.
func owidIn(l lang.Lang, s string) string {
	m := mixOWID.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	twh := func(s string) string {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || strings.ContainsAny(s, "e") {
			return s
		}
		digits := 0
		if i := strings.IndexByte(s, '.'); i >= 0 {
			digits = len(s) - i - 1
		}
		return l.Num(v, digits)
	}
	line, _ := strconv.Atoi(m[3])
	return l.T("OWID/Ember generation mix, %s %v (electricity-prod-source-stacked.csv line %v: fossil %s, nuclear %s, renewable %s TWh); %s",
		m[1], year4(m[2]), lang.Plain(line), twh(m[4]), twh(m[5]), twh(m[6]), m[7])
}

// year4 is a year the patterns above matched as four digits.
func year4(s string) lang.Year { y, _ := strconv.Atoi(s); return lang.Year(y) }
