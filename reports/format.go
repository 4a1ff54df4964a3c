package reports

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/claim"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/lang"
)

// Tonnes formats tCO2e as every output writes them in text: one decimal, thousands separated
// by commas.
func Tonnes(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String() + "." + frac
	}
	return b.String() + "." + frac
}

// Scope3CategoryNames are the GHG Protocol's names of the 15 Scope 3 categories (catalogue
// keys: an output in another language translates them with T).
var Scope3CategoryNames = [16]string{"",
	lang.Key("Purchased goods and services"), lang.Key("Capital goods"), lang.Key("Fuel- and energy-related activities"),
	lang.Key("Upstream transportation and distribution"), lang.Key("Waste generated in operations"), lang.Key("Business travel"),
	lang.Key("Employee commuting"), lang.Key("Upstream leased assets"), lang.Key("Downstream transportation and distribution"),
	lang.Key("Processing of sold products"), lang.Key("Use of sold products"), lang.Key("End-of-life treatment of sold products"),
	lang.Key("Downstream leased assets"), lang.Key("Franchises"), lang.Key("Investments")}

// Labels that every output words the same way (catalogue keys: each output translates them).
var (
	// ClaimLabel names the claim wherever it is shown.
	ClaimLabel = lang.Key("Contribution to carbon neutrality")
	// AvoidedLabel titles every view of avoided emissions: they are never netted.
	AvoidedLabel = lang.Key("Avoided emissions — not subtracted from the inventory")
)

// ClaimVerdict words a year's claim check in the claim tables, as catalogue keys: "holds",
// "no claim", or "no data" for a year without data, whose claim is neither met nor missed on
// figures no one has.
func ClaimVerdict(cy claim.ClaimYear) string {
	switch {
	case cy.NoData:
		return lang.Key("no data")
	case cy.OK:
		return lang.Key("holds")
	}
	return lang.Key("no claim")
}

// ClaimReasonText says in l, as a sentence with its figures, why year cy's claim fails for
// reason rs of check cc.
func ClaimReasonText(l lang.Lang, cc *claim.ClaimCheck, cy claim.ClaimYear, rs claim.ClaimReason) string {
	t := l.Tonnes
	y := lang.Year(cy.Year)
	switch rs.Code {
	case claim.ReasonNoData:
		return l.T("%v has no activity data: its emissions are unknown, so no contribution can be claimed for it", y)
	case claim.ReasonProjected:
		return l.T("%v has no measured emissions yet: a contribution can be claimed only for a year whose inventory is known", y)
	case claim.ReasonBoundaryNoScope:
		return l.T("no emissions of the inventory fall within the claim boundary (%s)", BoundaryText(l, cc.Boundary))
	case claim.ReasonNoTarget:
		return l.T("no reduction target applies to %v: a claim needs gross emissions on a reduction path first", y)
	case claim.ReasonOffTarget:
		return l.T("gross emissions %s t are above the target path %s t", t(rs.Gross), t(rs.Target))
	case claim.ReasonDiscontinued:
		if rs.TargetWithoutDiscontinued == 0 {
			return l.T("gross emissions %s t are on the target path (%s t) only because activities that ended since the base year count as reductions; the activities that go on emitted nothing in the base year",
				t(rs.Gross), t(rs.Target))
		}
		return l.T("gross emissions %s t are on the target path (%s t) only because activities that ended since the base year count as reductions; without them the path is %s t",
			t(rs.Gross), t(rs.Target), t(rs.TargetWithoutDiscontinued))
	case claim.ReasonNotCovered:
		msg := l.T("retired credits (%s t) and own removals (%s t) cover %s t of the %s t residual",
			t(cy.CreditsRetired), t(cy.RemovalsOwn), t(cy.CreditsRetired+cy.RemovalsOwn), t(*cy.Residual))
		if cy.CreditsPlanned > 0 {
			msg += l.T("; planned or contracted credits (%s t) count only once retired", t(cy.CreditsPlanned))
		}
		return msg
	case claim.ReasonNotCoveredHigh:
		return l.T("retired credits and own removals (%s t) cover the central residual %s t but not its 95 %% upper bound %s t",
			t(cy.CreditsRetired+cy.RemovalsOwn), t(*cy.Residual), t(*cy.ResidualHigh))
	case claim.ReasonBoundaryScope3:
		ex := cc.Excluded
		return l.T("the boundary leaves out %s t of Scope 3 (%s %% of the %v total; %s), at least %d %%: significant emissions outside the claim",
			t(ex.TCO2e), l.Num(100*ex.Share, 0), lang.Year(ex.Year), CategoriesTextIn(l, ex.Categories), claim.SignificantScope3Pct)
	}
	return rs.Code
}

// EmDash stands for a figure or text that is not there.
const EmDash = "—"

// OrDash is s, or EmDash when s is empty.
func OrDash(s string) string {
	if s == "" {
		return EmDash
	}
	return s
}

