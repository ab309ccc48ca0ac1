package reports

import "strconv"

// maxChartCategories is the most categories (bars) a horizontal bar chart
// shows: 25 rows of 0.3 inch make a chart 10.1 inches tall, which prints
// on a page with every label readable. A chart with more is split.
const maxChartCategories = 25

// splitChart returns c, or when it has more than maxChartCategories
// categories, c in parts of equal size (at most maxChartCategories
// each; 69 ministries make 3 charts of 23), in the categories' order,
// every part with all of c's series. Part k is named c.Name-k, and its
// title and caption say which of the categories (what, in words: "ministries")
// it shows.
func splitChart(p printer, c ChartData, what string) []ChartData {
	n := len(c.Categories)
	if n <= maxChartCategories {
		return []ChartData{c}
	}
	parts := (n + maxChartCategories - 1) / maxChartCategories
	size := (n + parts - 1) / parts
	var out []ChartData
	for k, from := 0, 0; from < n; k, from = k+1, from+size {
		to := min(from+size, n)
		part := c
		part.Name = c.Name + "-" + strconv.Itoa(k+1)
		part.Categories = c.Categories[from:to:to]
		part.Series = make([]ChartSeries, len(c.Series))
		for i, s := range c.Series {
			s.Values = s.Values[from:to:to]
			part.Series[i] = s
		}
		span := p.F("%s %s–%s of %s", what, p.f.Int(int64(from+1)), p.f.Int(int64(to)), p.f.Int(int64(n)))
		part.Title = c.Title + ", " + span
		part.Caption = c.Caption + " " + p.F("Chart %s of %s (%s): each shows at most %s, so that it stays readable.", p.f.Int(int64(k+1)), p.f.Int(int64(parts)), span, p.f.CountOf(maxChartCategories, what, what))
		out = append(out, part)
	}
	return out
}
