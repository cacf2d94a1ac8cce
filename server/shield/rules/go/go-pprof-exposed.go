package main

import (
	"net/http"
	// ruleid: go-pprof-exposed
	_ "net/http/pprof"
	// ok: go-pprof-exposed
	"runtime/pprof"
)

func routes(mux *http.ServeMux) {
	// ruleid: go-pprof-exposed
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	// ruleid: go-pprof-exposed
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	// ok: go-pprof-exposed
	mux.HandleFunc("/healthz", health)
	// ok: go-pprof-exposed
	mux.Handle("/metrics", promhttp.Handler())
	// ok: go-pprof-exposed
	pprof.StartCPUProfile(profileFile)
	// import _ "net/http/pprof" in a comment
	_ = "net/http/pprof"
}

// fragment
	// ruleid: go-pprof-exposed
	r.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
