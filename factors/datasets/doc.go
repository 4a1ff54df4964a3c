// Package datasets reads the published emission-factor datasets as their publishers ship them:
// ADEME Base Carbone (CSV export), the UK DESNZ conversion factors (flat file saved as CSV), the
// US EPA Emission Factors Hub (xlsx), Ember grid intensities (co2.js JSON), Our World in Data's
// per-country-year grid intensity and generation mix (grapher CSVs, with the per-technology direct
// and lifecycle intensities of their SOURCE.md) and the IPCC GWP tables (CSV).
//
// Each reader keeps a row's own text and its line or cell, so that whoever maps the rows to
// product factors can cite them and name the place of any problem. Readers do not decide which
// rows become which factor: factors/mapping does that, for the built-in library and for imports.
package datasets
