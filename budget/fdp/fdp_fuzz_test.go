package fdp

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// FuzzParsePackage runs the descriptor reader over arbitrary JSON: no
// panic; a package it accepts names a csv file inside its folder and at
// least one column of money (or fiscal-year columns, noted).
func FuzzParsePackage(f *testing.F) {
	f.Add([]byte(testPackage))
	f.Add([]byte(`{"resources": [{"name": "r", "path": "r.csv"}], "mapping": {"measures": {"2014-15": {"source": "2014-15", "currency": "AUD"}}}}`))
	f.Add([]byte(`{"resources": [{"name": "r", "path": "../r.csv"}], "model": {"measures": {"a": {"source": "x", "factor": 1e3}}, "dimensions": {"d": {"dimensionType": "datetime", "primaryKey": ["y"], "attributes": {"y": {"constant": 2024}}}}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParsePackage(data, filepath.Join("pkg", "datapackage.json"))
		if err != nil {
			return
		}
		rel, rerr := filepath.Rel("pkg", p.Data)
		if rerr != nil || !filepath.IsLocal(rel) {
			t.Fatalf("data %q is outside the package", p.Data)
		}
		money := false
		for f := range p.Columns {
			money = money || f == budget.FieldAmount || f == budget.FieldProposed || f == budget.FieldApproved || f == budget.FieldRevised || f == budget.FieldExecuted
		}
		for _, n := range p.Notes {
			money = money || strings.HasPrefix(n, "money: fiscal-year columns")
		}
		if !money {
			t.Fatalf("accepted without a column of money: %+v", p)
		}
	})
}
