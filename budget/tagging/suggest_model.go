package tagging

import (
	"fmt"
	"math"
	"strings"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging/model"
)

// modelLevels are the marker levels of the model's classes.
var modelLevels = [model.NumClasses]budget.Level{budget.NotTargeted, budget.Significant, budget.Principal}

// LineText is the text the model reads for a line: its description, then
// its programme's and parent programme's names, as the training corpus
// gives a row's title and description, then its project's title.
func LineText(l *budget.Line) string {
	return model.DocText(l.Description, l.Programme.Name(), l.Parent.Name())
}

// fromModel fills the marker, when no other source did, with the model's
// prediction; a marker from a rule gets the model's probability of that
// level as its confidence. A carried marker, or one from the file's own
// columns, is a person's: it gets none.
func (b *suggestionBuilder) fromModel(m *model.Model, l *budget.Line) {
	s := &b.s
	if s.Marker.Screened() && s.MarkerSource.Source() != budget.FromRule {
		return
	}
	p := m.Predict(LineText(l))
	if s.Marker.Screened() { // a rule's: it wins; say how sure the model is of it
		for k, lv := range modelLevels {
			if lv == s.Marker {
				s.MarkerConfidence = p.Probs[k]
				s.ForReview = p.Probs[k] < m.Threshold
			}
		}
		return
	}
	s.Marker = modelLevels[p.Class]
	s.MarkerConfidence, s.ForReview, s.MarkerReasons = p.Confidence, p.ForReview, p.Reasons
	detail := fmt.Sprintf("model: %s, confidence %.2f", p.Class, p.Confidence)
	if len(p.Reasons) > 0 {
		detail += "; words: " + strings.Join(p.Reasons, ", ")
	}
	s.MarkerSource = budget.NewProvenance(budget.FromModel, detail)
	b.use(budget.FromModel)
}

// MigrationReviewScore is the migration score, to two decimals, at or
// above which a line with no objectives is for review. It is higher than
// the model's own threshold (0.4, chosen for F1 on EU Trust Fund titles,
// where most projects touch migration): on budget lines that threshold
// lets through lines such as "Road maintenance and bridge repairs"
// (0.44) and "Cabinet office administration" (0.42). 0.8 is chosen, not
// measured on budgets.
const MigrationReviewScore = 0.8

// migration scores l's relevance to migration; a line scoring
// MigrationReviewScore or more with no objectives is for review.
func (b *suggestionBuilder) migration(m *model.MigrationModel, l *budget.Line) {
	sc := m.Score(LineText(l))
	b.s.Migration = &MigrationRelevance{Score: roundScore(sc.Score), Words: sc.Reasons}
	if migrationForReview(b.s) {
		b.s.ForReview = true
	}
}

// migrationForReview reports whether s is for review because it scores
// high for migration and has no objectives.
func migrationForReview(s Suggestion) bool {
	return s.Migration != nil && s.Migration.Score >= MigrationReviewScore && s.Objectives == nil
}

// roundScore rounds a score to two decimals, as the workbook shows it, so
// that it reads back the same.
func roundScore(v float64) float64 { return math.Round(v*100) / 100 }
