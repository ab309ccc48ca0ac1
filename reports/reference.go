package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/grb-toolkit/grb/budget"
)

// WriteSchemes lists the gender-marker schemes and the canonical level of
// each of their codes.
func WriteSchemes(w io.Writer, s *budget.Schemes) error {
	ew := &errWriter{w: w}
	for i, sc := range s.All() {
		if i > 0 {
			ew.printf("\n")
		}
		prov := ""
		if sc.Provisional {
			prov = " (PROVISIONAL)"
		}
		ew.printf("%s: %s%s\n", sc.ID, sc.Name, prov)
		tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
		for _, c := range sc.Codes {
			fmt.Fprintf(tw, "  %s\t→ %s\t%s\n", c.Code, c.Level, c.Label)
		}
		tw.Flush()
		if sc.Source != "" {
			ew.printf("  source: %s\n", oneLine(sc.Source, 200))
		}
		for _, n := range sc.Notes {
			ew.printf("  note: %s\n", oneLine(n, 200))
		}
	}
	ew.printf("\nBlank means not screened in every scheme: it is never read as 0 (not targeted).\n")
	return ew.err
}

// WriteReference lists the 23 GCM objectives, the 10 guiding principles
// and the Migration MPTF thematic areas.
func WriteReference(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("GCM objectives (A/RES/73/195, para. 16):\n")
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	for _, o := range budget.Objectives() {
		fmt.Fprintf(tw, "  %d\t%s\t%s\n", o.Number, o.Short, o.Title)
	}
	tw.Flush()
	ew.printf("\nGuiding principles (para. 15):\n")
	for _, p := range budget.Principles() {
		ew.printf("  (%s) %s\n", p.Para, p.Name)
	}
	ew.printf("\nMigration MPTF thematic areas:\n")
	for _, a := range budget.ThematicAreas() {
		objs := make([]string, len(a.Objectives))
		for i, o := range a.Objectives {
			objs[i] = strconv.Itoa(o)
		}
		prov := ""
		if a.Provisional {
			prov = " [provisional]"
		}
		ew.printf("  %d. %s: objectives %s%s\n", a.Number, a.Name, strings.Join(objs, ", "), prov)
	}
	return ew.err
}
