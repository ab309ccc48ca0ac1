package reports

import (
	"archive/zip"
	"compress/flate"
	"io"

	"github.com/xuri/excelize/v2"
)

// fastZip is the zip writer of report.xlsx: deflate at its fastest level.
// The Lines sheet of a large budget is most of the workbook, and its XML
// compresses almost as well at level 1 as at the default (measured: a
// 100,000-line report, see README's Speed section), in far less time.
func fastZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	return zw
}
