/*
Command grb reads budget workbooks and aid files, tags their lines by Global
Compact for Migration (GCM) objective and gender marker, and reports how
much of the migration-related budget is marked with gender equality as a
principal or significant objective.

# Usage

	grb inspect [flags] FILE     what will be read: sheets, header, column mapping, row ledger, totals
	grb validate [flags] FILE    every problem at once, each with file, sheet and cell
	grb analyze [flags] FILE     allocation shares by objective, area, ministry, …, each named by its convention
	grb report [flags] FILE...   report.xlsx, report.html and charts in a folder (-o, default grb-report)
	grb template [flags] FILE    a tagging workbook (-o FILE): the budget's lines, with dropdowns for objectives and markers
	grb tag [flags] FILE         the same, with tags suggested by rules (--rules) and carried from last year (--previous)
	grb check [flags] FILE       pass or fail for each rule of a funder's compliance profile (--profile)
	grb sdg5c1 [flags] Q...      score SDG 5.c.1 questionnaires (--budget: with evidence); --template -o FILE writes one
	grb export [flags] FILE      IATI 2.03 XML (--format iati) or a Fiscal Data Package folder (--format fdp)
	grb demo [-o FOLDER]         findings for the embedded synthetic sample budget, and its report in ./grb-demo
	grb schemes                  the gender-marker schemes and their crosswalk to canonical levels
	grb objectives               the 23 GCM objectives, guiding principles, MPTF thematic areas

FILE is an .xlsx workbook, a .csv file (comma, semicolon or tab; UTF-8,
UTF-16 with a byte-order mark, or Windows-1252), an IATI activity file
(.xml), or a Fiscal Data Package (its datapackage.json, or the folder that
holds it: its csv file is read with the columns, currency, scale and phases
its model gives; flags still win). Every visible sheet is read; the header is found under any title block, two-row headers are
joined, and columns are recognised by their names in English, Spanish and
French. Subtotal and total rows are not line items: each is checked
against the lines it covers.

Reading flags (inspect, validate):

	--sheet SHEET           read only SHEET (hidden sheets are read only when named)
	--header-row N          the header is on row N
	--column FIELD=HEADER   read the column with that header (or letter) as FIELD; repeatable
	--mapping FILE          a YAML file with sheet, header_row, columns, scheme, currency, scale, …
	--scheme SCHEME         the gender-marker scheme (grb schemes lists them); else inferred, with a warning
	--schemes FILE          add or override marker schemes from a YAML file
	--currency CODE         ISO 4217 code when the file states none
	--scale UNIT            units, thousands, millions or billions (else from the title or header)
	--decimal MARK          auto, point or comma, for amounts written as text
	--amount-phase PHASE    phase of a generic amount column (default approved)
	--year YEAR             fiscal year when the file states none
	--delimiter D           csv delimiter: comma, semicolon or tab
	--tolerance AMOUNT      largest difference at which a stated total still matches (default 0)
	--max-bytes N           refuse inputs that unzip or decode to more than N bytes (default 1 GiB)
	--max-rows N            refuse sheets of more than N rows (default 5,000,000)

inspect also takes --ledger (list the whole row ledger, consecutive rows
alike as one record, and every total check, not only the rows that are not
lines and the totals that do not match). validate also takes --format
text|json and --max-issues N (default 50; 0 lists all).
schemes takes --schemes FILE to show user schemes with the built-in ones.

Analysis flags (analyze, with the reading flags):

	--by DIMS               group by objective, area, unit (or ministry), programme, year, marker, currency; comma-separated
	--weighting NAME        convention of the GEWE columns: dac_headline (default), principal_only, eu_100_40_0, attributed
	--weightings FILE       user-defined conventions (YAML: name, description, weights by level in percent)
	--phase PHASE           the phase analysed (default approved)
	--format FORMAT         text, csv or json

report takes the reading and analysis flags (not --by or --format) and
-o FOLDER (default grb-report), which must be empty or new unless --force is
given. Several files give the trend over their fiscal years; one budget given
twice (the same file, or a copy of identical content) is refused, and so are
two files of one fiscal year unless --parts says they are parts of one
budget. --compare OLD compares the last FILE with an earlier version OLD,
whose lines are in no other figure. Each output is written to a temporary
file and renamed into place, and never over an input.

Currencies (analyze, report, check; validate too, to list what a
conversion lacks): --to CODE converts every amount at the annual average
rate of its line's fiscal year, from the embedded tables of --rate-source
imf+wb (default: IMF, then World Bank after the IMF's last year), imf or
wb; --rates FILE wins over them; --prices constant:YEAR deflates. A rate,
currency, year or price index that is missing is an error issue with its
code (rate-missing, currency-unknown, currency-missing, year-missing,
fiscal-year-invalid, deflator-missing, convert-overflow), its file, row,
currency and year. Without --to, lines in several currencies are analysed
one currency at a time, each in its own section (analyze text, json and
csv; report.html; the Currencies sheet of report.xlsx), never added.
report BUDGET AID (budget files and IATI files) and analyze BUDGET AID (one
budget file; text and json) set the budget beside the aid by GCM objective
and marker, aid linked to a budget line by a
country-budget-items code counted once; give --to when their currencies
differ.

template and tag take the reading flags and -o FILE (required; written to
a temporary file and renamed, never over an input); --scheme names the
institution's marker scheme (default oecd_dac); --lang en|fr|es writes the
workbook's instructions, headers and prompts in that language (default: a
returned workbook's own). tag also takes --rules FILE
(default: grb's rules; --default-rules prints them), --previous FILE (last
year's tagging workbook), --evaluate TRUTH (precision, recall and F1 of the
suggestions against hand-made tags; no FILE) and --max-lines N. validate
recognises a tagging workbook and lists every line not yet confirmed or
marked not screened, and every invalid tag, at its cell.

check takes the reading flags and --profile NAME|FILE (required: mptf,
un-15, undp, eu-gap3, or a YAML file of rules), --phase PHASE (default:
the profile's, else approved), --weightings FILE, --format text|json and
--max-lines N (failing lines listed per rule in text; default 10, 0 = all).
A value exactly on a threshold passes. Thresholds that could not be
verified against their source are marked "unverified". A budget with
errors is still checked, on what could be read, and the command exits 1.

sdg5c1 --template -o FILE writes the questionnaire workbook (an existing
FILE is replaced only with --force). sdg5c1 Q... reads filled
questionnaires and scores each as the indicator's metadata does (criteria
met with 2 of 3, 4 of 7 and 2 of 3 Yes; all three: fully meets, case A;
one or two: approaches, cases B-G; none: does not meet, case H); a blank
answer is not answered, never No. With --budget FILE (read with the
reading flags) it checks questions 1.1 and 2.5 against the budget's gender
markers and computes the optional share of the budget under every
convention, flagging contradictions; --phase PHASE (default approved),
--format text|json. Several questionnaires give a tracking table by year.

export takes the reading flags, --format iati|fdp (required), -o
FILE_OR_FOLDER (IATI: a file, default standard output; fdp: a folder,
required), --force, --reporting-org REF (default XX-GRB, a placeholder),
--org-name NAME, --org-type CODE (default 10) and --fiscal-start MONTH
(default 1: fiscal year Y is the budget period from that month of Y to the
month before it in Y+1). IATI: one activity per line under one parent per
programme; approved and revised amounts are budgets of type 1 and 2,
executed amounts expenditure transactions; the gender marker is
policy-marker vocabulary 1 code 1 with the DAC significance (principal 2,
significant 1, not targeted, limited and potential 0; none when not
screened); GCM objectives are tags of vocabulary 99 and sectors of
vocabulary 98 with percentages; SDG targets 5.c and 10.7 are tags of
vocabulary 3. Proposed amounts are left out of IATI. Every line with money
needs a fiscal year (--year). The README's "Export" section has the whole
mapping.

Every gender share is printed with the name of its convention; the
headline gives the total under every convention, and money that was not
screened is reported as such, never counted as zero.

# Examples

Read the embedded sample:

	$ grb demo

See how a ministry's workbook will be read, then check it:

	$ grb inspect budget.xlsx
	$ grb validate budget.xlsx --scheme oecd_dac

Shares by GCM objective, then by ministry and marker level as csv:

	$ grb analyze budget.xlsx --by objective
	$ grb analyze budget.xlsx --by ministry,marker --weighting eu_100_40_0 --format csv

Read a Macedonian semicolon-separated export whose headers grb does not know:

	$ grb inspect budget.csv --column approved=Буџет --column unit_name="Назив раздел"

Check a budget against the UN 15% floor, in English then in French
(--lang fr|es words the text), then a joint programme against the
Migration MPTF gender marker rules, as JSON:

	$ grb check budget.xlsx --profile un-15
	$ grb check budget.xlsx --profile un-15 --lang fr
	$ grb check jp.csv --profile mptf --scheme mptf --format json

Hand the tagged budget on to donors as IATI, and to a portal as a Fiscal
Data Package:

	$ grb export budget.xlsx --format iati --reporting-org XM-DAC-0000 -o budget.xml
	$ grb export budget.xlsx --format fdp -o budget-fdp

Write the SDG 5.c.1 questionnaire, then score a filled one against the
budget:

	$ grb sdg5c1 --template -o questionnaire.xlsx
	$ grb sdg5c1 5c1.xlsx --budget budget.xlsx

# Exit status

	0  success; for validate, no errors (warnings allowed)
	1  the input has errors, or it could not be read
	2  usage: unknown command or flag, bad flag value, wrong number of files
	3  check: the input was read and a compliance rule fails
	130  interrupted (Ctrl-C or SIGTERM): temporary files removed, "grb: interrupted"
	141  stdout was closed by its reader (grb … | head): nothing more is said
*/
package main
