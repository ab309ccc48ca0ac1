package reports

import "bytes"

// RenderCharts renders the report's charts as SVG for the HTML page.
func RenderCharts(r *Report) ([]HTMLChart, error) {
	var out []HTMLChart
	for _, c := range Charts(r) {
		w, h := ChartSize(c)
		var buf bytes.Buffer
		if err := WriteChart(&buf, c, "svg", w, h); err != nil {
			return nil, err
		}
		out = append(out, HTMLChart{Name: c.Name, Title: c.Title, Caption: c.Caption, Alt: c.Alt(), SVG: buf.Bytes()})
	}
	return out, nil
}
