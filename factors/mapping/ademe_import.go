package mapping

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/factors/datasets"
	"github.com/footprint/footprint/lang"
)

// Left is an element or a library factor that a release imported at run time gives no factor
// for, and why. Reasons are few and fixed, so that an import can count them.
type Left struct {
	Reason string // a catalogue key (lang.Key), English text formatted with Args
	Args   []any
	Place  string // the element and its row ("element 20591, line 1234"), or the library id and why
	// Element and Line are the element and its line when Place names one, so that an import
	// can name them in its own language.
	Element string
	Line    int
}

// ADEMERelease builds the factors of a Base Carbone release imported at run time: every
// factor of the library drawn from ADEME that the release can build, under the library's id,
// with the values ADEME builds (the built-in release gives the built-in factors), except the
// GWPs of gases, which the library keeps per GWP set and a factor file cannot; and every
// other valid element as ademe.<element id>, whole or split as ademeCategories says. What
// gives no factor is in left: library factors the release cannot build (an element it lacks
// or has changed), and elements whose scope cannot be told or whose unit footprint does not
// convert.
func ADEMERelease(a *datasets.ADEME, rel Release) (fs []factors.Factor, left []Left, err error) {
	s := &sources{ademe: a, ademeRel: rel}
	used := map[string]bool{}
	for _, e := range entries() {
		if !fromADEME(e) {
			continue
		}
		if e.GWP != "" {
			// A gas's GWP exists once per GWP set; a factor file holds one value per id.
			if el := ademeElement(e.From); el != "" {
				used[el] = true
			}
			left = append(left, Left{Reason: lang.Key("GWPs of gases (the library keeps one per GWP set)"), Place: e.ID})
			continue
		}
		f, err := e.build(s)
		if err != nil {
			left = append(left, Left{Reason: lang.Key("library factors this release cannot build"), Place: fmt.Sprintf("%s: %v", e.ID, err)})
			continue
		}
		used[f.SourceID] = true
		fs = append(fs, f)
	}
	if fs, err = sorted(fs); err != nil {
		return nil, nil, err
	}
	for _, id := range a.Order {
		if used[id] {
			continue
		}
		el := a.Elements[id]
		f, why, err := ademeElementFactor(a, el, rel)
		if err != nil {
			return nil, nil, err
		}
		if why.Reason != "" {
			why.Place, why.Element, why.Line = fmt.Sprintf("element %s, %s", el.ID, a.Row(el.Line)), el.ID, el.Line
			left = append(left, why)
			continue
		}
		fs = append(fs, f)
	}
	return fs, left, nil
}

// ademeCategory says what the elements of one ADEME category become: a scope and category,
// and how the element's postes split into the scope part and the upstream part. skip, when
// set, says why the category's elements are not imported.
type ademeCategory struct {
	prefix     string // of "Code de la catégorie", by " > " parts
	scope, cat int
	split      *adSplit // scope and upstream postes; nil: the element whole
	carrier    string
	class      string // ESRS E1-5 energy class, for energy in net calorific value
	skip       string
}

