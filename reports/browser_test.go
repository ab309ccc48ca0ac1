package reports

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/grb-toolkit/grb/budget"
)

// chromium finds Debian's chromium (installed by .ci/run) or another
// Chrome on PATH.
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// artifactDir is where the browser test leaves its screenshot:
// $GRB_ARTIFACTS, or grb-artifacts in the system's temporary folder.
func artifactDir(t *testing.T) string {
	dir := os.Getenv("GRB_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "grb-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestHTMLInBrowser opens report.html in headless Chromium, in English,
// French and Spanish: every chart and table renders, the headline figures
// are above the fold at 1280×800, and markup in a budget description
// stays text: no script from an input runs. The screenshots stay in the
// artifact folder (report-first-screen.png, report-fr-first-screen.png,
// ...).
func TestHTMLInBrowser(t *testing.T) {
	exe := chromium()
	if exe == "" {
		t.Skip("no chromium found: install Debian's chromium (apt-get install chromium) to run the browser test")
	}
	for _, l := range Langs {
		t.Run(string(l), func(t *testing.T) { checkInBrowser(t, exe, l) })
	}
}

// browserTitle is the report's title in each language.
var browserTitle = map[Lang]string{English: "Gender allocation report", French: "Rapport sur les allocations", Spanish: "Informe sobre las asignaciones"}

// checkInBrowser is TestHTMLInBrowser in one language.
func checkInBrowser(t *testing.T, exe string, lang Lang) {
	r := sampleReport(t)
	// An input that tries to run script two ways.
	evil := `<script>window.__grbInjected=1</script><img src=x onerror="window.__grbInjected=2">`
	b := r.Budgets[0]
	for i := range b.Lines.Len() {
		if l := b.Lines.At(i); l.Year == r.Focus {
			l.Unit = budget.NewCode(l.Unit.Code(), evil) // shown in the ministry table
			l.Description = evil
			b.Lines.Set(i, l)
			break
		}
	}
	r, err := Build([]*budget.Budget{b}, Options{Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	r.Synthetic = true
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
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(1280, 800),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()

	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate("file://"+page), chromedp.WaitReady("footer")); err != nil {
		t.Fatalf("chromium: %v", err)
	}
	eval := func(expr string) int {
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](expr))
		if err != nil {
			t.Fatalf("evaluate %s: %v", expr, err)
		}
		return n
	}
	svgs := eval(`document.querySelectorAll('figure .chart svg').length`)
	figures := eval(`document.querySelectorAll('figure').length`)
	tables := eval(`Array.from(document.querySelectorAll('table')).filter(t => t.querySelectorAll('tbody tr').length > 0).length`)
	injected, err := chromedp.Run(ctx, chromedp.Evaluate[string](`String(window.__grbInjected)`))
	if err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	// The first screen, as a reader at 1280×800 sees it: every headline
	// figure lies above the fold.
	fold, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	figs := eval(`document.querySelectorAll('#headlines .figure').length`)
	below := eval(`Array.from(document.querySelectorAll('#headlines .figure')).filter(e => e.getBoundingClientRect().bottom > window.innerHeight).length`)
	height := eval(`window.innerHeight`)
	if figs < 4 || below != 0 {
		t.Errorf("%d headline figures, %d of them below the fold of a %d-pixel-high window; want at least 4, all above", figs, below, height)
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if figures != len(charts) || svgs != len(charts) {
		t.Errorf("%d figures with %d SVG charts rendered, want %d", figures, svgs, len(charts))
	}
	if tables < 4 {
		t.Errorf("%d tables rendered, want at least 4", tables)
	}
	if injected != "undefined" {
		t.Errorf("script from an input ran: window.__grbInjected = %s", injected)
	}
	if !strings.Contains(text, `<script>window.__grbInjected=1</script>`) {
		t.Errorf("the markup in the input does not show as text")
	}
	if !strings.Contains(text, browserTitle[lang]) || !strings.Contains(text, "dac_headline") {
		t.Errorf("page text lacks the title or the convention names")
	}
	prefix := "report-"
	if lang != English {
		prefix += string(lang) + "-"
	}
	for name, png := range map[string][]byte{prefix + "screenshot.png": shot, prefix + "first-screen.png": fold} {
		out := filepath.Join(artifactDir(t), name)
		if err := os.WriteFile(out, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", out)
	}
}
