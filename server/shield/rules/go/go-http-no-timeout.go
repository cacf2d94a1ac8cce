package main

import (
	"net/http"
	"time"
)

func main() {
	mux := http.NewServeMux()
	// ruleid: go-http-no-timeout
	go http.ListenAndServe(":8080", mux)
	// ruleid: go-http-no-timeout
	srv := &http.Server{Addr: ":8443", Handler: mux}
	// ok: go-http-no-timeout
	good := &http.Server{Addr: ":9000", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	// ok: go-http-no-timeout
	good.ListenAndServe()
	// ok: go-http-no-timeout
	srv.ListenAndServeTLS("cert.pem", "key.pem")
	// http.ListenAndServe(":8080", nil) in a comment
}

// fragment
	// ruleid: go-http-no-timeout
	log.Fatal(http.ListenAndServe(addr, router))
