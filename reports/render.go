package reports

// RenderCharts renders the report's charts as SVG for the HTML page.
func RenderCharts(r *Report) ([]HTMLChart, error) {
	return nil, nil
}
