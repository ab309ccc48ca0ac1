package iati

import (
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/readertest"
)

// iatiLevels is a parent activity (hierarchy 1) that carries a budget of
// 1000 and lists its two children by related-activity type 2; the children
// (hierarchy 2) carry 600 and 300. C1 also names its parent (type 1), C2
// does not.
var iatiLevels = iatiDoc(
	`<iati-activity default-currency="USD" hierarchy="1">
  <iati-identifier>XM-1-P</iati-identifier>
  <title><narrative>Programme</narrative></title>
  <related-activity ref="XM-1-C1" type="2"/>
  <related-activity ref="XM-1-C2" type="2"/>
  <budget type="1"><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value value-date="2020-01-01">1000</value></budget>
</iati-activity>`,
	`<iati-activity default-currency="USD" hierarchy="2">
  <iati-identifier>XM-1-C1</iati-identifier>
  <title><narrative>Component one</narrative></title>
  <related-activity ref="XM-1-P" type="1"/>
  <budget type="1"><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value value-date="2020-01-01">600</value></budget>
</iati-activity>`,
	`<iati-activity default-currency="USD" hierarchy="2">
  <iati-identifier>XM-1-C2</iati-identifier>
  <title><narrative>Component two</narrative></title>
  <budget type="1"><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value value-date="2020-01-01">300</value></budget>
</iati-activity>`)

func TestReadIATILevels(t *testing.T) {
	tests := []struct {
		level   budget.RecordLevel
		ids     string
		classes string
	}{
		{budget.LevelLeaves, "XM-1-C1 XM-1-C2", "subtotal line line"},
		{budget.LevelParents, "XM-1-P", "line note note"},
		{budget.LevelAll, "XM-1-P XM-1-C1 XM-1-C2", "line line line"},
	}
	for _, tt := range tests {
		t.Run(tt.level.String(), func(t *testing.T) {
			b := readIATIText(t, iatiLevels, budget.Options{Level: tt.level})
			var ids, classes []string
			for _, l := range b.Lines.All() {
				ids = append(ids, l.Programme.Code())
			}
			for _, r := range b.Ledger {
				for range r.Rows {
					classes = append(classes, r.Class.String())
				}
			}
			if got := strings.Join(ids, " "); got != tt.ids {
				t.Errorf("lines = %q, want %q", got, tt.ids)
			}
			if got := strings.Join(classes, " "); got != tt.classes {
				t.Errorf("ledger = %q, want %q", got, tt.classes)
			}
			if got := strings.Join(iatiIssueCodes(b), ","); got != "warning parent-mismatch" {
				t.Errorf("issues = %q, want the parent's mismatch", got)
			}
			found := false
			for _, d := range b.Decisions {
				if d.Topic == "level" {
					found = true
					for _, w := range []string{"1 parent,", "2 children", "leaves 900.00", "parents 1000.00"} {
						if !strings.Contains(d.Evidence, w) {
							t.Errorf("evidence %q does not say %q", d.Evidence, w)
						}
					}
				}
			}
			if !found {
				t.Errorf("no level decision: %+v", b.Decisions)
			}
		})
	}
}

// TestReadIATIRealLevels checks that the real files with a hierarchy,
// whose parents carry no money, read as before: the parents make no
// lines, no line is left out, and the decision says why.
func TestReadIATIRealLevels(t *testing.T) {
	for _, tt := range []struct {
		file    string
		parents string
	}{
		{"iati-dfid-drc-v1-01/CD.xml", "67 parent activities"},
		{"iati-dfid-albania-hierarchy/dfid-albania-activities.xml", "3 parent activities"},
		{"iati-beis-newton-gcrf-2-03/royal-society-newton-legacy.xml", "1 parent activities"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			path := readertest.RealFile(t, tt.file)
			b, err := ReadFile(path, budget.Options{})
			if err != nil {
				t.Fatal(err)
			}
			all, err := ReadFile(path, budget.Options{Level: budget.LevelAll})
			if err != nil {
				t.Fatal(err)
			}
			if b.Lines.Len() != all.Lines.Len() {
				t.Errorf("leaves: %d lines, all: %d; want the same (parents carry no money)", b.Lines.Len(), all.Lines.Len())
			}
			var ev string
			for _, d := range b.Decisions {
				if d.Topic == "level" {
					ev = d.Choice + " " + d.Evidence
				}
			}
			if !strings.Contains(ev, tt.parents) || !strings.Contains(ev, "no money") {
				t.Errorf("level decision %q, want %q with no money", ev, tt.parents)
			}
		})
	}
}