// ademeCategories is the table of ADEME categories to scopes for elements the library does not
// map, most specific first; a category not in it is left out, since its scope cannot be told.
// It is conservative: a fuel or an electricity mix comes in only with ADEME's split of its
// postes, so that upstream emissions never land in Scope 1 or 2; purchases of equipment,
// buildings, furniture and vehicles are capital goods (Scope 3 category 2), other purchases
// category 1; transport of goods is category 4 (upstream transportation), of people category 6
// (business travel: a workbook row may name another category for commuting).
var ademeCategories = []ademeCategory{
	{prefix: "Combustibles > Caractéristiques physiques", skip: lang.Key("physical properties of fuels (not emission factors)")},
	{prefix: "Combustibles > Fossiles", scope: 1, split: &adSplit{scope: []string{"Combustion"}, upstream: []string{"Amont"}},
		carrier: factors.CarrierFuel, class: factors.EnergyFossil},
	{prefix: "Combustibles > Organiques", scope: 1, split: &adSplit{scope: []string{"Combustion"}, upstream: []string{"Amont"}},
		carrier: factors.CarrierFuel, class: factors.EnergyRenewable},
	{prefix: "Combustibles", skip: lang.Key("fuels of a category footprint does not know")},
	{prefix: "Electricité", scope: 2, split: &adSplit{scope: []string{"Combustion à la centrale"}, upstream: []string{"Amont", "Transport et distribution"}},
		carrier: factors.CarrierElectricity, class: factors.EnergyElectric},
	{prefix: "Réseaux de chaleur / froid", skip: lang.Key("heat and cold networks (ADEME gives no split of upstream, which Scope 2 needs)")},
	{prefix: "Transport de marchandises", scope: 3, cat: 4},
	{prefix: "Transport de personnes", scope: 3, cat: 6},
	{prefix: "Achats de biens > Bâtiments", scope: 3, cat: 2},
	{prefix: "Achats de biens > Machines et équipements", scope: 3, cat: 2},
	{prefix: "Achats de biens > Mobilier", scope: 3, cat: 2},
	{prefix: "Achats de biens > Véhicules", scope: 3, cat: 2},
	{prefix: "Achats de biens", scope: 3, cat: 1},
	{prefix: "Achats de services", scope: 3, cat: 1},
	{prefix: "Traitement des déchets", scope: 3, cat: 5},
	{prefix: "Process et émissions fugitives > Réfrigération", skip: lang.Key("refrigerants (leaks are computed from the GWP sets)")},
	{prefix: "Process et émissions fugitives > PRG", skip: lang.Key("GWP tables (footprint takes GWPs from the IPCC sets)")},
	{prefix: "PRG", skip: lang.Key("GWP tables (footprint takes GWPs from the IPCC sets)")},
	{prefix: "Statistiques territoriales", skip: lang.Key("territorial statistics (not emission factors)")},
	{prefix: "UTCF", skip: lang.Key("land use and forestry (not an activity's factor)")},
}

func ademeCategoryOf(path string) (ademeCategory, bool) {
	for _, c := range ademeCategories {
		if path == c.prefix || strings.HasPrefix(path, c.prefix) {
			return c, true
		}
	}
	return ademeCategory{}, false
}

// ademeUnitWords are ADEME's French unit words (after "kgCO2e/") the unit parser does not read.
var ademeUnitWords = map[string]string{
	"litre": "L", "Litre": "L", "tonne": "t", "tonne de déchets": "t", "kg de poids net": "kg", "Kg": "kg",
	"passager.km": "passenger.km", "tonne.km": "t.km", "m³": "m3", "kWh (PCI)": "kWh PCI", "kWhPCI": "kWh PCI",
}

// importSpendUnit is a spend-based ratio with its price year (as spendUnit, which the library's
// table uses).
var importSpendUnit = spendUnit

var emissionPrefix = regexp.MustCompile(`^(?i)kgCO2e/`)

// ademeImportUnit is the product unit of ADEME's unit text, with the price year of a
// spend-based ratio; "" when footprint cannot convert quantities to it.
func ademeImportUnit(text string) (unit string, priceYear int) {
	if m := importSpendUnit.FindStringSubmatch(text); m != nil {
		y, _ := strconv.Atoi(m[1])
		return "k€", y
	}
	if !emissionPrefix.MatchString(text) {
		return "", 0
	}
	u := strings.TrimSpace(emissionPrefix.ReplaceAllString(text, ""))
	if w, ok := ademeUnitWords[u]; ok {
		u = w
	}
	p, err := factors.ParseUnit(u)
	if err != nil || p.Dim == factors.Opaque || p.Dim == factors.Emissions || p.Dim == factors.Money {
		return "", 0
	}
	return u, 0
}

