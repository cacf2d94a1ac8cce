package api

import (
	"math"
	"net/http"
	"strconv"
)

func Page(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.FormValue("size"))
	if err != nil {
		return
	}
	// ruleid: go-integer-narrowing
	size := int32(n)
	id, _ := strconv.ParseInt(r.FormValue("id"), 10, 64)
	// ruleid: go-integer-narrowing
	load(uint16(id), size)
	// ok: go-integer-narrowing
	total := int64(n)
	use(total)
}

func Checked(s string) int32 {
	v, err := strconv.Atoi(s)
	if err != nil || v > math.MaxInt32 || v < math.MinInt32 {
		return 0
	}
	// ok: go-integer-narrowing
	return int32(v)
}

func Sized(s string) int32 {
	v, _ := strconv.ParseInt(s, 10, 32)
	// ok: go-integer-narrowing
	return int32(v)
}

// fragment: a handler cut off in the middle
func handler(w http.ResponseWriter, r *http.Request) {
	port, _ := strconv.Atoi(r.FormValue("port"))
	cfg := Config{
		// ruleid: go-integer-narrowing
		Port: uint16(port),
