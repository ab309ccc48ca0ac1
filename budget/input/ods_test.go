package input

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// odsBytes is an OpenDocument spreadsheet as LibreOffice saves one: an
// uncompressed mimetype entry first, then the content.
func odsBytes(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	w, _ = zw.Create("content.xml")
	w.Write([]byte(`<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>`))
	w, _ = zw.Create("META-INF/manifest.xml")
	w.Write([]byte(`<?xml version="1.0"?><manifest/>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A workbook returned as .ods (LibreOffice's default) is answered with
// what it is and how to save it as .xlsx, by every way in.
func TestODSAnswered(t *testing.T) {
	data := odsBytes(t)
	dir := t.TempDir()
	for _, name := range []string{"tagging.ods", "returned.xlsx"} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		check := func(how string, err error) {
			t.Helper()
			if err == nil || !errors.Is(err, budget.ErrUnknownFormat) {
				t.Fatalf("%s %s: error %v, want one wrapping ErrUnknownFormat", how, name, err)
			}
			for _, want := range []string{"OpenDocument spreadsheet (.ods)", "Save As", "Excel 2007-365"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("%s %s: %q does not say %q", how, name, err, want)
				}
			}
		}
		_, err := ReadFile(path, budget.Options{})
		check("ReadFile", err)
		_, err = Read(bytes.NewReader(data), name, budget.Options{})
		check("Read", err)
		_, err = OpenTagging(path, budget.Options{}, "")
		check("OpenTagging", err)
		_, err = ReadQuestionnaire(path)
		check("ReadQuestionnaire", err)
	}
}
