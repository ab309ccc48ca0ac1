package reports

import (
	"bytes"
	"testing"
)

// countingWriter counts the writes it is given and the largest.
type countingWriter struct {
	bytes.Buffer
	writes, largest int
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.writes++
	w.largest = max(w.largest, len(p))
	return w.Buffer.Write(p)
}

// TestWorkbookWrittenAsAssembled: report.xlsx goes to its file as the
// archive is put together, not built whole in a buffer and copied (for a
// million lines, a buffer grown to 275 MB on top of the parts).
func TestWorkbookWrittenAsAssembled(t *testing.T) {
	r := sampleReport(t)
	var w countingWriter
	if err := WriteWorkbook(&w, r); err != nil {
		t.Fatal(err)
	}
	if w.largest == w.Len() {
		t.Errorf("the workbook (%d bytes) came in one write of the whole", w.Len())
	}
}
