package main

import (
	"net"
	"net/http"
)

func main() {
	// ruleid: go-bind-all-interfaces
	ln, _ := net.Listen("tcp", "0.0.0.0:9000")
	srv := &http.Server{
		// ruleid: go-bind-all-interfaces
		Addr: "0.0.0.0:8080",
	}
	// ruleid: go-bind-all-interfaces
	router.Run("[::]:8081")
	// ok: go-bind-all-interfaces
	ln2, _ := net.Listen("tcp", "127.0.0.1:9000")
	// ok: go-bind-all-interfaces
	http.ListenAndServe(cfg.ListenAddr, nil)
	// ok: go-bind-all-interfaces
	log.Printf("listening on 0.0.0.0:8080")
	// net.Listen("tcp", "0.0.0.0:9000") in a comment
	use(ln, ln2, srv)
}

// fragment
	// ruleid: go-bind-all-interfaces
	log.Fatal(http.ListenAndServe("0.0.0.0:80", mux))
