package format

import "math"

// Bytes prints a file size as a clerk reads it: 850 字节, 312.5 KB,
// 2.1 MB, 1.50 GB (binary units, as file managers on Windows show them),
// through Number so that it never prints -0 or a row of digits. A size
// that would round up to 1,024 of a unit prints in the next one. A
// negative size, which no file has, prints as "—".
func Bytes(n int64) string {
	if n < 0 {
		return "—"
	}
	if n < 1<<10 {
		return Int(int(n)) + " 字节"
	}
	v := float64(n) / (1 << 10)
	for _, unit := range []string{"KB", "MB"} {
		if math.Round(v*10) < 1024*10 {
			return Number(v, 1) + " " + unit
		}
		v /= 1 << 10
	}
	return Number(v, 2) + " GB"
}
