package factors

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Key is how ids are compared, in the library and against a row's Activity: without the
// spaces around it, in Unicode NFC (an "é" typed as one character or as "e" and a combining
// accent is one letter) and case-folded. Two ids with one Key are one id.
func Key(id string) string {
	id = strings.TrimSpace(id)
	if ascii(id) {
		return strings.ToLower(id) // what folding gives, without its cost on every lookup
	}
	// A Caser holds state: one per call, as lookups run on several goroutines.
	return norm.NFC.String(cases.Fold().String(norm.NFC.String(id)))
}

// Normal is id as rows and outputs show it: in Unicode NFC, so that one id typed two ways
// counts as one activity.
func Normal(id string) string { return norm.NFC.String(id) }

// SameKey says why two spellings a and b of an id are one id, for an error that refuses them.
func SameKey(a, b string) string {
	if strings.ToLower(a) == strings.ToLower(b) {
		return fmt.Sprintf("%q and %q differ only in case", a, b)
	}
	return fmt.Sprintf("%q and %q are one id written two ways (%s and %s): ids are compared in Unicode NFC and ignoring case, so an accent typed as one character or as a letter and a combining mark is the same",
		a, b, strconv.QuoteToASCII(a), strconv.QuoteToASCII(b))
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
