package grid

import (
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// The title context is read from the options first, then the title rows
// and header, then the sheet's name.
func TestReadTitleContext(t *testing.T) {
	tests := []struct {
		name  string
		opt   budget.Options
		sheet string
		texts []string
		want  titleContext
	}{
		{"nothing stated", budget.Options{}, "Sheet1", []string{"Budget lines"},
			titleContext{scale: budget.Units, scaleFrom: "default: the file states no scale"}},
		{"title rows", budget.Options{}, "Sheet1", []string{"Ministry of Interior", "Fiscal year 2024 (in thousands of USD)"},
			titleContext{scale: budget.Thousands, scaleFrom: `text "Fiscal year 2024 (in thousands of USD)"`, currency: "USD", year: 2024, yearLabel: "2024"}},
		{"options win", budget.Options{Scale: budget.Millions, Currency: "eur", Year: 2023}, "FY2021", []string{"Fiscal year 2024 (in thousands of USD)"},
			titleContext{scale: budget.Millions, scaleFrom: "option", currency: "EUR", year: 2023, yearLabel: "2023"}},
		{"scale from a package", budget.Options{Scale: budget.Thousands, ScaleFrom: "datapackage.json factor"}, "", nil,
			titleContext{scale: budget.Thousands, scaleFrom: "datapackage.json factor"}},
		{"year from the sheet's name", budget.Options{}, "FY 2021", nil,
			titleContext{scale: budget.Units, scaleFrom: "default: the file states no scale", year: 2021, yearLabel: "2021"}},
		{"not a currency code", budget.Options{}, "", []string{"GCM and UN targets, ABC"},
			titleContext{scale: budget.Units, scaleFrom: "default: the file states no scale"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := readTitleContext(&tt.opt, tt.sheet, tt.texts); got != tt.want {
				t.Errorf("readTitleContext(%q, %q) = %+v, want %+v", tt.sheet, tt.texts, got, tt.want)
			}
		})
	}
}