// ademeElementFactor builds ademe.<id> from an element the library does not map, or says in
// why.Reason why it gives none.
func ademeElementFactor(a *datasets.ADEME, el *datasets.ADEMEElement, rel Release) (f factors.Factor, why Left, err error) {
	c, ok := ademeCategoryOf(el.Category)
	switch {
	case !ok:
		top, _, _ := strings.Cut(el.Category, " > ")
		return f, Left{Reason: lang.Key("category %q (scope cannot be told)"), Args: []any{top}}, nil
	case c.skip != "":
		return f, Left{Reason: c.skip}, nil
	}
	unit, priceYear := ademeImportUnit(el.Unit)
	if unit == "" {
		return f, Left{Reason: lang.Key("unit footprint does not convert")}, nil
	}
	total, err := a.Num(el.ADEMELine, "Total poste non décomposé", el.Total)
	if err != nil {
		return f, Left{}, err
	}
	if total < 0 {
		return f, Left{Reason: lang.Key("negative value (avoided emissions, reported apart by the library's own factors)")}, nil
	}
	f = factors.Factor{ID: "ademe." + el.ID, Name: ademeNameEN(el), NameFR: el.Name(), Tags: importTags(el),
		Unit: unit, Scope: c.scope, Category: c.cat, Kind: factors.KindEmission, Carrier: c.carrier,
		Source:  fmt.Sprintf("ADEME Base Carbone %s, element %s (%s)", rel.Version, el.ID, el.Name()),
		Dataset: ademeDataset, Version: rel.Version, Published: rel.Published, SourceID: el.ID, License: ademeLicense,
		GWP: ademeGWP}
	if f.DataYear, err = el.DataYear(); err != nil {
		return f, Left{Reason: lang.Key("names several years")}, nil
	}
	if f.DataYear == 0 {
		if f.DataYear, err = ademeDataYear(el); err != nil || f.DataYear == 0 {
			return f, Left{Reason: lang.Key("no data year (neither its name nor its dates state one)")}, nil
		}
	}
	if f.UncertaintyPct, err = a.Uncertainty(el); err != nil {
		return f, Left{}, err
	}
	f.Region = datasets.ADEMERegions[el.Location]
	if f.Region == "" {
		f.Region = strings.Trim(el.Location+" / "+el.SubLocation, " /")
	}
	if f.Region == "" {
		f.Region = "World"
	}
	if priceYear != 0 {
		f.SpendBased, f.DataYear = true, priceYear
		f.Source += fmt.Sprintf(", %s (euros of %d)", el.Unit, priceYear)
	}
	if c.split == nil {
		f.Value = total
		if g, ok := a.GasSplit([]datasets.ADEMELine{el.ADEMELine}, total); ok {
			f.Gases = ademeGases(g)
		}
	} else if reason, err := ademeImportSplit(a, el, *c.split, total, &f); reason != "" || err != nil {
		return f, Left{Reason: reason}, err
	}
	if u, err := factors.ParseUnit(f.Unit); err == nil && c.class != "" && u.Dim == factors.Energy && (u.Basis == factors.Net || c.carrier == factors.CarrierElectricity) {
		f.EnergyMWh, f.EnergyClass = u.Scale/kWhPerMWh, c.class
	}
	round(&f)
	if err := f.Validate(); err != nil {
		return f, Left{}, fmt.Errorf("%s: %w", a.Place(el.Line), err)
	}
	return f, Left{}, nil
}

// ademeImportSplit fills the scope part and the upstream part of f from the postes of el, as
// adSplit does for the library's fuels and grids; reason says why el cannot be split.
func ademeImportSplit(a *datasets.ADEME, el *datasets.ADEMEElement, sp adSplit, total float64, f *factors.Factor) (reason string, err error) {
	if len(el.Postes) == 0 {
		return lang.Key("fuel or electricity without ADEME's split of combustion and upstream"), nil
	}
	var sc, up []datasets.ADEMELine
	for _, p := range el.Postes {
		switch {
		case slices.Contains(sp.scope, p.PosteType):
			sc = append(sc, p)
		case slices.Contains(sp.upstream, p.PosteType):
			up = append(up, p)
		default:
			return lang.Key("fuel or electricity with a poste other than combustion and upstream"), nil
		}
	}
	if len(sc) == 0 {
		return lang.Key("fuel or electricity without ADEME's split of combustion and upstream"), nil
	}
	if f.Value, err = a.Sum(sc); err != nil {
		return "", err
	}
	if f.Upstream, err = a.Sum(up); err != nil {
		return "", err
	}
	if !datasets.Near(f.Value+f.Upstream, total, posteTolerance) {
		return lang.Key("postes that do not add up to the element's total"), nil
	}
	if g, ok := a.GasSplit(sc, f.Value); ok {
		f.Gases = ademeGases(g)
	}
	if f.BiogenicCO2, err = a.Biogenic(sc); err != nil {
		return "", err
	}
	return "", nil
}

// ademeNameEN is ADEME's English label when it is whole (as many parts as the French one), else
// the French label: ADEME often translates the base name alone ("Articulated" for "Articulé /
// 34 à 40 tonnes / GNC"), which would name a different factor.
func ademeNameEN(el *datasets.ADEMEElement) string {
	en := el.NameEN()
	if en == "" || strings.Count(en, " / ") != strings.Count(el.Name(), " / ") {
		return el.Name()
	}
	return en
}

// importTags are ADEME's tags and English label, trimmed, without empty or repeated ones.
func importTags(el *datasets.ADEMEElement) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range ademeTags(el) {
		if t = strings.TrimSpace(t); t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}
