package grid_test

import (
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/readertest"
)

func TestScalePerColumn(t *testing.T) {
	tests := []struct {
		name          string
		csv           string
		opt           budget.Options
		approved      int64 // cents
		executed      int64
		sheetEvidence string // part of the sheet-level decision's evidence, "" for none
		columns       map[string]string
	}{
		{
			name: "each header states its own scale",
			csv: "Programme,Approved (KES million),Executed (KES thousand)\n" +
				"A,1.5,250\n",
			approved: 150000000, executed: 25000000,
			sheetEvidence: "Approved (KES million)",
			columns:       map[string]string{"Approved (KES million)": "millions", "Executed (KES thousand)": "thousands"},
		},
		{
			name: "title scale for the columns whose header states none",
			csv: "\"Budget 2024, in thousands of KES\"\n" +
				"Programme,Approved (KES million),Executed\n" +
				"A,1.5,250\n",
			approved: 150000000, executed: 25000000,
			sheetEvidence: "in thousands",
			columns:       map[string]string{"Approved (KES million)": "millions"},
		},
		{
			name: "--scale wins over every header",
			csv: "Programme,Approved (KES million),Executed\n" +
				"A,1.5,250\n",
			opt:      budget.Options{Scale: budget.Units},
			approved: 150, executed: 25000,
			sheetEvidence: "option",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := readCSV(t, tt.csv, tt.opt)
			if got, want := readertest.SumPhase(b.Lines, budget.Approved), budget.FromCents(tt.approved); got.Cmp(want) != 0 {
				t.Errorf("approved = %s, want %s", got, want)
			}
			if got, want := readertest.SumPhase(b.Lines, budget.Executed), budget.FromCents(tt.executed); got.Cmp(want) != 0 {
				t.Errorf("executed = %s, want %s", got, want)
			}
			cols := map[string]string{}
			sheet := ""
			for _, d := range b.Decisions {
				if d.Topic != "scale" {
					continue
				}
				if d.Override != "--scale" && !strings.HasPrefix(d.Override, "--scale ") {
					t.Errorf("decision %+v: want the --scale override", d)
				}
				if d.Column == "" {
					sheet = d.Evidence
					continue
				}
				cols[d.Column] = d.Choice
			}
			if !strings.Contains(sheet, tt.sheetEvidence) {
				t.Errorf("sheet scale evidence %q, want it to say %q", sheet, tt.sheetEvidence)
			}
			if len(cols) != len(tt.columns) {
				t.Errorf("column scale decisions = %v, want %v", cols, tt.columns)
			}
			for c, want := range tt.columns {
				if cols[c] != want {
					t.Errorf("column %q scale = %q, want %q", c, cols[c], want)
				}
			}
		})
	}
}
