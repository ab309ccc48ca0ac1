package rates

import (
	"errors"
	"io"
	"regexp"
	"strconv"

	"github.com/grb-toolkit/grb/budget"
)

// userYAML reads user rates as YAML: currency → year → rate.
func userYAML(r io.Reader) ([][3]string, error) {
	var m map[string]map[int]string
	if err := budget.DecodeYAML(r, &m); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	var out [][3]string
	for cur, ys := range m {
		for y, v := range ys {
			out = append(out, [3]string{cur, strconv.Itoa(y), v})
		}
	}
	return out, nil
}

// The rules for a fiscal year that straddles two calendar years.
const (
	// End takes the rates and price indices of the calendar year the
	// fiscal year ends in (2015-16 and 2015-07-01/2016-06-30: 2016).
	End = "end"
	// Weighted averages the calendar years' rates and indices, weighted
	// by the months of each the fiscal year covers.
	Weighted = "weighted"
)

// share is a calendar year and the months of it a fiscal year covers.
type share struct {
	year, months int
}

var (
	// "2015-16", "2015/16", "2015-2016", "FY2015/16"
	spanLabel = regexp.MustCompile(`^(?:FY\s*)?(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$`)
	// an IATI budget period, "2014-10-01/2015-09-30"
	dateLabel = regexp.MustCompile(`^(\d{4})-(\d{2})-\d{2}/(\d{4})-(\d{2})-\d{2}$`)
)

// calendarShares returns the calendar years a line's fiscal year covers,
// with their months under rule; start is the month fiscal years written
// as "2015-16" begin in (0 when unknown).
func calendarShares(l *budget.Line, rule string, start int) ([]share, error) {
	if m := dateLabel.FindStringSubmatch(l.YearLabel); m != nil {
		y1, _ := strconv.Atoi(m[1])
		m1, _ := strconv.Atoi(m[2])
		y2, _ := strconv.Atoi(m[3])
		m2, _ := strconv.Atoi(m[4])
		if y2 < y1 || (y2 == y1 && m2 < m1) || m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12 {
			return nil, missing(CodeFiscalYearInvalid, l.Currency, l.Year, "budget period %s ends before it starts", l.YearLabel)
		}
		if rule == End || y1 == y2 {
			return []share{{y2, 1}}, nil
		}
		return monthShares(y1, m1, y2, m2), nil
	}
	if m := spanLabel.FindStringSubmatch(l.YearLabel); m != nil {
		y1, _ := strconv.Atoi(m[1])
		y2, _ := strconv.Atoi(m[2])
		if y2 < 100 {
			y2 += y1 / 100 * 100
			if y2 < y1 {
				y2 += 100
			}
		}
		if y2 != y1+1 {
			return nil, missing(CodeFiscalYearInvalid, l.Currency, l.Year, "fiscal year %q: want two consecutive years", l.YearLabel)
		}
		if rule == End {
			return []share{{y2, 1}}, nil
		}
		if start < 2 || start > 12 {
			return nil, missing(CodeFiscalYearInvalid, l.Currency, l.Year, "fiscal year %s straddles %d and %d and the file does not say its months: give --fiscal-year-start MONTH, or --fiscal-year-rate end", l.YearLabel, y1, y2)
		}
		return []share{{y1, 13 - start}, {y2, start - 1}}, nil
	}
	if l.Year == 0 {
		return nil, missing(CodeYearMissing, l.Currency, 0, "the line has no fiscal year, so no rate or price index can be chosen (give --year)")
	}
	return []share{{l.Year, 1}}, nil
}

// monthShares counts the calendar months from (y1, m1) to (y2, m2), both
// included, by calendar year.
func monthShares(y1, m1, y2, m2 int) []share {
	var out []share
	for y := y1; y <= y2; y++ {
		from, to := 1, 12
		if y == y1 {
			from = m1
		}
		if y == y2 {
			to = m2
		}
		out = append(out, share{y, to - from + 1})
	}
	return out
}
