package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/lang"
)

// PACT imports WBCSD PACT (Pathfinder) ProductFootprint documents, v2 or v3: a footprint, a
// get response ({"data": footprint}), a list response ({"data": [...]}) or an event carrying
// them ({"data": {"pfs": [...]}}). Each active footprint becomes one primary factor,
// pact.<productId>, per one declared unit (pactFactor says how each field is read).
//
// A document the import cannot read whole is refused: every problem is named by the JSON path
// of the value (and a syntax error by its line).
func PACT(path string, opt Options) (Result, error) {
	f, err := open(path)
	if err != nil {
		return Result{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return Result{}, fmt.Errorf("%s: %w", path, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // numbers are checked as PACT writes them, never rounded through float64
	var root any
	if err := dec.Decode(&root); err != nil {
		return Result{}, fmt.Errorf("%s: %s", path, jsonSyntax(data, dec, err))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Result{}, fmt.Errorf("%s: line %d: more after the end of the JSON document: a PACT file holds one document", path, lineAt(data, dec.InputOffset()))
	}
	docs, err := pactFootprints(root)
	if err != nil {
		return Result{}, fmt.Errorf("%s: %w", path, err)
	}
	res := Result{Source: SourcePACT, Version: opt.Version}
	if res.Version == "" {
		res.Version = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	var (
		errs       []error
		deprecated Skip
		at         = map[pactKey]string{} // where each id, year and published was first read
	)
	for _, d := range docs {
		pf, ok, err := pactFactor(d, opt)
		if err != nil {
			errs = append(errs, err)
			if len(errs) == maxPACTErrors {
				errs = append(errs, fmt.Errorf("(more problems not listed)"))
				break
			}
			continue
		}
		if !ok {
			if deprecated.Count == 0 {
				deprecated = newSkip(text(lang.Key("%d footprints with status Deprecated (PACT: SHOULD NOT be used)")), verbatim(d.path), 0)
			}
			deprecated.Count++
			continue
		}
		k := pactKey{pf.ID, pf.Year, pf.Published}
		if prev, dup := at[k]; dup {
			errs = append(errs, fmt.Errorf("%s and %s: two footprints of product %s for %d, both published %d: keep one, or tell the versions apart with `updated`", prev, d.path, pf.ID, pf.Year, pf.Published))
			continue
		}
		at[k] = d.path
		res.Factors = append(res.Factors, pf)
		res.Published = max(res.Published, pf.Published)
	}
	if len(errs) > 0 {
		for i, e := range errs {
			errs[i] = fmt.Errorf("%s: %w", path, e)
		}
		return Result{}, errors.Join(errs...)
	}
	if deprecated.Count > 0 {
		res.Skipped = append(res.Skipped, deprecated)
	}
	if res.Published == 0 {
		res.Published = opt.Published
	}
	return res, nil
}

// maxPACTErrors bounds the problems one import lists.
const maxPACTErrors = 50

type pactKey struct {
	id              string
	year, published int
}

// pactObj is a JSON object with its path in the document.
type pactObj struct {
	path string
	m    map[string]any
}

// pactFootprints finds the footprints of a document: a footprint itself, {"data": …} holding
// one or a list, an event whose data holds "pfs", or a bare list.
func pactFootprints(root any) ([]pactObj, error) {
	var out []pactObj
	var walk func(v any, path string, depth int) error
	walk = func(v any, path string, depth int) error {
		switch x := v.(type) {
		case []any:
			if depth > 0 && len(x) == 0 {
				return fmt.Errorf("%s: an empty list: no footprint to import", path)
			}
			for i, e := range x {
				if err := walk(e, fmt.Sprintf("%s[%d]", path, i), depth+1); err != nil {
					return err
				}
			}
			return nil
		case map[string]any:
			if _, ok := x["pcf"]; ok {
				out = append(out, pactObj{path, x})
				return nil
			}
			if _, ok := x["specVersion"]; ok {
				return fmt.Errorf("%s.pcf: missing: a ProductFootprint holds its footprint in pcf", path)
			}
			if depth < 2 {
				if d, ok := x["data"]; ok {
					return walk(d, path+".data", depth+1)
				}
				if d, ok := x["pfs"]; ok {
					return walk(d, path+".pfs", depth+1)
				}
				if _, ok := x["pfIds"]; ok {
					return fmt.Errorf("%s.pfIds: the event names footprints by id only; import the footprints themselves (a list response or a fulfilled request)", path)
				}
			}
			return fmt.Errorf("%s: not a ProductFootprint (no specVersion and pcf), nor a response or event carrying them", path)
		}
		return fmt.Errorf("%s: %s, want a ProductFootprint object", path, jsonKind(v))
	}
	if err := walk(root, "$", 0); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, errors.New("$: no ProductFootprint in the document")
	}
	return out, nil
}

// pactUnits maps PACT's declared units to footprint's units; the units footprint does not
// convert (square meter, piece, …) are opaque units, which rows must state the same way.
var pactUnits = map[string]string{
	"liter": "L", "kilogram": "kg", "cubic meter": "m3", "kilowatt hour": "kWh", "megajoule": "MJ",
	"ton kilometer": "t.km", "square meter": "m2",
	// PACT 3 only
	"piece": "piece", "hour": "hour", "megabit second": "Mbit.s",
}

var pactUnitsV2 = []string{"liter", "kilogram", "cubic meter", "kilowatt hour", "megajoule", "ton kilometer", "square meter"}
var pactUnitsV3 = append(slices.Clone(pactUnitsV2), "piece", "hour", "megabit second")

// pactFields are the names PACT 2 and 3 give the fields a factor is read from.
type pactFields struct {
	unit, amount, excl, incl, gwp string
	units                         []string
}

var (
	pactV2 = pactFields{unit: "declaredUnit", amount: "unitaryProductAmount", excl: "pCfExcludingBiogenic", incl: "pCfIncludingBiogenic", gwp: "characterizationFactors", units: pactUnitsV2}
	pactV3 = pactFields{unit: "declaredUnitOfMeasurement", amount: "declaredUnitAmount", excl: "pcfExcludingBiogenicUptake", incl: "pcfIncludingBiogenicUptake", gwp: "ipccCharacterizationFactors", units: pactUnitsV3}
)

var specVersionRe = regexp.MustCompile(`^(\d+)\.\d+\.\d+(-\d{8})?$`)

// pactFactor reads one footprint. ok is false for a Deprecated footprint, which PACT says not
// to use. How each figure is taken:
//
//   - Value: the footprint excluding biogenic uptake (v2 pCfExcludingBiogenic, v3
//     pcfExcludingBiogenicUptake), in kgCO2e per one declared unit. PACT 2 states it per
//     declared unit already (unitaryProductAmount counts the declared units in a product and is
//     only checked); PACT 3 states it per declaredUnitAmount declared units, so the value is
//     divided by that amount.
//   - BiogenicCO2: the biogenic CO2 emitted that Value leaves out. PACT 2:
//     pCfIncludingBiogenic − pCfExcludingBiogenic − biogenicCarbonWithdrawal (the biogenic
//     emissions the including figure adds, the product's carbon uptake taken back out), 0 when
//     the including figure is not given or the difference is not positive. PACT 3 counts every
//     biogenic emission (land management CO2, biogenic CH4) in pcfExcludingBiogenicUptake and
//     leaves out only the product's temporary uptake (biogenicCO2Uptake, a removal): nothing
//     is emitted apart, so 0.
//   - Year and DataYear: the year that holds the most of the reference period, the earliest
//     on a tie.
//   - Published: the year of updated, else created; Version: v2's version number, v3's date
//     of updated or created.
func pactFactor(d pactObj, opt Options) (factors.Factor, bool, error) {
	var errs []error
	bad := func(err error) { errs = append(errs, err) }
	spec := d.str("specVersion", true, bad)
	if spec == "" {
		return factors.Factor{}, false, errors.Join(errs...)
	}
	m := specVersionRe.FindStringSubmatch(spec)
	if m == nil {
		return factors.Factor{}, false, fmt.Errorf("%s.specVersion: %q is not a version major.minor.patch", d.path, spec)
	}
	major, _ := strconv.Atoi(m[1])
	var fl pactFields
	exclSign := signNonNegative // PACT 2: 0 or more; PACT 3 allows net removals, refused below
	switch {
	case major == 2:
		fl = pactV2
	case major == 3:
		fl, exclSign = pactV3, signAny
	case major > 3:
		return factors.Factor{}, false, fmt.Errorf("%s.specVersion: %q is a later PACT version than footprint reads (2.x and 3.x): update footprint, or ask the supplier for a 3.x footprint", d.path, spec)
	default:
		return factors.Factor{}, false, fmt.Errorf("%s.specVersion: %q is an earlier PACT version than footprint reads (2.x and 3.x)", d.path, spec)
	}
	id := d.str("id", true, bad)
	status := d.str("status", true, bad)
	if status != "" && status != "Active" && status != "Deprecated" {
		bad(fmt.Errorf("%s.status: %q: want Active or Deprecated", d.path, status))
	}
	company := d.str("companyName", true, bad)
	name := d.str("productNameCompany", true, bad)
	products := d.strings("productIds", true, bad)
	created := d.time("created", true, bad)
	updated := d.time("updated", false, bad)
	version := ""
	if major == 2 {
		if n, ok := d.integer("version", bad); ok {
			version = strconv.FormatInt(n, 10)
		}
	}
	pcf, ok := d.obj("pcf", bad)
	if !ok {
		return factors.Factor{}, false, errors.Join(errs...)
	}
	unitName := pcf.str(fl.unit, true, bad)
	unit := ""
	if unitName != "" {
		if !slices.Contains(fl.units, unitName) {
			bad(fmt.Errorf("%s.%s: %q is not a declared unit PACT %d defines (%s)", pcf.path, fl.unit, unitName, major, strings.Join(fl.units, ", ")))
		} else {
			unit = pactUnits[unitName]
		}
	}
	amount, _ := pcf.decimal(fl.amount, true, signPositive, bad)
	excl, exclOK := pcf.decimal(fl.excl, true, exclSign, bad)
	incl, inclOK := pcf.decimal(fl.incl, major == 3, signAny, bad)
	withdrawal := 0.0
	if major == 2 {
		withdrawal, _ = pcf.decimal("biogenicCarbonWithdrawal", false, signNonPositive, bad)
	} else {
		pcf.decimal("biogenicCO2Uptake", false, signNonPositive, bad)
	}
	start := pcf.time("referencePeriodStart", true, bad)
	end := pcf.time("referencePeriodEnd", true, bad)
	gwps := pactGWP(pcf, fl, major, bad)
	if exclOK && excl < 0 {
		bad(fmt.Errorf("%s.%s: %s is negative (net removals): footprint counts emissions with factors that are never negative; report removals apart", pcf.path, fl.excl, pcf.raw(fl.excl)))
	}
	year := 0
	if !start.IsZero() && !end.IsZero() {
		if !end.After(start) {
			bad(fmt.Errorf("%s.referencePeriodEnd: %s is not after referencePeriodStart %s", pcf.path, pcf.raw("referencePeriodEnd"), pcf.raw("referencePeriodStart")))
		} else if year = referenceYear(start, end); year < minPACTYear || year > maxPACTYear {
			bad(fmt.Errorf("%s.referencePeriodStart: the reference period's year %d is outside %d–%d", pcf.path, year, minPACTYear, maxPACTYear))
		}
	}
	if len(products) > 0 && pactID(products[0]) == "pact." {
		bad(fmt.Errorf("%s.productIds[0]: %q has no letter or digit to make a factor id of", d.path, products[0]))
	}
	if len(errs) > 0 {
		return factors.Factor{}, false, errors.Join(errs...)
	}
	if status == "Deprecated" {
		return factors.Factor{}, false, nil
	}
	value := excl
	if major == 3 {
		value = excl / amount
	}
	biogenic := 0.0
	if major == 2 && inclOK {
		biogenic = max(0, incl-excl-withdrawal)
	}
	dated := updated
	if dated.IsZero() {
		dated = created
	}
	if major == 3 {
		version = dated.Format("2006-01-02")
	}
	published := dated.Year()
	if opt.Published != 0 {
		published = opt.Published
	}
	f := factors.Factor{
		ID: pactID(products[0]), Name: name, Tags: append([]string{company}, products...),
		Value: value, Unit: unit, Scope: 3, Category: 1, Kind: factors.KindEmission, Primary: true,
		BiogenicCO2: biogenic, Year: year, DataYear: year, GWP: gwps,
		Region:   pactRegion(pcf),
		Source:   fmt.Sprintf("%s, PACT product footprint of %s (%s), footprint %s, version %s", company, name, products[0], id, version),
		Dataset:  "PACT " + spec,
		Version:  version,
		SourceID: id, Published: published,
	}
	if err := f.Validate(); err != nil {
		return factors.Factor{}, false, fmt.Errorf("%s: %w", d.path, err)
	}
	return f, true, nil
}

const minPACTYear, maxPACTYear = 1990, 2100

// pactGWP is the GWP basis a footprint states: v2's characterizationFactors (else its
// ipccCharacterizationFactorsSources), v3's ipccCharacterizationFactors. A footprint that
// used several sets states the earliest, as PACT 2 asks; a set footprint does not know gives
// "" (no stated basis).
func pactGWP(pcf pactObj, fl pactFields, major int, bad func(error)) string {
	var sets []string
	if major == 2 {
		if _, ok := pcf.m[fl.gwp]; ok {
			if s := pcf.str(fl.gwp, true, bad); s != "" {
				sets = []string{s}
			}
		} else {
			sets = pcf.strings("ipccCharacterizationFactorsSources", false, bad)
			if sets == nil {
				if _, ok := pcf.m["ipccCharacterizationFactorsSources"]; !ok {
					bad(fmt.Errorf("%s.%s: missing: PACT requires it (or ipccCharacterizationFactorsSources)", pcf.path, fl.gwp))
				}
			}
		}
	} else {
		sets = pcf.strings(fl.gwp, true, bad)
	}
	best := 0
	for _, s := range sets {
		n, err := strconv.Atoi(strings.TrimPrefix(s, "AR"))
		if !strings.HasPrefix(s, "AR") || err != nil || n <= 0 {
			bad(fmt.Errorf("%s.%s: %q: want an IPCC assessment report such as AR6", pcf.path, fl.gwp, s))
			continue
		}
		if best == 0 || n < best {
			best = n
		}
	}
	if g := fmt.Sprintf("AR%d", best); factors.ValidGWPBasis(g) {
		return g
	}
	return ""
}

// pactRegion is the footprint's geography, the most precise one stated.
func pactRegion(pcf pactObj) string {
	for _, k := range []string{"geographyCountrySubdivision", "geographyCountry", "geographyRegionOrSubregion"} {
		if s, ok := pcf.m[k].(string); ok && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return "global"
}

// referenceYear is the calendar year holding the most of [start, end), the earliest on a tie.
func referenceYear(start, end time.Time) int {
	start, end = start.UTC(), end.UTC()
	best, most := start.Year(), time.Duration(-1)
	for y := start.Year(); y <= end.Add(-time.Nanosecond).Year() && y <= maxPACTYear; y++ {
		from, to := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC)
		if start.After(from) {
			from = start
		}
		if end.Before(to) {
			to = end
		}
		if d := to.Sub(from); d > most {
			best, most = y, d
		}
	}
	return best
}

// pactID makes a product id into a factor id: pact. and the id in lower case, every run of
// characters outside [a-z0-9.-] made one "-" (urn:gtin:4012345000009 → pact.urn-gtin-4012345000009).
func pactID(product string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(strings.TrimSpace(product)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-' {
			b.WriteRune(r)
			dash = r == '-'
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	return "pact." + strings.Trim(b.String(), "-.")
}

type sign int

const (
	signAny sign = iota
	signPositive
	signNonNegative
	signNonPositive
)

var decimalRe = regexp.MustCompile(`^[+-]?\d+(\.\d+)?$`)

func (o pactObj) at(k string) string { return o.path + "." + k }

// raw is a value as the document writes it, for messages.
func (o pactObj) raw(k string) string {
	b, _ := json.Marshal(o.m[k])
	return string(b)
}

// get is a field's value; a missing required field is a problem.
func (o pactObj) get(k string, required bool, bad func(error)) (any, bool) {
	v, ok := o.m[k]
	if !ok || v == nil {
		if required {
			bad(fmt.Errorf("%s: missing: PACT requires it", o.at(k)))
		}
		return nil, false
	}
	return v, true
}

func (o pactObj) str(k string, required bool, bad func(error)) string {
	v, ok := o.get(k, required, bad)
	if !ok {
		return ""
	}
	s, isStr := v.(string)
	if !isStr {
		bad(fmt.Errorf("%s: %s, want a string", o.at(k), jsonKind(v)))
		return ""
	}
	if strings.TrimSpace(s) == "" && required {
		bad(fmt.Errorf("%s: empty: PACT requires a value", o.at(k)))
	}
	return strings.TrimSpace(s)
}

func (o pactObj) strings(k string, required bool, bad func(error)) []string {
	v, ok := o.get(k, required, bad)
	if !ok {
		return nil
	}
	list, isList := v.([]any)
	if !isList {
		bad(fmt.Errorf("%s: %s, want a list of strings", o.at(k), jsonKind(v)))
		return nil
	}
	if len(list) == 0 {
		bad(fmt.Errorf("%s: an empty list: PACT requires at least one", o.at(k)))
		return nil
	}
	out := make([]string, 0, len(list))
	for i, e := range list {
		s, isStr := e.(string)
		if !isStr || strings.TrimSpace(s) == "" {
			bad(fmt.Errorf("%s[%d]: %s, want a non-empty string", o.at(k), i, jsonKind(e)))
			return nil
		}
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

func (o pactObj) obj(k string, bad func(error)) (pactObj, bool) {
	v, ok := o.get(k, true, bad)
	if !ok {
		return pactObj{}, false
	}
	m, isObj := v.(map[string]any)
	if !isObj {
		bad(fmt.Errorf("%s: %s, want an object", o.at(k), jsonKind(v)))
		return pactObj{}, false
	}
	return pactObj{o.at(k), m}, true
}

func (o pactObj) integer(k string, bad func(error)) (int64, bool) {
	v, ok := o.get(k, true, bad)
	if !ok {
		return 0, false
	}
	n, isNum := v.(json.Number)
	i, err := n.Int64()
	if !isNum || err != nil || i < 0 {
		bad(fmt.Errorf("%s: %s, want a whole number ≥ 0", o.at(k), jsonKind(v)))
		return 0, false
	}
	return i, true
}

func (o pactObj) time(k string, required bool, bad func(error)) time.Time {
	s := o.str(k, required, bad)
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		bad(fmt.Errorf("%s: %q is not a date-time such as 2024-01-01T00:00:00Z", o.at(k), s))
		return time.Time{}
	}
	return t
}

// decimal reads a PACT decimal: a JSON string such as "1.63", checked against the sign the
// schema allows.
func (o pactObj) decimal(k string, required bool, sg sign, bad func(error)) (float64, bool) {
	v, ok := o.get(k, required, bad)
	if !ok {
		return 0, false
	}
	s, isStr := v.(string)
	if !isStr {
		if n, isNum := v.(json.Number); isNum {
			bad(fmt.Errorf("%s: the number %s is not a decimal string: PACT writes decimals as strings (\"%s\")", o.at(k), n, n))
		} else {
			bad(fmt.Errorf("%s: %s, want a decimal string such as \"1.5\"", o.at(k), jsonKind(v)))
		}
		return 0, false
	}
	if !decimalRe.MatchString(s) {
		bad(fmt.Errorf("%s: %q is not a decimal (digits, an optional sign and decimal point, such as \"1.5\")", o.at(k), s))
		return 0, false
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		bad(fmt.Errorf("%s: %q: %v", o.at(k), s, err))
		return 0, false
	}
	switch {
	case sg == signPositive && x <= 0:
		bad(fmt.Errorf("%s: %q: PACT requires a decimal greater than 0", o.at(k), s))
	case sg == signNonNegative && x < 0:
		bad(fmt.Errorf("%s: %q is negative: PACT requires 0 or more", o.at(k), s))
	case sg == signNonPositive && x > 0:
		bad(fmt.Errorf("%s: %q is positive: PACT requires 0 or less", o.at(k), s))
	default:
		return x, true
	}
	return 0, false
}

// jsonKind names a JSON value's type, and the value when short, for messages.
func jsonKind(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		if len(x) > 40 {
			x = x[:40] + "…"
		}
		return fmt.Sprintf("the string %q", x)
	case json.Number:
		return "the number " + x.String()
	case bool:
		return fmt.Sprintf("%v (true/false)", x)
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// jsonSyntax says where a document stops being JSON: the line of a syntax error, or that the
// file ends too early.
func jsonSyntax(data []byte, dec *json.Decoder, err error) string {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("line %d: not valid JSON: %v", lineAt(data, se.Offset), se)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Sprintf("line %d: the file ends inside the JSON document: is it cut short?", lineAt(data, int64(len(data))))
	case errors.Is(err, io.EOF):
		return "empty: no JSON document"
	}
	return fmt.Sprintf("line %d: %v", lineAt(data, dec.InputOffset()), err)
}

// lineAt is the 1-based line of byte offset off.
func lineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return bytes.Count(data[:off], []byte("\n")) + 1
}
