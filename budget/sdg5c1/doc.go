// Package sdg5c1 owns the questionnaire of SDG indicator 5.c.1 (systems to
// track and make public allocations for gender equality): its reference
// data (the 13 questions by criterion, data/sdg5c1.yaml), the workbook a
// ministry fills in ([WriteQuestionnaire], with excelize), and reading it
// back with its issues ([Read]). Scoring the answers is arithmetic and
// lives in package analysis. It sits beside the readers of package budget;
// it must not import input, analysis or reports.
package sdg5c1
