package templates

import (
	"archive/zip"
	"bytes"
	"testing"
)

func TestSampleBudget(t *testing.T) {
	b := SampleBudget()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("%s is not a zip (xlsx) file: %v", SampleBudgetName, err)
	}
	found := false
	for _, f := range zr.File {
		if f.Name == "xl/workbook.xml" {
			found = true
		}
	}
	if !found {
		t.Errorf("%s has no xl/workbook.xml", SampleBudgetName)
	}
	// SampleBudget returns a copy: changing it does not change the next call.
	b[0] ^= 0xff
	if c := SampleBudget(); c[0] == b[0] {
		t.Error("SampleBudget returned shared bytes")
	}
}
