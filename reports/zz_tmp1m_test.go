package reports_test

import (
	"os"
	"testing"
	"time"

	"github.com/footprint/footprint/reports"
)

func TestTmp1M(t *testing.T) {
	in := os.Getenv("TMP1M")
	data, err := os.ReadFile(in)
	if err != nil {
		t.Skip()
	}
	a, _ := annotationOf(t, annotateConfig(t), data)
	start := time.Now()
	n, err := reports.WriteAnnotatedFile(in, "/tmp/astest/1m-t.xlsx", a)
	t.Log(n, err, time.Since(start))
}
