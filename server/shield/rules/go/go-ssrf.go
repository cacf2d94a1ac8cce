package proxy

import (
	"io"
	"net/http"
)

func Fetch(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	// ruleid: go-ssrf
	resp, err := http.Get(target)
	// ruleid: go-ssrf
	req, err := http.NewRequest("GET", r.FormValue("callback"), nil)
	// ruleid: go-ssrf
	resp2, err := client.Post(r.FormValue("hook"), "application/json", r.Body)
	// ok: go-ssrf
	ok, err := http.Get("https://api.example.com/status")
	// ok: go-ssrf
	id := r.URL.Query().Get("id")
	// ok: go-ssrf
	ok2, err := http.Get(apiBase + "/items")
	// http.Get(r.FormValue("url")) in a comment
	io.Copy(w, resp.Body)
	use(req, resp2, ok, ok2, id, err)
}

// fragment
	u := c.Query("image")
	// ruleid: go-ssrf
	res, err := http.Get(u)
	if err != nil {
