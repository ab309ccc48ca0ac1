/*
Command grb reads budget workbooks and aid files, tags their lines by Global
Compact for Migration (GCM) objective and gender marker, and reports how
much of the migration-related budget serves gender equality.

# Usage

	grb inspect [flags] FILE     what will be read: sheets, header, column mapping, row ledger, totals
	grb validate [flags] FILE    every problem at once, each with file, sheet and cell
	grb analyze [flags] FILE     allocation shares by objective, area, ministry, …, each named by its convention
	grb report [flags] FILE...   report.xlsx, report.html and charts in a folder (-o, default grb-report)
	grb demo [-o FOLDER]         findings for the embedded synthetic sample budget, and its report in ./grb-demo
	grb schemes                  the gender-marker schemes and their crosswalk to canonical levels
	grb objectives               the 23 GCM objectives, guiding principles, MPTF thematic areas

FILE is an .xlsx workbook or a .csv file (comma, semicolon or tab; UTF-8,
UTF-16 with a byte-order mark, or Windows-1252). Every visible sheet is
read; the header is found under any title block, two-row headers are
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

inspect also takes --ledger (list every row and every total check, not only
the rows that are not lines and the totals that do not match). validate also
takes --format text|json and --max-issues N (default 50; 0 lists all).
schemes takes --schemes FILE to show user schemes with the built-in ones.

Analysis flags (analyze, with the reading flags):

	--by DIMS               group by objective, area, unit (or ministry), programme, year, marker, currency; comma-separated
	--weighting NAME        convention of the GEWE columns: dac_headline (default), principal_only, eu_100_40_0, attributed
	--weightings FILE       user-defined conventions (YAML: name, description, weights by level in percent)
	--phase PHASE           the phase analysed (default approved)
	--format FORMAT         text, csv or json

report takes the reading and analysis flags (not --by or --format) and
-o FOLDER (default grb-report), which must be empty or new unless --force is
given. Several files give the trend over their fiscal years. Each output is
written to a temporary file and renamed into place, and never over an input.

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

# Exit status

	0  success; for validate, no errors (warnings allowed)
	1  the input has errors, or it could not be read
	2  usage: unknown command or flag, bad flag value, wrong number of files
*/
package main
