package reports

import (
	"math"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

// Alt returns a text alternative to the chart for people who cannot see
// it: the title, then each category with its values in whole per cent
// ("1 Data: Principal 1 %, Significant 78 %"), then the caption.
func (c ChartData) Alt() string {
	var b strings.Builder
	b.WriteString(c.Title)
	b.WriteString(".")
	if len(c.Series) == 0 {
		b.WriteString(" No data.")
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
			b.WriteString(" " + s.Name + " " + chartValue(v, c.Percent))
		}
		b.WriteString(";")
	}
	if c.Caption != "" {
		b.WriteString(" " + c.Caption)
	}
	return chartText(b.String())
}

// geweMarkedPhrase says which lines count as GEWE-marked under w.
func geweMarkedPhrase(w analysis.Weighting) string {
	if w.Attributed {
		return "declaring an approved GEWE amount (" + w.Name + ")"
	}
	var lv []string
	for _, l := range levelsDown {
		if w.Weight(l) > 0 {
			lv = append(lv, strings.ToLower(l.Label()))
		}
	}
	if len(lv) == 0 {
		return "with a marker counted under " + w.Name + " (none is)"
	}
	return "marked " + chartOr(lv) + ", the levels " + w.Name + " counts"
}

// countedPhrase says how convention w counts money: "principal and
// significant counted in full under dac_headline".
func countedPhrase(w analysis.Weighting) string {
	if w.Attributed {
		return "the GEWE amount declared on each line counted under " + w.Name
	}
	var names, weighted []string
	full := true
	for _, lv := range levelsDown {
		bp := w.Weight(lv)
		if bp <= 0 {
			continue
		}
		name := strings.ToLower(lv.Label())
		names = append(names, name)
		weighted = append(weighted, name+" at "+format.BasisPointsSpaced(bp))
		full = full && bp == 10000
	}
	switch {
	case len(names) == 0:
		return "no money counted under " + w.Name
	case full:
		return chartAnd(names) + " counted in full under " + w.Name
	}
	return chartAnd(weighted) + " counted under " + w.Name
}

// chartAnd and chartOr join words into a list: "a, b and c".
func chartAnd(s []string) string { return format.List(s, "and") }
func chartOr(s []string) string  { return format.List(s, "or") }

// chartPhaseYear names the phase and the year: "approved, 2025".
func chartPhaseYear(p budget.Phase, year int) string {
	return p.String() + chartYear(year)
}

// chartYear returns ", 2025", or "" for year 0 (no fiscal year).
func chartYear(year int) string {
	if year == 0 {
		return ""
	}
	return ", " + strconv.Itoa(year)
}

// chartSources names the report's inputs, or "unnamed input".
func chartSources(r *Report) string {
	var s []string
	for _, n := range r.Sources() {
		if n != "" {
			s = append(s, n)
		}
	}
	if len(s) == 0 {
		return "unnamed input"
	}
	return strings.Join(s, ", ")
}

// sourceYearPhase begins a caption: "Source: a.xlsx, fiscal year 2025,
// approved amounts".
func sourceYearPhase(r *Report, year int, what string) string {
	y := "all lines (no fiscal year given)"
	if year != 0 {
		y = "fiscal year " + strconv.Itoa(year)
	}
	return "Source: " + chartSources(r) + ", " + y + ", " + what
}

// chartValue writes a value as the charts show it: in whole per cent for
// percent charts ("<1 %" for a small share that is not zero), else as is.
func chartValue(v float64, pct bool) string {
	if !pct {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	switch {
	case v > 0 && v < 1:
		return "<1 %"
	case v < 0 && v > -1:
		return ">−1 %"
	}
	return format.PercentExactSpaced(math.Round(v))
}
