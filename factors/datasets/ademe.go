package datasets

import (
	"fmt"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ADEMELine is one row of the Base Carbone export: an element (the factor) or one poste of its
// breakdown. Gas columns are kept as text: an empty cell means "not published", not zero.
type ADEMELine struct {
	Line                      int // 1-based line in the CSV file, header = 1
	ID                        string
	Base, Attribute, Boundary string // Nom base / attribut / frontière français
	// BaseEN, AttributeEN and BoundaryEN are ADEME's English name, often partly empty; TagsFR
	// and TagsEN its comma-separated tags.
	BaseEN, AttributeEN, BoundaryEN string
	TagsFR, TagsEN                  string
	Category, Unit, Location        string
	SubLocation                     string // Sous-localisation géographique français, often empty
	Uncertainty                     string
	PosteType, PosteName            string
	Total                           string
	CO2f, CH4f, CH4b, N2O, CO2b     string
	// Validity is the element's "Période de validité" (free text: "Année 2024", "2026",
	// "2021-12-01", an Excel serial date); Modified its "Date de modification" (YYYY-MM-DD in
	// the CSV export, an Excel serial date in the xlsx).
	Validity, Modified string
}

// ADEMEElement is an element with its postes, in file order.
type ADEMEElement struct {
	ADEMELine
	Postes []ADEMELine
}

// Name is ADEME's label of the element, "base / attribute / boundary" without empty parts.
func (e *ADEMEElement) Name() string {
	var parts []string
	for _, p := range []string{e.Base, e.Attribute, e.Boundary} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " / ")
}

// NameEN is ADEME's English label of the element, "" when ADEME gives none.
func (e *ADEMEElement) NameEN() string {
	var parts []string
	for _, p := range []string{e.BaseEN, e.AttributeEN, e.BoundaryEN} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " / ")
}

var yearInName = regexp.MustCompile(`\b(19|20)\d{2}\b`)

// DataYear is the year named in the element's label ("Electricité / 2024 - mix moyen", "TGV /
// 2022"), 0 when it names none. It fails when the label names two different years.
func (e *ADEMEElement) DataYear() (int, error) {
	found := yearInName.FindAllString(e.Name(), -1)
	year := 0
	for _, s := range found {
		y, _ := strconv.Atoi(s)
		if year != 0 && y != year {
			return 0, fmt.Errorf("element %s %q names several years", e.ID, e.Name())
		}
		year = y
	}
	return year, nil
}

var (
	yearInValidity = regexp.MustCompile(`^(?:.*\D)?((?:19|20)\d{2})(?:\D.*)?$`)
	excelSerial    = regexp.MustCompile(`^\d{5}$`)
)

// ValidityYear is the year of the element's "Période de validité": the year it names ("Année
// 2024", "Données valides pour l'année 2024", "2026", "2021-12-01", "5ème rapport du GIEC
// (2013)"), or the year of an Excel serial date (45362, left by a re-save of the file); 0 when
// the cell is empty.
func (e *ADEMEElement) ValidityYear() (int, error) {
	v := strings.TrimSpace(e.Validity)
	switch {
	case v == "":
		return 0, nil
	case excelSerial.MatchString(v):
		return serialYear(v), nil
	}
	m := yearInValidity.FindStringSubmatch(v)
	if m == nil {
		return 0, fmt.Errorf("element %s: Période de validité %q names no year", e.ID, v)
	}
	y, _ := strconv.Atoi(m[1])
	return y, nil
}

// ModifiedYear is the year of the element's "Date de modification": a date as the CSV exports
// write it ("2021-06-18", "18/06/2021"), or an Excel serial date as the xlsx export holds it
// (44365); 0 when empty.
func (e *ADEMEElement) ModifiedYear() (int, error) {
	v := strings.TrimSpace(e.Modified)
	if v == "" {
		return 0, nil
	}
	t, ok := ADEMEDate(v)
	if !ok {
		return 0, fmt.Errorf("element %s: Date de modification %q is not a date", e.ID, e.Modified)
	}
	return t.Year(), nil
}