// IntOrDash is n, or EmDash when n is 0.
func IntOrDash(n int) string {
	if n == 0 {
		return EmDash
	}
	return strconv.Itoa(n)
}

// SourceIn is a line's source in l: the source of already-computed rows in l's words, any
// other (a dataset's citation) as it is.
func SourceIn(l lang.Lang, source string) string {
	if source == emissions.ReportedSource {
		return l.T("reported in the workbook")
	}
	return source
}

// AssignedIn names the pole or entity of a figure in l: the name config or the inputs give,
// or emissions.Unassigned (rows that give none) in l's words.
func AssignedIn(l lang.Lang, name string) string {
	if name == emissions.Unassigned {
		return l.T("(unassigned)")
	}
	return name
}

// SeverityIn names a problem's severity in l: error, warning.
func SeverityIn(l lang.Lang, s emissions.Severity) string {
	switch s {
	case emissions.SeverityError:
		return l.T("error")
	case emissions.SeverityWarning:
		return l.T("warning")
	}
	return string(s)
}

// MethodLabelIn and ScopeNameIn name a Scope 2 method and a scope (Scope 2 with its method) in
// language l.
func MethodLabelIn(l lang.Lang, method string) string { return l.T(MethodLabel(method)) }

func ScopeNameIn(l lang.Lang, s int, method string) string {
	if s == 2 {
		return l.T("Scope 2 (%s)", MethodLabelIn(l, method))
	}
	return l.T("Scope %d", s)
}

// MethodLabel names a Scope 2 method: location-based, else market-based.
func MethodLabel(method string) string {
	if method == emissions.MethodLocation {
		return lang.Key("location-based")
	}
	return lang.Key("market-based")
}

// ESRSCategoryLabel is the label of Scope 3 category c in the E1-6 table: its number and its
// full GHG Protocol name, category 3 with the qualifier the shorter name elsewhere leaves out.
func ESRSCategoryLabel(c int) string { return ESRSCategoryLabelIn(lang.English, c) }

// ESRSCategoryLabelIn is ESRSCategoryLabel in language l.
func ESRSCategoryLabelIn(l lang.Lang, c int) string {
	label := fmt.Sprintf("%d %s", c, Scope3CategoryName(l, c))
	if c == 3 {
		label += " " + l.T("(not included in Scope 1 or Scope 2)")
	}
	return label
}

// Scope3CategoryName is the GHG Protocol's name of Scope 3 category c (1 to 15) in l.
func Scope3CategoryName(l lang.Lang, c int) string {
	if c < 1 || c > 15 {
		return ""
	}
	return l.T(Scope3CategoryNames[c])
}

// Printable is s with the characters a terminal would obey instead of showing escaped as Go
// writes them in a quoted string (\x1b, \n, \u202e): control characters (C0, DEL, C1), bidi
// controls that reorder the text around them, line and paragraph separators, and bytes that
// are not UTF-8. A workbook's text (a site, a pole, a sheet name, a comment) reaches every text
// output through it, so a cell holding an escape sequence cannot retitle the terminal, hide a
// line or make a figure read backwards. Problem messages quote such text with %q, which gives
// the same escapes.
func Printable(s string) string {
	i := strings.IndexFunc(s, unprintable)
	if i < 0 && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[0])
		case unprintable(r):
			q := strconv.QuoteRuneToASCII(r) // '\x1b', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[:size])
		}
		s = s[size:]
	}
	return b.String()
}

func unprintable(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || unicode.In(r, unicode.Zl, unicode.Zp)
}

// Thousands formats a whole number with thousands separated, as the tonnes are: 1,002.
func Thousands(n int) string {
	s := Tonnes(float64(n))
	return s[:len(s)-2]
}

// BoundaryText describes a claim's boundary in l: "Scope 1 (direct emissions), Scope 2
// (market-based), Scope 3 categories 1, 3, 4", as plan.ClaimBoundary.Describe does in English.
func BoundaryText(l lang.Lang, b plan.ClaimBoundary) string {
	var parts []string
	for _, s := range b.Scopes {
		switch s {
		case 1:
			parts = append(parts, l.T("Scope 1 (direct emissions)"))
		case 2:
			parts = append(parts, ScopeNameIn(l, 2, b.Scope2Method))
		case 3:
			if len(b.Scope3Categories) == 0 {
				parts = append(parts, l.T("Scope 3 (all categories)"))
			} else {
				parts = append(parts, l.T("Scope 3 categories %s", intList(b.Scope3Categories)))
			}
		}
	}
	return strings.Join(parts, ", ")
}

// CategoriesTextIn names Scope 3 categories in l: "category 11", "categories 2, 11".
func CategoriesTextIn(l lang.Lang, cats []int) string {
	if len(cats) == 1 {
		return l.T("category %s", strconv.Itoa(cats[0]))
	}
	return l.T("categories %s", intList(cats))
}

func intList(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ", ")
}
