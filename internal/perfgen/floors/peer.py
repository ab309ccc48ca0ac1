#!/usr/bin/python3
# The pandas peer of README's Speed section: read a perf budget (.xlsx with
# openpyxl, or .csv) and group by ministry and marker ("analyze"), or also
# write a summary workbook ("report").  Usage: peer.py analyze|report FILE
import sys
import tempfile

import pandas as pd

mode, path = sys.argv[1], sys.argv[2]
df = pd.read_excel(path, engine="openpyxl") if path.endswith(".xlsx") else pd.read_csv(path)
g = df.groupby(["Ministry", "Gender marker (OECD DAC)"], dropna=False)[["Approved", "Executed"]].sum()
if mode == "report":
    with tempfile.TemporaryDirectory() as d, pd.ExcelWriter(d + "/summary.xlsx", engine="openpyxl") as w:
        g.to_excel(w, sheet_name="Summary")
        df.groupby("GCM objective(s)")[["Approved"]].sum().to_excel(w, sheet_name="By objective")
print(len(g), "groups")
