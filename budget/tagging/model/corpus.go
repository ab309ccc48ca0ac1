package model

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// Doc is one labelled row of the training corpus.
type Doc struct {
	ID        string
	Group     string // the project: rows of one group never straddle training and test
	Publisher string
	Scheme    string // "iati_dac" (a publisher's DAC marker) or "undp_gen_mapped"
	Language  string
	Title     string
	Desc      string
	Context   string // the parent project's title (UNDP)
	Text      string // what the model reads: title, description and context
	Label     Class
	Split     string // "train" or "test", as the corpus fixes it
	Purposes  []string
	KwHint    string // the corpus's weak migration keyword hint
}

// corpusColumns are the columns ReadCorpus needs.
var corpusColumns = []string{"source_id", "group_id", "publisher", "marker_scheme", "language", "title", "description", "context_title", "gender_marker", "split", "purpose_codes", "migration_kw_hint"}

// IsCorpusHeader reports whether a csv header row is the training
// corpus's.
func IsCorpusHeader(header []string) bool {
	have := map[string]bool{}
	for _, h := range header {
		have[strings.TrimPrefix(h, "\ufeff")] = true
	}
	for _, c := range corpusColumns {
		if !have[c] {
			return false
		}
	}
	return true
}

// DocText is the text the model reads for a row: its title and
// description, then the parent's title.
func DocText(title, desc, context string) string {
	parts := []string{}
	for _, s := range []string{title, desc, context} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " \n ")
}

// ReadCorpus reads the training corpus (gender_migration_corpus.csv).
func ReadCorpus(r io.Reader) ([]Doc, error) {
	cr := csv.NewReader(r)
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("model: corpus: %w", err)
	}
	if !IsCorpusHeader(head) {
		return nil, fmt.Errorf("model: corpus: want the columns %s", strings.Join(corpusColumns, ", "))
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimPrefix(h, "\ufeff")] = i
	}
	var docs []Doc
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return docs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("model: corpus: %w", err)
		}
		get := func(c string) string { return rec[col[c]] }
		var label Class
		switch get("gender_marker") {
		case "0":
			label = NotTargeted
		case "1":
			label = Significant
		case "2":
			label = Principal
		default:
			return nil, fmt.Errorf("model: corpus line %d: gender_marker %q: want 0, 1 or 2", line, get("gender_marker"))
		}
		d := Doc{
			ID: get("source_id"), Group: get("group_id"), Publisher: get("publisher"), Scheme: get("marker_scheme"),
			Language: get("language"), Title: get("title"), Desc: get("description"), Context: get("context_title"),
			Label: label, Split: get("split"), KwHint: get("migration_kw_hint"),
		}
		if p := get("purpose_codes"); p != "" {
			d.Purposes = strings.Split(p, "|")
		}
		d.Text = DocText(d.Title, d.Desc, d.Context)
		docs = append(docs, d)
	}
}

// trainingRows returns the indexes of the rows a model may learn from:
// rows of the corpus's train split whose group (project) has no row in
// the test split.
func trainingRows(docs []Doc) []int {
	inTest := map[string]bool{}
	for _, d := range docs {
		if d.Split != "train" {
			inTest[d.Group] = true
		}
	}
	var rows []int
	for i, d := range docs {
		if d.Split == "train" && !inTest[d.Group] {
			rows = append(rows, i)
		}
	}
	return rows
}

// cvK is the number of cross-validation folds.
const cvK = 5

// cvFolds splits rows into cvK folds by a hash of their group, so that
// the rows of one project are always in the same fold.
func cvFolds(docs []Doc, rows []int) [cvK][]int {
	var folds [cvK][]int
	for _, i := range rows {
		f := groupFold(docs[i].Group)
		folds[f] = append(folds[f], i)
	}
	return folds
}

// groupFold returns the fold (0-4) of a group: sha256 of its id.
func groupFold(g string) int {
	s := sha256.Sum256([]byte(g))
	return int(binary.BigEndian.Uint64(s[:8]) % cvK)
}
