package html

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"strings"

	"github.com/footprint/footprint/internal/atomicfile"
	"github.com/footprint/footprint/reports"
)

// ErrNoEcharts is returned when the echarts script that the report inlines is not installed.
var ErrNoEcharts = errors.New("reports/html/assets/echarts.min.js is missing: run `npm ci` first (it installs the echarts script the report inlines)")

// The echarts script is embedded from reports/html/assets, where `npm ci` puts it (package.json);
// the folder's committed README keeps the embed valid on a fresh clone without it.
//
//go:embed all:assets
var embedded embed.FS

// assets is where Write looks for the echarts script (a variable so tests can take it away).
var assets fs.FS = embedded

//go:embed report.html.tmpl
var pageTemplate string

var page = template.Must(template.New("report").Parse(pageTemplate))

// echartsScript returns the embedded echarts build.
func echartsScript() ([]byte, error) {
	b, err := fs.ReadFile(assets, "assets/echarts.min.js")
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(b) == 0) {
		return nil, ErrNoEcharts
	}
	return b, err
}

// Write writes the report as one self-contained HTML page: the echarts script inlined,
// every chart's options as JSON data, every user string escaped. The same Report gives the
// same bytes. A NaN or infinite figure is an error, never a broken chart.
func Write(w io.Writer, r reports.Report) error {
	script, err := echartsScript()
	if err != nil {
		return err
	}
	return writeHTML(w, r, script)
}

// WriteFile writes the report to path atomically, as the export is written: the page is
// made first, then written to a temporary file in the same folder and renamed over path, so a
// report that cannot be made (echarts missing, a NaN) or an interrupted run leaves the previous
// page in place.
func WriteFile(path string, r reports.Report) error {
	var page bytes.Buffer
	if err := Write(&page, r); err != nil {
		return err
	}
	return atomicfile.Write(path, func(w io.Writer) error {
		_, err := w.Write(page.Bytes())
		return err
	})
}

func writeHTML(w io.Writer, r reports.Report, script []byte) error {
	if err := reports.CheckFinite(r.Years, r.PoleActivities, r.Trajectory); err != nil {
		return err
	}
	// An inline script ends at the first "</script" and "<!--" changes how it is parsed:
	// refuse a build that holds either rather than emit a page that breaks.
	low := bytes.ToLower(script)
	if bytes.Contains(low, []byte("</script")) || bytes.Contains(low, []byte("<!--")) {
		return errors.New("reports: the echarts script holds </script or <!-- and cannot be inlined")
	}
	v := newView(r)
	opts, err := marshalCharts(v.charts)
	if err != nil {
		return err
	}
	v.ChartOptions = opts
	v.Script = template.JS(script)
	var buf bytes.Buffer
	if err := page.Execute(&buf, v); err != nil {
		return fmt.Errorf("reports: rendering the HTML report: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// marshalCharts serializes every chart's options with encoding/json into one object keyed by
// chart id. encoding/json escapes <, > and & (and U+2028, U+2029), so no user string can close
// the <script type="application/json"> block that holds it; the page reads it with JSON.parse,
// so nothing in it is ever code. It refuses NaN and Inf.
func marshalCharts(cs []echart) (template.JS, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, c := range cs {
		if i > 0 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(c.ID)
		b.Write(key)
		b.WriteByte(':')
		opt, err := json.Marshal(c.Options)
		if err != nil {
			return "", fmt.Errorf("reports: chart %s: %w", c.ID, err)
		}
		b.Write(opt)
	}
	b.WriteByte('}')
	s := b.String()
	if strings.ContainsAny(s, "<>") {
		return "", errors.New("reports: chart options hold an unescaped < or >") // cannot happen with encoding/json
	}
	return template.JS(s), nil
}
