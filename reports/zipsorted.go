package reports

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"sort"

	"github.com/xuri/excelize/v2"
)

// sortedZip is the zip writer of report.xlsx. excelize writes the parts
// of its streamed sheets (the Lines sheets) in map order, so a workbook of
// more than one streamed sheet would differ from one run to the next.
// sortedZip compresses each part as it is written and adds them to the
// archive at Close in one order, by name descending (excelize's own order
// for its other parts): the same report gives the same bytes. It deflates
// at the fastest level: the Lines sheet of a large budget is most of the
// workbook, and its XML compresses almost as well at level 1 as at the
// default (measured: a 100,000-line report, see README's Speed section),
// in far less time.
type sortedZip struct {
	w       *zip.Writer
	entries []*zipEntry
	fw      *flate.Writer // compresses the last part created
}

// newSortedZip returns a sortedZip writing to w; it is an excelize
// File's ZipWriter.
func newSortedZip(w io.Writer) excelize.ZipWriter {
	return &sortedZip{w: zip.NewWriter(w)}
}

// zipEntry is one part: its name, its deflated bytes, and the checksum
// and size of what was written.
type zipEntry struct {
	name string
	data bytes.Buffer
	fw   *flate.Writer // the sortedZip's, until the next part
	crc  hash.Hash32
	size uint64
}

func (e *zipEntry) Write(p []byte) (int, error) {
	if e.fw == nil {
		return 0, errors.New("reports: write to a zip part after the next was created")
	}
	e.crc.Write(p)
	e.size += uint64(len(p))
	return e.fw.Write(p)
}

// Create starts the part name and ends the one before, as zip.Writer
// does.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.end(); err != nil {
		return nil, err
	}
	e := &zipEntry{name: name, crc: crc32.NewIEEE()}
	if z.fw == nil {
		fw, err := flate.NewWriter(&e.data, flate.BestSpeed)
		if err != nil {
			return nil, err
		}
		z.fw = fw
	} else {
		z.fw.Reset(&e.data)
	}
	e.fw = z.fw
	z.entries = append(z.entries, e)
	return e, nil
}

// end ends the last part created.
func (z *sortedZip) end() error {
	if len(z.entries) == 0 {
		return nil
	}
	e := z.entries[len(z.entries)-1]
	if e.fw == nil {
		return nil
	}
	e.fw = nil
	return z.fw.Close()
}

// AddFS is not used by excelize when it writes a workbook.
func (z *sortedZip) AddFS(fs.FS) error {
	return errors.New("reports: sortedZip does not add file systems")
}

// Close writes the parts in order and the archive's directory.
func (z *sortedZip) Close() error {
	if err := z.end(); err != nil {
		return err
	}
	sort.SliceStable(z.entries, func(i, j int) bool { return z.entries[i].name > z.entries[j].name })
	for i, e := range z.entries {
		w, err := z.w.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: e.crc.Sum32(),
			CompressedSize64: uint64(e.data.Len()), UncompressedSize64: e.size})
		if err != nil {
			return err
		}
		if _, err := e.data.WriteTo(w); err != nil {
			return err
		}
		z.entries[i] = nil // its bytes are in the archive
	}
	return z.w.Close()
}
