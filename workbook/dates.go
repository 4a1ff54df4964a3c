package workbook

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/footprint/footprint/lang"
	"github.com/xuri/excelize/v2"
)

// excelDate converts a date serial in the 1900 or 1904 date system.
func excelDate(l lang.Lang, serial float64, date1904 bool) (time.Time, error) {
	if serial < 0 || serial > 2958465 { // 9999-12-31
		return time.Time{}, errors.New(l.T("%s is not a date serial", fmt.Sprint(serial)))
	}
	t, err := excelize.ExcelDateToTime(serial, date1904)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: %w", l.T("date serial %s", fmt.Sprint(serial)), err)
	}
	return t, nil
}

// isDateNumFmt reports whether a number format shows a date: one of Excel's built-in date
// formats, or a custom code with day, month or year tokens outside quoted text and brackets.
func isDateNumFmt(id int, custom string) bool {
	switch {
	case id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 45 && id <= 47, id >= 50 && id <= 58, id >= 71 && id <= 81:
		if custom == "" {
			return true
		}
	}
	if custom == "" {
		return false
	}
	inQuote, inBracket := false, false
	for _, r := range strings.ToLower(custom) {
		switch {
		case r == '"':
			inQuote = !inQuote
		case inQuote:
		case r == '[':
			inBracket = true
		case r == ']':
			inBracket = false
		case inBracket:
		case r == 'd' || r == 'm' || r == 'y':
			return true
		}
	}
	return false
}
