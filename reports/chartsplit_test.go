package reports

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/grb-toolkit/grb/budget"
)

// manyMinistries is a report of a generated budget of n ministries, as
// many as a real national budget has (69), each with a principal and a
// not-targeted line of approved money in 2025.
func manyMinistries(t *testing.T, n int) *Report {
	t.Helper()
	b := &budget.Budget{Source: "ministries.csv"}
	for i := 1; i <= n; i++ {
		unit := budget.NewCode(fmt.Sprintf("%03d", i), fmt.Sprintf("Ministry number %d", i))
		for _, lv := range []budget.Level{budget.Principal, budget.NotTargeted} {
			l := budget.Line{Year: 2025, Gender: budget.Marker{Level: lv}, Unit: unit}
			l.Amounts.Set(budget.Approved, budget.FromCents(int64(1000_00*i)))
			b.Lines.Append(l)
		}
	}
	r, err := Build([]*budget.Budget{b}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.ByUnit.Groups) != n {
		t.Fatalf("the report has %d ministries, want %d", len(r.ByUnit.Groups), n)
	}
	return r
}

// A budget of 69 ministries has its markers-by-ministry chart in three
// charts of 23 (at most maxChartCategories each), each a readable size
// that prints on a page, named and titled apart, together every ministry
// once in order; report.html shows the three with their data tables and
// report.xlsx has three native charts of at most 25 rows each.
func TestMarkerChartSplit(t *testing.T) {
	const n = 69
	r := manyMinistries(t, n)
	var parts []ChartData
	names := map[string]bool{}
	for _, c := range Charts(r) {
		if names[c.Name] {
			t.Errorf("two charts are named %s", c.Name)
		}
		names[c.Name] = true
		if strings.HasPrefix(c.Name, "markers-by-ministry") {
			parts = append(parts, c)
		}
	}
	if len(parts) != 3 {
		t.Fatalf("%d markers-by-ministry charts for %d ministries, want 3 of 23", len(parts), n)
	}
	var all []string
	titles := map[string]bool{}
	for k, c := range parts {
		if want := fmt.Sprintf("markers-by-ministry-%d", k+1); c.Name != want {
			t.Errorf("part %d is named %s, want %s", k+1, c.Name, want)
		}
		if len(c.Categories) != 23 {
			t.Errorf("%s has %d ministries, want 23", c.Name, len(c.Categories))
		}
		// 25 ministries at most: 2.6 + 25 × 0.3 = 10.1 inches.
		if _, h := ChartSize(c); h > 10.1*vg.Inch+1e-9 {
			t.Errorf("%s is %.1f inches tall, want at most 10.1", c.Name, h/vg.Inch)
		}
		from, to := 23*k+1, 23*k+23
		if want := fmt.Sprintf("ministries %d–%d of %d", from, to, n); !strings.Contains(c.Title, want) {
			t.Errorf("%s title %q does not say %q", c.Name, c.Title, want)
		}
		titles[c.Title] = true
		for _, s := range c.Series {
			if len(s.Values) != len(c.Categories) {
				t.Errorf("%s series %s has %d values for %d ministries", c.Name, s.Name, len(s.Values), len(c.Categories))
			}
		}
		all = append(all, c.Categories...)
	}
	if len(titles) != 3 {
		t.Errorf("the parts' titles are not distinct: %v", titles)
	}
	if len(all) != n {
		t.Fatalf("the parts show %d ministries, want %d", len(all), n)
	}
	for i, g := range r.ByUnit.Groups {
		if want := r.p.groupLabel(g.Keys[0]); all[i] != want {
			t.Errorf("ministry %d is %q, want %q", i+1, all[i], want)
		}
	}

	charts, err := RenderCharts(r)
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	if err := WriteHTML(&page, r, charts); err != nil {
		t.Fatal(err)
	}
	html := page.String()
	for k := 1; k <= 3; k++ {
		for _, id := range []string{`id="chart-markers-by-ministry-%d"`, `id="data-markers-by-ministry-%d"`} {
			if want := fmt.Sprintf(id, k); strings.Count(html, want) != 1 {
				t.Errorf("report.html has %d %s, want 1", strings.Count(html, want), want)
			}
		}
	}

	var wb bytes.Buffer
	if err := WriteWorkbook(&wb, r); err != nil {
		t.Fatal(err)
	}
	ranges := ministryChartRanges(t, wb.Bytes())
	if len(ranges) != 3 {
		t.Fatalf("report.xlsx has %d charts on By ministry, want 3: %v", len(ranges), ranges)
	}
	next := 2 // the first ministry's row
	for _, rg := range ranges {
		if rg[0] != next || rg[1]-rg[0]+1 > 25 {
			t.Errorf("a By ministry chart shows rows %d–%d, want from row %d, at most 25 rows", rg[0], rg[1], next)
		}
		next = rg[1] + 1
	}
	if next != n+2 {
		t.Errorf("the By ministry charts end at row %d, want %d", next-1, n+1)
	}
	for _, span := range []string{"ministries 1–23 of 69", "ministries 24–46 of 69", "ministries 47–69 of 69"} {
		if !bytes.Contains(chartXML(t, wb.Bytes()), []byte(span)) {
			t.Errorf("no chart of report.xlsx is titled with %q", span)
		}
	}
}

