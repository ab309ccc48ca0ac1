package grid

import (
	"cmp"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/currency"

	"github.com/grb-toolkit/grb/budget"
)

var fiscalYearText = regexp.MustCompile(`(?i)\b(?:fiscal year|financial year|budget year|budget|fy|ejercicio(?: fiscal)?|a[ñn]o fiscal|presupuesto(?: de egresos)?|exercice(?: budg[ée]taire)?)\s*:?\s*((?:19|20)\d\d)\b`)

var isoToken = regexp.MustCompile(`\b[A-Z]{3}\b`)

var sheetYear = regexp.MustCompile(`(?i)^fy ?((?:19|20)\d\d)$`)

// titleContext is what the title rows (and the header) of a sheet say of
// all its lines: the scale of the amounts, the currency and the fiscal
// year.
type titleContext struct {
	scale     budget.Scale
	scaleFrom string       // where the scale came from, for the report
	geweScale budget.Scale // the GEWE amount column's scale
	currency  string
	year      int
	yearLabel string
}

// readTitleContext takes the scale, currency and fiscal year from the
// options, else from texts (the title rows' cells, then the header's),
// else the year from the sheet's name ("FY2024").
func readTitleContext(opt *budget.Options, sheet string, texts []string) titleContext {
	var c titleContext
	c.scale, c.scaleFrom = budget.Units, "default: the file states no scale"
	if opt.Scale != 0 {
		c.scale, c.scaleFrom = opt.Scale, cmp.Or(opt.ScaleFrom, "option")
	} else if sc, t, ok := scaleOf(texts); ok {
		c.scale, c.scaleFrom = sc, fmt.Sprintf("text %q", strings.TrimSpace(t))
	}
	c.currency = strings.ToUpper(opt.Currency)
	if c.currency == "" {
		c.currency = currencyOf(texts)
	}
	c.year = opt.Year
	switch {
	case c.year != 0:
		c.yearLabel = strconv.Itoa(c.year)
	default:
		c.year, c.yearLabel = yearOf(texts, sheet)
	}
	return c
}

// scaleOf returns the scale the first of texts that states one states,
// and that text.
func scaleOf(texts []string) (budget.Scale, string, bool) {
	for _, t := range texts {
		if sc, ok := budget.ScaleFromText(t); ok {
			return sc, t, true
		}
	}
	return 0, "", false
}

// currencyOf returns the first ISO 4217 code written in texts, or "".
func currencyOf(texts []string) string {
	for _, t := range texts {
		for _, tok := range isoToken.FindAllString(t, -1) {
			if _, err := currency.ParseISO(tok); err == nil {
				return tok
			}
		}
	}
	return ""
}

// yearOf returns the fiscal year the first of texts that states one
// states ("Fiscal year 2024", "Presupuesto de egresos 2016"), else the
// year of a sheet named "FY2024"; 0 and "" when none does.
func yearOf(texts []string, sheet string) (int, string) {
	for _, t := range texts {
		if m := fiscalYearText.FindStringSubmatch(t); m != nil {
			y, _ := strconv.Atoi(m[1])
			return y, m[1]
		}
	}
	if m := sheetYear.FindStringSubmatch(strings.TrimSpace(sheet)); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y, m[1]
	}
	return 0, ""
}

// sheetContext reads the title context of the sheet and reports it, then
// the scale of each money column.
func (s *sheetReader) sheetContext(titles []string) {
	texts := append(append([]string(nil), titles...), s.header...)
	s.titleContext = readTitleContext(s.opt, s.sheet, texts)
	s.rep.Scale, s.rep.ScaleFrom, s.rep.Currency = s.scale, s.scaleFrom, s.currency
	s.columnScales()
}

// columnScales gives each money column the scale its own header states
// ("Approved (KES million)"), else the sheet's (the title's, else the
// first header that states one), unless --scale is given; and records
// the sheet's and the columns' scale decisions with their evidence.
func (s *sheetReader) columnScales() {
	s.geweScale = s.scale
	for i := range s.amts {
		s.amts[i].scale = s.scale
	}
	if s.opt.Scale != 0 || strings.HasPrefix(s.scaleFrom, "text ") {
		s.b.Decide(budget.Decision{Sheet: s.sheet, Topic: "scale", Choice: s.scale.String(), Evidence: s.scaleFrom, Override: "--scale"})
	}
	if s.opt.Scale != 0 {
		return
	}
	own := func(col int) (budget.Scale, bool) {
		for _, h := range []string{s.header[col], s.joined[col]} {
			if sc, ok := budget.ScaleFromText(h); ok {
				s.b.Decide(budget.Decision{Sheet: s.sheet, Column: strings.TrimSpace(s.header[col]), Topic: "scale", Choice: sc.String(),
					Evidence: fmt.Sprintf("its header %q states it", strings.TrimSpace(h)), Override: "--scale"})
				return sc, true
			}
		}
		return 0, false
	}
	for i := range s.amts {
		if sc, ok := own(s.amts[i].col); ok {
			s.amts[i].scale = sc
		}
	}
	if s.gewe >= 0 {
		if sc, ok := own(s.gewe); ok {
			s.geweScale = sc
		}
	}
}
