package reports

import (
	"math"
	"strconv"
)

// tableValue writes a chart's value as its table shows it: a per cent
// with one decimal, or a whole amount with thousands separators.
func (p printer) tableValue(c ChartData, v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	if c.Percent {
		return p.f.Percent(v)
	}
	return p.f.Thousands(strconv.FormatFloat(v, 'f', 0, 64))
}

// chartTakeaway is a chart's short text alternative: its title and what
// it shows first (the first series' highest and lowest category, or for a
// trend, its first and last value); the data table holds the detail.
func (p printer) chartTakeaway(c ChartData) string {
	if len(c.Series) == 0 || len(c.Categories) == 0 {
		return c.Title + "."
	}
	s := c.Series[0]
	if c.Kind == ChartLines {
		first, last := 0, len(s.Values)-1
		return p.takeawayTrend(c.Title, s.Name, c.Categories[first], p.tableValue(c, s.Values[first]), c.Categories[last], p.tableValue(c, s.Values[last]))
	}
	hi, lo := -1, -1
	for i, v := range s.Values {
		if math.IsNaN(v) {
			continue
		}
		if hi < 0 || v > s.Values[hi] {
			hi = i
		}
		if lo < 0 || v < s.Values[lo] {
			lo = i
		}
	}
	if hi < 0 {
		return c.Title + "."
	}
	return p.takeawayRange(c.Title, s.Name, c.Categories[hi], p.tableValue(c, s.Values[hi]), c.Categories[lo], p.tableValue(c, s.Values[lo]))
}

// takeawayTrend and takeawayRange are the takeaway sentences.
func (p printer) takeawayTrend(title, series, from, vFrom, to, vTo string) string {
	return title + ". " + p.F("%s: %s in %s, %s in %s. The table of the chart's data gives every value.", series, vFrom, from, vTo, to)
}

func (p printer) takeawayRange(title, series, hi, vHi, lo, vLo string) string {
	return title + ". " + p.F("%s is highest for %s (%s) and lowest for %s (%s). The table of the chart's data gives every value.", series, hi, vHi, lo, vLo)
}

// chartTable is the data of a chart as a table: a row per category, a
// column per series.
func (p printer) chartTable(c ChartData) *htmlTable {
	t := &htmlTable{ID: "data-" + c.Name, Heading: p.S("Data of this chart"), Caption: p.F("Data of the chart: %s", c.Title)}
	t.Head = append(t.Head, htmlCell{Text: p.chartHeadCategory(c)})
	for _, s := range c.Series {
		t.Head = append(t.Head, htmlCell{Text: chartText(s.Name), Num: true})
	}
	for i, cat := range c.Categories {
		row := htmlRow{Cells: []htmlCell{{Text: cat}}}
		for _, s := range c.Series {
			v := math.NaN()
			if i < len(s.Values) {
				v = s.Values[i]
			}
			row.Cells = append(row.Cells, htmlCell{Text: p.tableValue(c, v), Num: true})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// chartHeadCategory names the category column: the axis label of the
// categories.
func (p printer) chartHeadCategory(c ChartData) string {
	if c.Horizontal && c.YLabel != "" {
		return c.YLabel
	}
	if !c.Horizontal && c.XLabel != "" {
		return c.XLabel
	}
	return p.S("Category")
}
