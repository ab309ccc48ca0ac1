package main

import (
	"github.com/urfave/cli/v2"

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
