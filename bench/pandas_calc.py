"""The pandas + openpyxl baseline of bench/run.sh: the same calculation as footprint calc
on a synthetic workbook (bench/synth), the way a Python analyst would write it.

Reads the sheets Energy, Logistics and Materials with openpyxl, joins each row with the
factor table exported by `footprint factors list --json` (the vintage that applies to its
year), converts its unit, multiplies, and sums tCO2e by year and scope (upstream of fuels
and electricity in Scope 3). Prints the table; bench/run.sh checks it against footprint's.

usage: python3 pandas_calc.py WORKBOOK.xlsx FACTORS.json
"""
import json
import sys

import pandas as pd

# from the row's unit to the factor's: (factor unit, multiplier)
CONVERT = {"MWh": ("kWh", 1000.0), "MWh PCS": ("kWh PCS", 1000.0), "kg": ("t", 0.001)}


def factor_table(path, years):
    factors = pd.DataFrame(json.load(open(path)))
    factors = factors[factors["kind"] == "emission"]
    # the vintage for each year: the latest one <= the year, else the earliest
    rows = []
    for fid, group in factors.groupby("id"):
        group = group.sort_values("year")
        for y in years:
            older = group[group["year"] <= y]
            f = older.iloc[-1] if len(older) else group.iloc[0]
            rows.append((fid, y, f["unit"], f["value"], f["upstream"], f["scope"]))
    return pd.DataFrame(rows, columns=["Activity", "Year", "FactorUnit", "Value", "Upstream", "Scope"])


def main(workbook, factors_json):
    sheets = pd.read_excel(workbook, sheet_name=["Energy", "Logistics", "Materials"], engine="openpyxl")
    rows = pd.concat(sheets.values(), ignore_index=True)
    rows["Year"] = rows["Year"].astype(int)
    table = factor_table(factors_json, sorted(rows["Year"].unique()))
    conv = rows["Unit"].map(lambda u: CONVERT.get(u, (u, 1.0)))
    rows["FactorUnit"] = conv.str[0]
    rows["Qty"] = rows["Quantity"] * conv.str[1]
    joined = rows.merge(table, on=["Activity", "Year", "FactorUnit"], how="left", validate="many_to_one")
    missing = joined["Value"].isna().sum()
    if missing:
        sys.exit(f"{missing} rows without a factor")
    direct = pd.DataFrame({"Year": joined["Year"], "Scope": joined["Scope"], "tCO2e": joined["Qty"] * joined["Value"] / 1000})
    upstream = pd.DataFrame({"Year": joined["Year"], "Scope": 3, "tCO2e": joined["Qty"] * joined["Upstream"] / 1000})
    result = pd.concat([direct, upstream]).groupby(["Year", "Scope"])["tCO2e"].sum().unstack(fill_value=0)
    print(f"{len(rows)} rows")
    print(result.round(1).to_string())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