// ADEMEDate reads a date of the export: YYYY-MM-DD (the open-data CSV), DD/MM/YYYY (the CSV
// saved by Excel in French) or an Excel serial date (the xlsx).
func ADEMEDate(v string) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if excelSerial.MatchString(v) {
		days, _ := strconv.Atoi(v)
		return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days), true
	}
	for _, layout := range []string{"2006-01-02", "02/01/2006", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// serialYear is the year of an Excel serial date (days since 1899-12-30).
func serialYear(v string) int {
	days, _ := strconv.Atoi(v)
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days).Year()
}

// SeriesKey is the element's label and unit with its year blanked: elements that differ only
// by year form one time series.
func (e *ADEMEElement) SeriesKey() string {
	return yearInName.ReplaceAllString(e.Name(), "YYYY") + " | " + e.Unit + " | " + e.Category
}

type ADEME struct {
	Path     string
	Elements map[string]*ADEMEElement
	Order    []string // element ids in file order
	// Sheet is the xlsx sheet the export was read from ("Base_Carbone_V23.6"), "" for a CSV.
	Sheet string
	// LeftOut counts the elements the reader left out by their status ("Archivé"), in the
	// order first met.
	LeftOut []ADEMELeftOut
	// Latest is the latest "Date de modification" of any row, archived ones included: the
	// release cannot be older. Zero when no row states one.
	Latest time.Time
}

// ADEMELeftOut is the count of elements of one status the reader left out.
type ADEMELeftOut struct {
	Status    string
	Elements  int
	FirstLine int
}

// Place names line of the export in a message: "file:line" for a CSV, "file: sheet S row N"
// for an xlsx.
func (a *ADEME) Place(line int) string {
	if a.Sheet != "" {
		return fmt.Sprintf("%s: sheet %q row %d", a.Path, a.Sheet, line)
	}
	return fmt.Sprintf("%s:%d", a.Path, line)
}

// Row names line of the export without the file: "line 40", or "sheet S row 40" for an xlsx.
func (a *ADEME) Row(line int) string {
	if a.Sheet != "" {
		return fmt.Sprintf("sheet %q row %d", a.Sheet, line)
	}
	return fmt.Sprintf("line %d", line)
}

// LoadADEME reads a Base Carbone export in CSV: comma- or semicolon-separated, UTF-8 or
// Windows-1252 (ReadADEMECSV).
func LoadADEME(path string) (*ADEME, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadADEMECSV(path, f)
}

// ademeBuilder turns the rows of an export, CSV or xlsx, into elements and their postes.
type ademeBuilder struct {
	path string
	col  map[string]int
	a    *ADEME
	// status, when the export has the column, keeps valid elements only (an xlsx export also
	// holds archived ones, which the CSV subset leaves out).
	status int
	// modified is the column "Date de modification".
	modified int
}

// ademeNeed are the columns every export must have.
var ademeNeed = []string{"Type Ligne", "Identifiant de l'élément", "Nom base français", "Nom attribut français",
	"Nom frontière français", "Code de la catégorie", "Unité français", "Localisation géographique",
	"Incertitude", "Type poste", "Nom poste français", "Total poste non décomposé",
	"CO2f", "CH4f", "CH4b", "N2O", "CO2b", "Période de validité", "Date de modification"}

func newADEMEBuilder(path string, header []string) (*ademeBuilder, error) {
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	if missing := ademeMissing(col); len(missing) > 0 {
		return nil, fmt.Errorf("not the Base Carbone layout: no column %s", quoteList(missing))
	}
	b := &ademeBuilder{path: path, col: col, a: &ADEME{Path: path, Elements: map[string]*ADEMEElement{}}, status: -1,
		modified: col["Date de modification"]}
	if i, ok := col["Statut de l'élément"]; ok {
		b.status = i
	}
	return b, nil
}

