package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

const ademeFile = "ademe-base-carbone-v23.6/base_carbone_v23.6_valid_subset.csv"

// ademeLine is one row of the Base Carbone export: an element (the factor) or one poste of its
// breakdown. Gas columns are kept as text: an empty cell means "not published", not zero.
type ademeLine struct {
	line                        int // 1-based line in the CSV file, header = 1
	id                          string
	base, attribute, boundary   string // Nom base / attribut / frontière français
	category, unit, location    string
	uncertainty                 string
	posteType, posteName        string
	total                       string
	co2f, ch4f, ch4b, n2o, co2b string
}

// ademeElement is an element with its postes, in file order.
type ademeElement struct {
	ademeLine
	postes []ademeLine
}

// name is ADEME's label of the element, "base / attribute / boundary" without empty parts.
func (e *ademeElement) name() string {
	var parts []string
	for _, p := range []string{e.base, e.attribute, e.boundary} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " / ")
}

var yearInName = regexp.MustCompile(`\b(19|20)\d{2}\b`)

// dataYear is the year named in the element's label ("Electricité / 2024 - mix moyen", "TGV /
// 2022"), 0 when it names none. It fails when the label names two different years.
func (e *ademeElement) dataYear() (int, error) {
	found := yearInName.FindAllString(e.name(), -1)
	year := 0
	for _, s := range found {
		y, _ := strconv.Atoi(s)
		if year != 0 && y != year {
			return 0, fmt.Errorf("%s: element %s %q names several years", ademeFile, e.id, e.name())
		}
		year = y
	}
	return year, nil
}

// seriesKey is the element's label and unit with its year blanked: elements that differ only
// by year form one time series.
func (e *ademeElement) seriesKey() string {
	return yearInName.ReplaceAllString(e.name(), "YYYY") + " | " + e.unit + " | " + e.category
}

type ademe struct {
	path     string
	elements map[string]*ademeElement
	order    []string // element ids in file order
}

func loadADEME(dir string) (*ademe, error) {
	path := filepath.Join(dir, ademeFile)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	need := []string{"Type Ligne", "Identifiant de l'élément", "Nom base français", "Nom attribut français",
		"Nom frontière français", "Code de la catégorie", "Unité français", "Localisation géographique",
		"Incertitude", "Type poste", "Nom poste français", "Total poste non décomposé",
		"CO2f", "CH4f", "CH4b", "N2O", "CO2b"}
	for _, n := range need {
		if _, ok := col[n]; !ok {
			return nil, fmt.Errorf("%s: no column %q", path, n)
		}
	}
	a := &ademe{path: path, elements: map[string]*ademeElement{}}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		get := func(n string) string { return strings.TrimSpace(rec[col[n]]) }
		l := ademeLine{
			line: line, id: get("Identifiant de l'élément"),
			base: get("Nom base français"), attribute: get("Nom attribut français"), boundary: get("Nom frontière français"),
			category: get("Code de la catégorie"), unit: get("Unité français"), location: get("Localisation géographique"),
			uncertainty: get("Incertitude"), posteType: get("Type poste"), posteName: get("Nom poste français"),
			total: get("Total poste non décomposé"),
			co2f:  get("CO2f"), ch4f: get("CH4f"), ch4b: get("CH4b"), n2o: get("N2O"), co2b: get("CO2b"),
		}
		switch kind := get("Type Ligne"); kind {
		case "Elément":
			if _, dup := a.elements[l.id]; dup {
				return nil, fmt.Errorf("%s:%d: element %s appears twice", path, line, l.id)
			}
			a.elements[l.id] = &ademeElement{ademeLine: l}
			a.order = append(a.order, l.id)
		case "Poste":
			e, ok := a.elements[l.id]
			if !ok {
				return nil, fmt.Errorf("%s:%d: poste of element %s comes before the element", path, line, l.id)
			}
			e.postes = append(e.postes, l)
		default:
			return nil, fmt.Errorf("%s:%d: Type Ligne %q: want Elément or Poste", path, line, kind)
		}
	}
	return a, nil
}

