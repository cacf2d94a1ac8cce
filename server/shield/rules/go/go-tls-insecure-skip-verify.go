package client

import (
	"crypto/tls"
	"net/http"
)

func New(insecure bool) *http.Client {
	tr := &http.Transport{
		// ruleid: go-tls-insecure-skip-verify
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	}
	cfg := &tls.Config{}
	// ruleid: go-tls-insecure-skip-verify
	cfg.InsecureSkipVerify = true
	// ok: go-tls-insecure-skip-verify
	strict := &tls.Config{InsecureSkipVerify: false, MinVersion: tls.VersionTLS12}
	// ok: go-tls-insecure-skip-verify
	flagged := &tls.Config{InsecureSkipVerify: insecure}
	// ok: go-tls-insecure-skip-verify
	pinned := &tls.Config{RootCAs: pool, ServerName: "api.internal", InsecureSkipVerify: false}
	// InsecureSkipVerify: true in a comment
	_ = "InsecureSkipVerify: true"
	return &http.Client{Transport: tr}
}

// fragment: a literal without its function
	client := &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{
			// ruleid: go-tls-insecure-skip-verify
			InsecureSkipVerify: true,
