package main

import (
	"github.com/urfave/cli/v2"

	"github.com/grb-toolkit/grb/budget/tagging"
	"github.com/grb-toolkit/grb/reports"
)

// langFlag is --lang of grb report and grb demo.
func langFlag() cli.Flag {
	return &cli.StringFlag{Name: "lang", Value: "en", Usage: "write the report in `LANG`: en, fr or es (sentences, headers, captions and numbers)"}
}

// reportLang reads --lang.
func reportLang(c *cli.Context) (reports.Lang, error) {
	l, err := reports.ParseLang(c.String("lang"))
	if err != nil {
		return l, usagef("--lang: %v", err)
	}
	return l, nil
}

// textLangFlag is --lang of grb check and grb sdg5c1, whose text output
// it words; JSON keeps its English words, for programs.
func textLangFlag() cli.Flag {
	return &cli.StringFlag{Name: "lang", Value: "en", Usage: "write the text output in `LANG`: en, fr or es (sentences, headers and numbers; --format json stays English)"}
}

// tagLangFlag is --lang of grb template and grb tag.
func tagLangFlag() cli.Flag {
	return &cli.StringFlag{Name: "lang", Usage: "write the tagging workbook's instructions, headers and dropdown prompts in `LANG`: en, fr or es (default: a returned workbook's own language, else en); objective numbers, marker codes and statuses are the same in every language"}
}

// tagLang is the language of the tagging workbook to write: --lang when
// given, else the language t was written in.
func tagLang(c *cli.Context, t *tagging.Tagging) (reports.Lang, error) {
	if !c.IsSet("lang") {
		if l, err := reports.ParseLang(t.Lang); err == nil {
			return l, nil
		}
		return reports.English, nil // a language this grb does not write
	}
	return reportLang(c)
}
