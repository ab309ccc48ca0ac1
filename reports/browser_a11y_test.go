package reports

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/grb-toolkit/grb/budget"
)

// axeScript finds axe-core's axe.min.js: $GRB_AXE_JS, or where .ci/run
// installs it with npm (.ci/node/node_modules/axe-core).
func axeScript() string {
	if p := os.Getenv("GRB_AXE_JS"); p != "" {
		return p
	}
	p := filepath.Join("..", ".ci", "node", "node_modules", "axe-core", "axe.min.js")
	if _, err := os.Stat(p); err == nil {
		return p
	}
	return ""
}

// TestHTMLAccessibleInBrowser opens report.html in headless Chromium at
// 640 px wide (a 1280-px screen at 200 % zoom): the page does not scroll
// sideways (wide tables scroll in their own box), and axe-core finds no
// WCAG 2.1 A or AA violation. The screenshot stays in the artifact folder
// (report-640.png). The same holds for a budget of 69 ministries, whose
// marker chart is in three parts (report-69-ministries-640.png), and for a
// report in two currencies with a budget beside donor aid
// (report-currencies-640.png).
func TestHTMLAccessibleInBrowser(t *testing.T) {
	exe := chromium()
	if exe == "" {
		t.Skip("no chromium found: install Debian's chromium (apt-get install chromium) to run the browser test")
	}
	for _, c := range []struct {
		name string
		r    *Report
	}{
		{"report-640.png", sampleReport(t)},
		{"report-69-ministries-640.png", manyMinistries(t, 69)},
		{"report-currencies-640.png", mixedReport(t)},
	} {
		t.Run(c.name, func(t *testing.T) { checkAccessible(t, exe, c.r, c.name) })
	}
}

// mixedReport is a report whose budget lines are in two currencies (one
// section each) and, in its EUR section's year, a government budget
// beside donor aid in one currency.
func mixedReport(t *testing.T) *Report {
	t.Helper()
	mk := func(id, cur string, obj int, lv budget.Level, cents int64) budget.Line {
		l := budget.Line{ID: id, Programme: budget.NewCode(id, "Programme "+id), Unit: budget.NewCode("M1", "Ministry of the Interior"), Currency: cur, Year: 2024, YearLabel: "2024", Gender: budget.Marker{Level: lv}}
		l.Objectives = []budget.ObjectiveShare{{Objective: obj, Share: 10000}}
		l.Amounts.Set(budget.Approved, budget.FromCents(cents))
		return l
	}
	b := &budget.Budget{Source: "budget.csv", Lines: budget.LinesOf([]budget.Line{mk("0702010", "EUR", 7, budget.Principal, 100000), mk("0703", "GBP", 11, budget.NotTargeted, 50000)}...)}
	r, err := Build([]*budget.Budget{b}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Sections) != 2 {
		t.Fatalf("%d currency sections, want 2", len(r.Sections))
	}
	aid := &budget.Budget{Source: "aid.xml", Format: "iati", Lines: budget.LinesOf([]budget.Line{mk("A1", "EUR", 7, budget.Principal, 30000)}...), BudgetItems: map[string][]string{"A1": {"0702010"}}}
	eur := &budget.Budget{Source: "budget.csv", Lines: budget.LinesOf(b.Lines.At(0))}
	j, err := Build([]*budget.Budget{eur}, Options{Aid: aid})
	if err != nil || j.Join == nil {
		t.Fatalf("join: %v", err)
	}
	r.Join, r.Aid = j.Join, aid
	return r
}

// checkAccessible opens r's report.html in Chromium at 640 px, checks
// that it does not scroll sideways, leaves its screenshot in the
// artifact folder as shot, and runs axe-core on it (skipped without it).
func checkAccessible(t *testing.T, exe string, r *Report, shot string) {
	charts, err := RenderCharts(r)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	f, err := os.Create(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteHTML(f, r, charts); err != nil {
		t.Fatal(err)
	}
	f.Close()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(640, 800),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(640, 800), chromedp.Navigate("file://"+page), chromedp.WaitReady("footer")); err != nil {
		t.Fatalf("chromium: %v", err)
	}
	widths, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[document.documentElement.scrollWidth, document.documentElement.clientWidth]`))
	if err != nil {
		t.Fatal(err)
	}
	if len(widths) != 2 || widths[0] > widths[1] {
		t.Errorf("at 640 px the page is %v px wide (scroll, client): it scrolls sideways", widths)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(80))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(artifactDir(t), shot)
	if err := os.WriteFile(out, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("640-px screenshot: %s (page %v px wide)", out, widths)

	axe := axeScript()
	if axe == "" {
		t.Skip("axe-core not found: .ci/run installs it (npm install --prefix .ci/node axe-core), or set GRB_AXE_JS to axe.min.js")
	}
	src, err := os.ReadFile(axe)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](string(src)+";true")); err != nil {
		t.Fatalf("load axe-core: %v", err)
	}
	var violations []struct {
		ID    string `json:"id"`
		Help  string `json:"help"`
		Nodes int    `json:"nodes"`
	}
	run := `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
		.then(r => JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.length}))))`
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](run, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe.run: %v", err)
	}
	if err := json.Unmarshal([]byte(raw), &violations); err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("axe-core: %s (%s) on %d elements", v.ID, v.Help, v.Nodes)
	}
}
