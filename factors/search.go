package factors

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Search returns the factors that text finds, in library order. A factor is found when each
// word of text is a word of its id, English or French name, tags, source, dataset, region or
// unit, ignoring case and accents ("electricite" finds "Électricité"). Whole words are tried
// first, so "car" finds cars and not every "Carbone", and "bus" not "business"; only when no
// factor has them all as whole words are the words taken as the beginnings of words
// ("electr" finds electricity). An empty text finds every factor.
func (l *Library) Search(text string) []Factor {
	query := searchWords(text)
	all := l.All()
	if len(query) == 0 {
		return all
	}
	for _, prefix := range []bool{false, true} {
		var out []Factor
		for _, f := range all {
			if matchAll(query, factorWords(f), prefix) {
				out = append(out, f)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// SearchHint suggests what to search instead when text finds nothing: for each of its words
// the library does not know, the nearest word it does (by EditDistance, as Suggest), and the
// id nearest to text. Empty when nothing is close enough to help.
func (l *Library) SearchHint(text string) []string {
	vocab := map[string]bool{}
	for _, f := range l.All() {
		for _, w := range factorWords(f) {
			vocab[w] = true
		}
	}
	var hints []string
	seen := map[string]bool{}
	add := func(h string) {
		if h != "" && !seen[h] {
			seen[h] = true
			hints = append(hints, h)
		}
	}
	for _, w := range searchWords(text) {
		if vocab[w] {
			continue
		}
		best, bestD := "", len(w)/3+2
		for v := range vocab {
			if abs(len(v)-len(w)) > bestD {
				continue
			}
			// ties go to the alphabetically first word: the hint is the same on every run
			if d := editDistance(w, v); d < bestD || d == bestD && best != "" && v < best {
				best, bestD = v, d
			}
		}
		add(best)
	}
	add(l.Suggest(strings.TrimSpace(text)))
	return hints
}

func matchAll(query, words []string, prefix bool) bool {
	for _, q := range query {
		found := false
		for _, w := range words {
			if w == q || prefix && strings.HasPrefix(w, q) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// factorWords are the folded words a search looks in.
func factorWords(f Factor) []string {
	fields := []string{f.ID, f.Name, f.NameFR, f.Source, f.Dataset, f.Region, f.Unit}
	fields = append(fields, f.Tags...)
	return searchWords(strings.Join(fields, " "))
}

// searchWords folds text (case, accents, Unicode normal form) and splits it into words of
// letters and digits: "Électricité / 2024" gives "electricite", "2024"; "fr.travel.e-bike"
// gives "fr", "travel", "e", "bike".
func searchWords(text string) []string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, text)
	if err != nil {
		folded = text
	}
	folded = cases.Fold().String(folded)
	return strings.FieldsFunc(folded, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
