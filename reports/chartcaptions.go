package reports

import (
	"math"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
)

// Alt returns a text alternative to the chart for people who cannot see
// it: the title, then each category with its values in whole per cent
// ("1 Data: Principal 1 %, Significant 78 %"), then the caption.
func (c ChartData) Alt() string {
	var b strings.Builder
	b.WriteString(c.Title)
	b.WriteString(".")
	if len(c.Series) == 0 {
		b.WriteString(" " + c.p.S("No data."))
	}
	for i, cat := range c.Categories {
		b.WriteString(" " + cat + ":")
		for k, s := range c.Series {
			if k > 0 {
				b.WriteString(",")
			}
			v := 0.0
			if i < len(s.Values) {
				v = s.Values[i]
			}
			b.WriteString(" " + s.Name + " " + c.p.chartValue(v, c.Percent))
		}
		b.WriteString(";")
	}
	if c.Caption != "" {
		b.WriteString(" " + c.Caption)
	}
	return chartText(b.String())
}

// geweMarkedPhrase says which lines w counts as GEWE-marked, for the
// execution chart's caption.
func (p printer) geweMarkedPhrase(w analysis.Weighting) string {
	if w.Attributed {
		return p.F("declaring an approved GEWE amount (%s)", w.Name)
	}
	var lv []string
	for _, l := range levelsDown {
		if w.Weight(l) > 0 {
			lv = append(lv, strings.ToLower(p.level(l)))
		}
	}
	if len(lv) == 0 {
		return p.F("with a marker counted under %s (none is)", w.Name)
	}
	return p.F("marked %s, the levels %s counts", p.listOr(lv), w.Name)
}

// countedPhrase says how w counts each level: "principal and significant
// counted in full under dac_headline", "principal at 100 % and
// significant at 40 % counted under eu_100_40_0". Without under, the
// phrase stops before "under".
func (p printer) countedPhrase(w analysis.Weighting, under bool) string {
	if w.Attributed {
		if !under {
			return p.S("the GEWE amount declared on each line counted")
		}
		return p.F("the GEWE amount declared on each line counted under %s", w.Name)
	}
	var names, weighted []string
	full := true
	for _, lv := range levelsDown {
		bp := w.Weight(lv)
		if bp <= 0 {
			continue
		}
		name := strings.ToLower(p.level(lv))
		names = append(names, name)
		weighted = append(weighted, p.F("%s at %s", name, p.f.BasisPointsSpaced(bp)))
		full = full && bp == 10000
	}
	switch {
	case len(names) == 0 && under:
		return p.F("no money counted under %s", w.Name)
	case len(names) == 0:
		return p.S("no money counted")
	case full && under:
		return p.F("%s counted in full under %s", p.list(names), w.Name)
	case full:
		return p.F("%s counted in full", p.list(names))
	case under:
		return p.F("%s counted under %s", p.list(weighted), w.Name)
	}
	return p.F("%s counted", p.list(weighted))
}

// chartPhaseYear is "approved, 2025" for a chart's title.
func (p printer) chartPhaseYear(ph budget.Phase, year int) string {
	return p.phase(ph) + chartYear(year)
}

// chartYear is ", 2025", or "" when the lines carry no year.
func chartYear(year int) string {
	if year == 0 {
		return ""
	}
	return ", " + strconv.Itoa(year)
}

// chartSources names the files of the report for a caption.
func (p printer) chartSources(r *Report) string {
	var s []string
	for _, n := range r.Sources() {
		if n != "" {
			s = append(s, n)
		}
	}
	if len(s) == 0 {
		return p.S("unnamed input")
	}
	return strings.Join(s, ", ")
}

// sourceYearPhase opens a caption: "Source: a.xlsx, fiscal year 2025,
// what".
func (p printer) sourceYearPhase(r *Report, year int, what string) string {
	if year != 0 {
		return p.F("Source: %s, fiscal year %s, %s", p.chartSources(r), y(year), what)
	}
	return p.F("Source: %s, all lines (no fiscal year given), %s", p.chartSources(r), what)
}

// chartValue writes a value of a chart for its text alternative and its
// labels: a percentage rounded to a whole number ("<1 %" for a sliver),
// or the number.
func (p printer) chartValue(v float64, pct bool) string {
	if !pct {
		if p.mp == nil {
			return strconv.FormatFloat(v, 'f', -1, 64)
		}
		return p.f.Float(v, -1)
	}
	switch {
	case v > 0 && v < 1:
		return "<" + p.f.PercentExactSpaced(1)
	case v < 0 && v > -1:
		return ">−" + p.f.PercentExactSpaced(1)
	}
	return p.f.PercentExactSpaced(math.Round(v))
}