// ademeMissing are the columns of ademeNeed that col lacks.
func ademeMissing(col map[string]int) []string {
	var missing []string
	for _, n := range ademeNeed {
		if _, ok := col[n]; !ok {
			missing = append(missing, n)
		}
	}
	return missing
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// ademeValid are the statuses of elements in use; "Archivé" elements are superseded.
var ademeValid = map[string]bool{"Valide générique": true, "Valide spécifique": true}

func (b *ademeBuilder) add(line int, rec []string) error {
	get := func(n string) string {
		i, ok := b.col[n]
		if !ok || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	if b.modified < len(rec) {
		if t, ok := ADEMEDate(rec[b.modified]); ok && t.After(b.a.Latest) {
			b.a.Latest = t
		}
	}
	if b.status >= 0 && b.status < len(rec) && !ademeValid[strings.TrimSpace(rec[b.status])] {
		if get("Type Ligne") == "Elément" {
			b.leftOut(strings.TrimSpace(rec[b.status]), line)
		}
		return nil
	}
	l := ADEMELine{
		Line: line, ID: get("Identifiant de l'élément"),
		Base: get("Nom base français"), Attribute: get("Nom attribut français"), Boundary: get("Nom frontière français"),
		BaseEN: get("Nom base anglais"), AttributeEN: get("Nom attribut anglais"), BoundaryEN: get("Nom frontière anglais"),
		TagsFR: get("Tags français"), TagsEN: get("Tags anglais"),
		Category: get("Code de la catégorie"), Unit: get("Unité français"), Location: get("Localisation géographique"),
		SubLocation: get("Sous-localisation géographique français"),
		Uncertainty: get("Incertitude"), PosteType: get("Type poste"), PosteName: get("Nom poste français"),
		Total: get("Total poste non décomposé"),
		CO2f:  get("CO2f"), CH4f: get("CH4f"), CH4b: get("CH4b"), N2O: get("N2O"), CO2b: get("CO2b"),
		Validity: get("Période de validité"), Modified: get("Date de modification"),
	}
	switch kind := get("Type Ligne"); kind {
	case "Elément":
		if _, dup := b.a.Elements[l.ID]; dup {
			return fmt.Errorf("%s: element %s appears twice", b.a.Place(line), l.ID)
		}
		b.a.Elements[l.ID] = &ADEMEElement{ADEMELine: l}
		b.a.Order = append(b.a.Order, l.ID)
	case "Poste":
		e, ok := b.a.Elements[l.ID]
		if !ok {
			return fmt.Errorf("%s: poste of element %s comes before the element", b.a.Place(line), l.ID)
		}
		e.Postes = append(e.Postes, l)
	default:
		return fmt.Errorf("%s: Type Ligne %q: want Elément or Poste", b.a.Place(line), kind)
	}
	return nil
}

func (b *ademeBuilder) leftOut(status string, line int) {
	if status == "" {
		status = "(empty)"
	}
	for i := range b.a.LeftOut {
		if b.a.LeftOut[i].Status == status {
			b.a.LeftOut[i].Elements++
			return
		}
	}
	b.a.LeftOut = append(b.a.LeftOut, ADEMELeftOut{Status: status, Elements: 1, FirstLine: line})
}

// Add puts in a the elements of b that keep accepts, as when the spend-based ratios of the
// xlsx export join the CSV subset. An element a already has is an error: one id, one row.
func (a *ADEME) Add(b *ADEME, keep func(*ADEMEElement) bool) error {
	for _, id := range b.Order {
		e := b.Elements[id]
		if !keep(e) {
			continue
		}
		if _, dup := a.Elements[id]; dup {
			return fmt.Errorf("%s: element %s is also in %s", b.Path, id, a.Path)
		}
		a.Elements[id] = e
		a.Order = append(a.Order, id)
	}
	return nil
}

func (a *ADEME) Element(id string) (*ADEMEElement, error) {
	e, ok := a.Elements[id]
	if !ok {
		return nil, fmt.Errorf("%s: no element %s", a.Path, id)
	}
	return e, nil
}

// Num parses a published number of an ADEME line; empty or unparsable cells are errors.
func (a *ADEME) Num(l ADEMELine, column, text string) (float64, error) {
	if text == "" {
		return 0, fmt.Errorf("%s: element %s: %s is empty", a.Place(l.Line), l.ID, column)
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: element %s: %s %q is not a number", a.Place(l.Line), l.ID, column, text)
	}
	return v, nil
}

// Postes returns the Postes of e whose Type poste is one of types, failing when one of types
// has no poste.
func (a *ADEME) Postes(e *ADEMEElement, types []string) ([]ADEMELine, error) {
	var out []ADEMELine
	for _, t := range types {
		n := 0
		for _, p := range e.Postes {
			if p.PosteType == t {
				out = append(out, p)
				n++
			}
		}
		if n == 0 {
			return nil, fmt.Errorf("%s: element %s (%s) has no poste %q", a.Path, e.ID, e.Name(), t)
		}
	}
	return out, nil
}

// Sum adds the totals of ls.
func (a *ADEME) Sum(ls []ADEMELine) (float64, error) {
	s := 0.0
	for _, l := range ls {
		v, err := a.Num(l, "Total poste non décomposé", l.Total)
		if err != nil {
			return 0, err
		}
		s += v
	}
	return s, nil
}

// Gases is the split by gas of ls, in kgCO2e: CO2f, CH4f+CH4b, N2O. ok is false when a cell is
// empty (ADEME gives no split) or when the three do not add up to total (other Gases).
func (a *ADEME) Gases(ls []ADEMELine, total float64) (co2, ch4, n2o float64, ok bool) {
	s, ok := a.GasSplit(ls, total)
	return s.CO2f, s.CH4f + s.CH4b, s.N2O, ok
}

// GasSplit is ADEME's split by gas of ls, in kgCO2e, summed over ls.
type GasSplit struct{ CO2f, CH4f, CH4b, N2O float64 }

// GasSplit sums the gas columns of ls, keeping fossil and biogenic methane apart. ok is false
// when a cell is empty (ADEME gives no split) or when they do not add up to total (other
// gases).
func (a *ADEME) GasSplit(ls []ADEMELine, total float64) (s GasSplit, ok bool) {
	for _, l := range ls {
		if l.CO2f == "" || l.CH4f == "" || l.CH4b == "" || l.N2O == "" {
			return GasSplit{}, false
		}
		c, err1 := strconv.ParseFloat(l.CO2f, 64)
		mf, err2 := strconv.ParseFloat(l.CH4f, 64)
		mb, err3 := strconv.ParseFloat(l.CH4b, 64)
		n, err4 := strconv.ParseFloat(l.N2O, 64)
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			return GasSplit{}, false
		}
		s.CO2f, s.CH4f, s.CH4b, s.N2O = s.CO2f+c, s.CH4f+mf, s.CH4b+mb, s.N2O+n
	}
	return s, Near(s.CO2f+s.CH4f+s.CH4b+s.N2O, total, GasTolerance)
}

// Biogenic is the CO2b of ls (Biogenic CO2, outside the total), 0 when empty.
func (a *ADEME) Biogenic(ls []ADEMELine) (float64, error) {
	s := 0.0
	for _, l := range ls {
		if l.CO2b == "" {
			continue
		}
		v, err := a.Num(l, "CO2b", l.CO2b)
		if err != nil {
			return 0, err
		}
		s += v
	}
	return s, nil
}

// Uncertainty is the element's Incertitude in %, nil when ADEME publishes none.
func (a *ADEME) Uncertainty(e *ADEMEElement) (*float64, error) {
	if e.Uncertainty == "" {
		return nil, nil
	}
	v, err := a.Num(e.ADEMELine, "Incertitude", e.Uncertainty)
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// ADEMEUnits maps ADEME's unit text to the product's canonical unit.
var ADEMEUnits = map[string]string{
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

// ADEMERegions maps ADEME's Localisation géographique to the product's region.
var ADEMERegions = map[string]string{
	"France continentale": "FR",
	"Monde":               "World",
	"Europe":              "Europe",
}

// GasTolerance is how far a published gas split may stray from its total (relative): sources
// publish 3 significant digits, so parts add up to the total only within rounding.
const GasTolerance = 0.02

// Near reports whether a and b agree within a relative tolerance.
func Near(a, b, tol float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= tol*math.Max(math.Abs(a), math.Abs(b))
}
