// Package html owns report.html: its sections, wording, charts (go-echarts options serialized
// with encoding/json into the page's own template) and the echarts build inlined from assets/.
//
// It computes no figure (they come from reports.Report) and writes no other file.
package html
