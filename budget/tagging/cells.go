package tagging

import (
	"math"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// suggestionCells returns the texts of the suggestion columns, from
// ColSuggestedObj on.
func suggestionCells(s Suggestion, sc *budget.Scheme) [NumTagColumns - ColSuggestedObj]string {
	var out [NumTagColumns - ColSuggestedObj]string
	if s.Objectives != nil {
		out[0] = budget.FormatObjectives(s.Objectives)
		out[1] = s.ObjectiveSource.Detail()
	} else if s.ObjectiveConflict != "" {
		out[1] = conflictText(s.ObjectiveConflict)
	}
	if s.Marker.Screened() {
		if c, ok := levelCode(sc, s.Marker); ok {
			out[2] = c.Code + " - " + c.Label
			out[3] = s.MarkerSource.Detail()
			if s.MarkerConflict != "" {
				out[3] += "; " + conflictText(s.MarkerConflict)
			}
		}
	} else if s.MarkerConflict != "" {
		out[3] = conflictText(s.MarkerConflict)
	}
	if s.Marker.Screened() && s.MarkerConfidence > 0 {
		out[ColConfidence-ColSuggestedObj] = strconv.FormatFloat(math.Round(s.MarkerConfidence*100)/100, 'f', -1, 64)
		out[ColReview-ColSuggestedObj] = reviewOK
		if s.ForReview {
			out[ColReview-ColSuggestedObj] = reviewFor
		}
		out[ColReasons-ColSuggestedObj] = strings.Join(s.MarkerReasons, ", ")
	}
	if s.ForReview {
		out[ColReview-ColSuggestedObj] = reviewFor
	}
	if m := s.Migration; m != nil {
		out[ColMigration-ColSuggestedObj] = strconv.FormatFloat(m.Score, 'f', -1, 64)
		if len(m.Words) > 0 {
			w := &out[ColReasons-ColSuggestedObj]
			if *w != "" {
				*w += "; "
			}
			*w += migrationWordsPrefix + strings.Join(m.Words, ", ")
		}
	}
	return out
}

// migrationWordsPrefix starts the migration model's words in the Words
// column, after the marker model's.
const migrationWordsPrefix = "migration: "

// The texts of the Review column: "for review" sorts before "ok".
const (
	reviewFor = "for review"
	reviewOK  = "ok"
)
