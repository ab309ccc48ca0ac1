package tagging

import (
	"io"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging/model"
)

// CorpusLines reads the training corpus (see
// budget/tagging/model/data/SOURCE.md) and returns the rows of its test
// split, never trained on, as lines whose true gender marker is the
// publisher's: the title and description as the description, the
// parent project's title as the programme. iati[i] says whether line i
// carries a publisher's own IATI DAC marker (not UNDP's mapped one).
func CorpusLines(r io.Reader, name string) (lines []budget.Line, iati []bool, err error) {
	docs, err := model.ReadCorpus(r)
	if err != nil {
		return nil, nil, err
	}
	codes := [model.NumClasses]string{"0", "1", "2"}
	for i, d := range docs {
		if d.Split != "test" {
			continue
		}
		lines = append(lines, budget.Line{
			ID:          d.ID,
			Description: model.DocText(d.Title, d.Desc, ""),
			Programme:   budget.NewCode("", d.Context),
			Gender:      budget.NewMarker(modelLevels[d.Label], codes[d.Label], DefaultScheme),
			Pos:         budget.At(name, "", i+2, 0),
		})
		iati = append(iati, d.Scheme == "iati_dac")
	}
	return lines, iati, nil
}
