package xlsx

import (
	"errors"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

func TestSniff(t *testing.T) {
	for head, want := range map[string]bool{"PK\x03\x04rest": true, "PK\x03": false, "a,b\n": false, "": false} {
		if got := Sniff([]byte(head)); got != want {
			t.Errorf("Sniff(%q) = %v, want %v", head, got, want)
		}
	}
}

// A file that is not a workbook is a *budget.ParseError naming it.
func TestReadNotWorkbook(t *testing.T) {
	_, err := Read(strings.NewReader("a,b\n1,2\n"), "x.xlsx", budget.Options{})
	var pe *budget.ParseError
	if !errors.As(err, &pe) || pe.File != "x.xlsx" {
		t.Errorf("Read(csv text) error = %v, want a ParseError of x.xlsx", err)
	}
}
