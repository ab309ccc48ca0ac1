package iati

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/grb-toolkit/grb/budget"
)

// writeLongTexts writes, to a file in a temporary folder, n activities of
// one budget each whose title, reporting organisation and description are
// each about size bytes long; it returns the file's name and size.
func writeLongTexts(t *testing.T, n, size int) (string, int64) {
	t.Helper()
	name := filepath.Join(t.TempDir(), "long-texts.xml")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	words := strings.Repeat("support to migrant women and girls in host communities ", size/55+1)
	fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<iati-activities version="2.03">`+"\n")
	for i := range n {
		fmt.Fprintf(w, `<iati-activity default-currency="USD"><iati-identifier>XM-TEST-%06d</iati-identifier>`, i)
		fmt.Fprintf(w, `<reporting-org ref="XM-ORG-%d"><narrative>%d %s</narrative></reporting-org>`, i, i, words)
		fmt.Fprintf(w, `<title><narrative>%d %s</narrative></title><description><narrative>%d %s</narrative></description>`, i, words, i, words)
		fmt.Fprintf(w, `<budget type="1"><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value>%d</value></budget>`, i+1)
		fmt.Fprint(w, `<policy-marker vocabulary="1" code="1" significance="1"/></iati-activity>`+"\n")
	}
	fmt.Fprint(w, "</iati-activities>\n")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return name, fi.Size()
}

// Item 5 of issue 13: IATI memory grew with the file (a 205 MB file held
// 488 MB). Activities are decoded one at a time and released; what a line
// keeps of its activity's texts (title, organisation, description) is
// bounded by maxText characters each, so the heap held after reading is
// bounded by the number of lines, not by the XML: here 4,000 activities
// of 3 × 12 KB of text (144 MB of XML), which held 140 MB.
func TestMemoryBoundedByLines(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads a 144 MB IATI file")
	}
	const n, size = 4000, 12 << 10
	name, raw := writeLongTexts(t, n, size)

	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // samples the heap in use while the file is read
		defer wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	b, err := ReadFile(name, budget.Options{})
	close(done)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	held := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	runtime.KeepAlive(b)

	t.Logf("%d MB of XML, %d lines: %d MB held after GC, peak %d MB in use", raw>>20, b.Lines.Len(), held>>20, peak>>20)
	if b.Lines.Len() != n {
		t.Fatalf("%d lines, want %d", b.Lines.Len(), n)
	}
	// Per line: its record and three texts of at most maxText characters
	// (ASCII here), with room to spare; and a few MB for the rest.
	perLine := int64(unsafeLineSize + 3*maxText + 4096)
	bound := int64(n)*perLine + 4<<20
	if held > bound {
		t.Errorf("reading %d MB of XML into %d lines holds %d MB after GC, over %d MB (%d bytes a line): memory follows the XML, not the lines",
			raw>>20, n, held>>20, bound>>20, perLine)
	}
	if peakBound := uint64(before.HeapInuse) + uint64(2*bound) + 32<<20; peak > peakBound {
		t.Errorf("peak heap in use %d MB while reading, over %d MB", peak>>20, peakBound>>20)
	}
	l := b.Lines.At(n - 1)
	for what, s := range map[string]string{"description": l.Description, "title": l.Programme.Name(), "organisation": l.Unit.Name()} {
		if c := utf8.RuneCountInString(s); c > maxText+1 || !strings.HasSuffix(s, "…") || !strings.HasPrefix(s, fmt.Sprint(n-1)+" support") {
			t.Errorf("%s of %d characters %.30q…: want its first %d characters and …", what, c, s, maxText)
		}
	}
	found := false
	for _, i := range b.Issues {
		if i.Code == "text-clipped" {
			found = true
			if want := "12,000 texts"; !strings.Contains(i.Message, want) { // 3 a line
				t.Errorf("text-clipped says %q; want it to count %s", i.Message, want)
			}
		}
	}
	if !found {
		t.Errorf("no text-clipped warning (issues %v)", b.Issues)
	}
}

// unsafeLineSize is about the size of a budget.Line with its strings.
const unsafeLineSize = 512

// The activity hierarchy met while reading (which activity names which
// as parent or child) is all grb keeps of related-activity elements:
// 103 MB of parents naming 1,000 children each took 521 MB to read. It
// keeps each identifier named in a fixed 16 bytes, not the text.
func TestTreeMemoryPerRelation(t *testing.T) {
	const acts, per = 200, 1000
	ref := func(i, k int) string {
		return fmt.Sprintf("XM-DAC-41114-PROJECT-%06d-COMPONENT-%06d-OUTPUT-0001-ACTIVITY", i, k)
	}
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var tree iatiTree
	for i := range acts {
		a := &iatiActivity{Related: make([]iatiText, per)}
		for k := range a.Related {
			a.Related[k] = iatiText{Type: "2", Ref: ref(i, k)}
		}
		tree.note(fmt.Sprintf("XM-DAC-41114-PROJECT-%06d", i), a)
	}
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	perRelation := (int64(after.HeapAlloc) - int64(before.HeapAlloc)) / (acts * per)
	runtime.KeepAlive(&tree)
	t.Logf("%d bytes a relation", perRelation)
	if perRelation > 80 {
		t.Errorf("the tree holds %d bytes a relation (identifiers of %d bytes), want at most 80", perRelation, len(ref(0, 0)))
	}
	// What it is for still works: the child's parent, by identifier.
	if p, ok := tree.parentOfID(ref(7, 9)); !ok || p != "XM-DAC-41114-PROJECT-000007" {
		t.Errorf("parent of %s = %q, %v", ref(7, 9), p, ok)
	}
}
