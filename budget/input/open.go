package input

import (
	"bytes"
	"errors"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/fdp"
	"github.com/grb-toolkit/grb/budget/sdg5c1"
	"github.com/grb-toolkit/grb/budget/tagging"
	"github.com/grb-toolkit/grb/internal/files"
)

// OpenTagging reads the file name for tagging with marker scheme scheme:
// a tagging workbook as it is (its confirmed rows are kept, and scheme is
// not used), any other budget file prepared for tagging (tagging.New),
// a Fiscal Data Package as the csv file it describes.
func OpenTagging(name string, opt budget.Options, scheme string) (*tagging.Tagging, error) {
	if fdp.IsPackage(name) { // tag the csv file it describes, read as its model says
		p, err := fdp.Open(name, &opt)
		if err != nil {
			return nil, err
		}
		name = p.Data
	}
	data, err := files.ReadFile(name, opt.MaxBytes)
	if err != nil {
		return nil, err
	}
	t, err := tagging.Read(bytes.NewReader(data), name, opt)
	switch {
	case err == nil:
		return t, nil
	case !errors.Is(err, tagging.ErrNotTagging):
		return nil, err
	}
	if opt.Format == "" {
		f := sniff(data, name)
		if f == Unknown {
			return nil, unknownFormat(name, opt)
		}
		opt.Format = string(f)
	}
	return tagging.New(bytes.NewReader(data), name, opt, scheme)
}

// ReadReviewed reads a budget whose tags can be trusted, to carry them
// forward or to evaluate suggestions against: from a tagging workbook,
// the lines of the rows a person reviewed (tagging.Tagging.Reviewed);
// from any other file, every line with the tags of its columns
// (ReadFile). Unlike ReadFile, it returns no budget with an error.
func ReadReviewed(name string, opt budget.Options) (*budget.Budget, error) {
	f, err := Detect(name)
	if err != nil {
		return nil, err
	}
	if f != Tagging {
		b, err := ReadFile(name, opt)
		if err != nil {
			return nil, err
		}
		return b, nil
	}
	t, err := OpenTagging(name, opt, "")
	if err != nil {
		return nil, err
	}
	return t.Reviewed(), nil
}

// ReadQuestionnaire reads the filled SDG 5.c.1 questionnaire name, an
// .xlsx workbook or a csv file (see sdg5c1.Read).
func ReadQuestionnaire(name string) (*sdg5c1.Questionnaire, error) {
	f, err := files.Open(name, budget.DefaultMaxBytes)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head, err := readHead(name)
	if err != nil {
		return nil, err
	}
	format := sniff(head, name)
	if format == Unknown {
		format = "unknown" // not "", which sdg5c1.Read would guess from the content
	}
	return sdg5c1.Read(f, name, string(format))
}