// A budget of 25 ministries keeps one markers-by-ministry chart.
func TestMarkerChartOne(t *testing.T) {
	r := manyMinistries(t, 25)
	c := chartByName(t, Charts(r), "markers-by-ministry")
	if len(c.Categories) != 25 {
		t.Errorf("markers-by-ministry has %d ministries, want 25", len(c.Categories))
	}
	var wb bytes.Buffer
	if err := WriteWorkbook(&wb, r); err != nil {
		t.Fatal(err)
	}
	if rg := ministryChartRanges(t, wb.Bytes()); len(rg) != 1 || rg[0] != [2]int{2, 26} {
		t.Errorf("By ministry charts show rows %v, want one chart of rows 2–26", rg)
	}
}

// chartXML returns the chart parts of report.xlsx, one after the other.
func chartXML(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out []byte
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			out = append(out, b...)
		}
	}
	return out
}

// ministryChartRanges returns the rows of the categories of each native
// chart of report.xlsx drawn from the By ministry sheet, in the order
// of the charts' first rows.
func ministryChartRanges(t *testing.T, data []byte) [][2]int {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`<(?:c:)?cat>.*?(?:'|&#39;|&apos;)By ministry(?:'|&#39;|&apos;)!\$A\$(\d+):\$A\$(\d+)`)
	var out [][2]int
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/charts/chart") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		m := re.FindSubmatch(b)
		if m == nil {
			continue
		}
		from, _ := strconv.Atoi(string(m[1]))
		to, _ := strconv.Atoi(string(m[2]))
		out = append(out, [2]int{from, to})
	}
	for i := 1; i < len(out); i++ { // insertion sort by first row
		for j := i; j > 0 && out[j][0] < out[j-1][0]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// The native charts of report.xlsx draw each series in the palette's
// colour of its level (not the spreadsheet's theme colours, whose gold
// and light grey have less than 2:1 against white), each with at least
// 3:1 against the white page.
func TestWorkbookChartColours(t *testing.T) {
	var wb bytes.Buffer
	if err := WriteWorkbook(&wb, sampleReport(t)); err != nil {
		t.Fatal(err)
	}
	ser := regexp.MustCompile(`(?s)<(?:c:)?ser>.*?</(?:c:)?ser>`)
	fill := regexp.MustCompile(`<(?:c:)?spPr><(?:a:)?solidFill><(?:a:)?srgbClr val="([0-9A-Fa-f]{6})"`)
	var got []string
	for _, s := range ser.FindAll(chartXML(t, wb.Bytes()), -1) {
		m := fill.FindSubmatch(s)
		if m == nil {
			t.Errorf("a chart series has no colour of its own: %.200s…", s)
			continue
		}
		col := "#" + strings.ToUpper(string(m[1]))
		got = append(got, col)
		if k := contrast(t, col, "#FFFFFF"); k < 3 {
			t.Errorf("chart colour %s has %.2f:1 against white, want at least 3:1", col, k)
		}
	}
	// The charts' order in the file is not the sheets' order: compare
	// as a set of sequences.
	wantLevels := strings.Join([]string{colorPrincipal, colorSignificant, colorLimited, colorNotTargeted, colorNotScreened}, " ")
	wantPS := strings.Join([]string{colorPrincipal, colorSignificant}, " ")
	joined := strings.Join(got, " ")
	if !strings.Contains(joined, wantLevels) || !strings.Contains(joined, wantPS) {
		t.Errorf("chart series colours %v, want the levels' %s and %s", got, wantLevels, wantPS)
	}
}
