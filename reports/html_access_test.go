package reports

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// report.html reads at 200 % zoom and with a screen reader: each table
// scrolls in its own focusable box, its row labels are row headers, no
// two captions are the same, each chart has a short takeaway and its data
// in a table, and only file names (no folders) are shown.
func TestHTMLAccessible(t *testing.T) {
	r := sampleReport(t)
	for _, b := range r.Budgets {
		b.Source = "/home/someone/private/folder/" + b.Source
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r, stubCharts(r)); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if strings.Contains(page, "/home/someone") {
		t.Errorf("the page shows the folders of the input path")
	}
	tables := strings.Count(page, "<table")
	if wraps := strings.Count(page, `<div class="table-wrap" role="region"`); wraps != tables {
		t.Errorf("%d tables, %d in a scrolling region", tables, wraps)
	}
	if !strings.Contains(page, ".table-wrap { overflow-x: auto;") {
		t.Errorf("no overflow rule for the table boxes")
	}
	captions := regexp.MustCompile(`<caption[^>]*>(.*?)</caption>`).FindAllStringSubmatch(page, -1)
	seen := map[string]bool{}
	for _, c := range captions {
		if seen[c[1]] {
			t.Errorf("caption used twice: %q", c[1])
		}
		seen[c[1]] = true
	}
	for _, row := range regexp.MustCompile(`(?s)<tbody>(.*?)</tbody>`).FindAllStringSubmatch(page, -1) {
		for _, tr := range regexp.MustCompile(`<tr[^>]*>(<t[dh][^>]*>)`).FindAllStringSubmatch(row[1], -1) {
			if !strings.HasPrefix(tr[1], `<th scope="row"`) {
				t.Errorf("a body row starts with %s, want a row header", tr[1])
				break
			}
		}
	}
	for _, c := range Charts(r) {
		if !strings.Contains(page, `id="data-`+c.Name+`"`) {
			t.Errorf("chart %s has no data table", c.Name)
		}
	}
	for _, l := range regexp.MustCompile(`role="img" aria-label="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if len(l[1]) > 300 {
			t.Errorf("chart text alternative of %d characters, want a takeaway of at most 300: %.80q…", len(l[1]), l[1])
		}
	}
}
