// Package mapping says which rows of the published emission-factor datasets become which
// factor of the product, and builds those factors: ADEME Base Carbone (an element whole, or its
// postes split into combustion in value and upstream in upstream), UK DESNZ conversion factors
// (per-gas, well-to-tank and T&D rows), the US EPA Emission Factors Hub, Ember and Our World in
// Data grid intensities and the IPCC GWP tables. The built-in library (factors/gen writes it to
// factors/library.json) and a run-time import of one ADEME or DESNZ release share this one
// mapping, so that the same release gives the same factor under the same id.
//
// Which product factor comes from which source row is the table in table.go (and coverage.go);
// every number is read from the datasets, never typed into the table (only unit-conversion
// constants and documented refrigerant blend fractions are constants). A missing row, an empty
// or unparsable value, or a unit that does not match the table is an error that names the file
// and row. The package reads rows through factors/datasets and reads no file of its own except
// under the sources folder Generate and GenerateGridMix are given.
//
// Generate builds the whole library from the sources folder, sorted and formatted
// deterministically: two runs give identical bytes. ADEME and DESNZ build the factors drawn
// from one already-loaded release of one dataset.
package mapping
