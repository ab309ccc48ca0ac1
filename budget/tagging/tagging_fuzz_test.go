package tagging

import (
	"bytes"
	"testing"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/readertest"
)

// FuzzReadTagging checks that no content of a tagging workbook's marker
// sheet or tag columns makes Read or Check panic.
func FuzzReadTagging(f *testing.F) {
	f.Add("1", "2", "programme_name=A; approved=B", "7", "60", "16", "40", "2", "confirmed", "auto")
	f.Add("1", "9", "approved=ZZ", "24", "x", "", "", "3", "done", "comma")
	f.Add("3", "0", "objectives=A", "General", "100", "7", "", "GEN2", "not screened", "")
	f.Fuzz(func(t *testing.T, headerRow, width, columns, o1, s1, o2, s2, marker, status, decimal string) {
		header := []any{"Programme", "Approved"}
		for _, h := range TagColumns("oecd_dac") {
			header = append(header, h)
		}
		row := []any{"Refugee Affairs", 500, o1, s1, o2, s2, "", "", marker, "", "", status}
		data := readertest.BuildXLSX(t, map[string][][]any{
			"Tagging": {header, row},
			"grb": {{"grb tagging workbook", "1"}, {"scheme", "oecd_dac"},
				{"sheet", "source sheet", "header row", "header rows", "width", "columns", "scale", "currency", "year", "decimal", "amount phase", "file objectives", "file marker", "file scheme"},
				{"Tagging", "", headerRow, "1", width, columns, "", "", "", decimal, "approved", "A", "B", "oecd_dac"}},
		}, []string{"grb"}, "Tagging", "grb")
		tg, err := Read(bytes.NewReader(data), "fuzz.xlsx", budget.Options{})
		if err != nil {
			return
		}
		Check(tg)
		tg.Suggest(SuggestOptions{Rules: DefaultRules()})
	})
}
