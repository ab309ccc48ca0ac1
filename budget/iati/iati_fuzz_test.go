package iati

import (
	"bytes"
	"testing"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/readertest"
)

// FuzzReadIATI runs the IATI reader over arbitrary bytes: it must never
// panic, a nil budget comes with an error, every activity read is in the
// ledger once, and every line points at an activity that made lines.
func FuzzReadIATI(f *testing.F) {
	f.Add([]byte(iatiDoc(iatiBudgets)))
	f.Add([]byte(`<iati-activities version="1.01"><iati-activity default-currency="GBP"><iati-identifier>A</iati-identifier><policy-marker vocabulary="DAC" code="1" significance="3"/><budget type="Revised"><period-start iso-date="2010-04-01"/><period-end iso-date="2009-03-31"/><value>-1e3</value></budget><transaction><transaction-type code="E"/><transaction-date iso-date="2010-13-01"/><value>1</value></transaction></iati-activity></iati-activities>`))
	f.Add([]byte("\ufeff<?xml version=\"1.0\" encoding=\"windows-1252\"?><iati-activities><iati-activity><iati-identifier>\x93x\x94</iati-identifier></iati-activity></iati-activities>"))
	f.Add([]byte(`<iati-activities><iati-activity><iati-identifier>A</iati-identifier><budget><value>99999999999999999999</value></budget><budget><value>99999999999999999</value></budget></iati-activity>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Read(bytes.NewReader(data), "fuzz.xml", budget.Options{Format: "xml", MaxBytes: 1 << 20, MaxRows: 1000})
		if b == nil {
			if err == nil {
				t.Fatal("nil budget and nil error")
			}
			return
		}
		readertest.CheckLedger(t, b)
		made := map[int]int{}
		for _, r := range b.Ledger {
			for row := r.Row; row <= r.Last(); row++ {
				made[row] = r.Lines
			}
		}
		n := map[int]int{}
		for _, l := range b.Lines.All() {
			n[l.Pos.Row]++
			if l.Gender.Scheme() != "" && !l.Gender.Level.Screened() {
				t.Fatalf("%s: marker %+v has a scheme but no level", l.ID, l.Gender)
			}
		}
		for row, k := range n {
			if made[row] != k {
				t.Fatalf("activity %d: %d lines, ledger says %d", row, k, made[row])
			}
		}
	})
}