func (a *ademe) element(id string) (*ademeElement, error) {
	e, ok := a.elements[id]
	if !ok {
		return nil, fmt.Errorf("%s: no element %s", a.path, id)
	}
	return e, nil
}

// num parses a published number of an ADEME line; empty or unparsable cells are errors.
func (a *ademe) num(l ademeLine, column, text string) (float64, error) {
	if text == "" {
		return 0, fmt.Errorf("%s:%d: element %s: %s is empty", a.path, l.line, l.id, column)
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return 0, fmt.Errorf("%s:%d: element %s: %s %q is not a number", a.path, l.line, l.id, column, text)
	}
	return v, nil
}

// postes returns the postes of e whose Type poste is one of types, failing when one of types
// has no poste.
func (a *ademe) postes(e *ademeElement, types []string) ([]ademeLine, error) {
	var out []ademeLine
	for _, t := range types {
		n := 0
		for _, p := range e.postes {
			if p.posteType == t {
				out = append(out, p)
				n++
			}
		}
		if n == 0 {
			return nil, fmt.Errorf("%s: element %s (%s) has no poste %q", a.path, e.id, e.name(), t)
		}
	}
	return out, nil
}

// sum adds the totals of ls.
func (a *ademe) sum(ls []ademeLine) (float64, error) {
	s := 0.0
	for _, l := range ls {
		v, err := a.num(l, "Total poste non décomposé", l.total)
		if err != nil {
			return 0, err
		}
		s += v
	}
	return s, nil
}

// gases is the split by gas of ls, in kgCO2e: CO2f, CH4f+CH4b, N2O. ok is false when a cell is
// empty (ADEME gives no split) or when the three do not add up to total (other gases).
func (a *ademe) gases(ls []ademeLine, total float64) (co2, ch4, n2o float64, ok bool) {
	for _, l := range ls {
		if l.co2f == "" || l.ch4f == "" || l.ch4b == "" || l.n2o == "" {
			return 0, 0, 0, false
		}
		c, err1 := strconv.ParseFloat(l.co2f, 64)
		mf, err2 := strconv.ParseFloat(l.ch4f, 64)
		mb, err3 := strconv.ParseFloat(l.ch4b, 64)
		n, err4 := strconv.ParseFloat(l.n2o, 64)
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			return 0, 0, 0, false
		}
		co2, ch4, n2o = co2+c, ch4+mf+mb, n2o+n
	}
	return co2, ch4, n2o, near(co2+ch4+n2o, total, gasTolerance)
}

// biogenic is the CO2b of ls (biogenic CO2, outside the total), 0 when empty.
func (a *ademe) biogenic(ls []ademeLine) (float64, error) {
	s := 0.0
	for _, l := range ls {
		if l.co2b == "" {
			continue
		}
		v, err := a.num(l, "CO2b", l.co2b)
		if err != nil {
			return 0, err
		}
		s += v
	}
	return s, nil
}

// uncertainty is the element's Incertitude in %, nil when ADEME publishes none.
func (a *ademe) uncertainty(e *ademeElement) (*float64, error) {
	if e.uncertainty == "" {
		return nil, nil
	}
	v, err := a.num(e.ademeLine, "Incertitude", e.uncertainty)
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// ademeUnits maps ADEME's unit text to the product's canonical unit.
var ademeUnits = map[string]string{
	"kgCO2e/kWh":              "kWh",
	"kgCO2e/kWh PCS":          "kWh PCS",
	"kgCO2e/kWh PCI":          "kWh PCI",
	"kgCO2e/litre":            "L",
	"kgCO2e/Litre":            "L",
	"kgCO2e/kg":               "kg",
	"kgCO2e/tonne":            "t",
	"kgCO2e/tonne de déchets": "t",
	"kgCO2e/t.km":             "t.km",
	"kgCO2e/passager.km":      "passenger.km",
	"kgCO2e/km":               "km",
}

// ademeRegions maps ADEME's Localisation géographique to the product's region.
var ademeRegions = map[string]string{
	"France continentale": "FR",
	"Monde":               "World",
	"Europe":              "Europe",
}
