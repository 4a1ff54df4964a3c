package xlsxwrite

import (
	"strings"
	"unicode/utf8"
)

// Row heights in points: a line of the default 11-point font, and a 14-point title.
const (
	lineHeight  = 15.0
	TitleHeight = 21.0
)

// RowHeight is the height of a row of n lines of text, within Excel's 409 points.
func RowHeight(n int) float64 { return min(lineHeight*float64(max(n, 1)), 409) }

// WrappedLines estimates how many lines text takes when wrapped in a column width characters
// wide: Excel and LibreOffice open a row at the height the file gives (one line by default),
// so a wrapped header or paragraph needs its height set or it is cut. Words are wrapped at
// spaces, a word longer than the line at the width; a character counts as one unit of width,
// which errs on the side of one line too many.
func WrappedLines(text string, width float64) int {
	capacity := max(int(width), 1)
	lines, used := 1, 0
	for _, word := range strings.Fields(text) {
		n := utf8.RuneCountInString(word)
		switch {
		case used == 0:
		case used+1+n <= capacity:
			used++
		default:
			lines++
			used = 0
		}
		for n > capacity-used { // a word longer than what is left of the line
			n -= capacity - used
			lines++
			used = 0
		}
		used += n
	}
	return lines
}

// NonZero gives a blank cell for 0 (a category or year that does not apply).
func NonZero(n int) any {
	if n == 0 {
		return nil
	}
	return n
}
