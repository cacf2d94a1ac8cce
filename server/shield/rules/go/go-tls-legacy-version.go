package server

import "crypto/tls"

func TLSConfig() *tls.Config {
	cfg := &tls.Config{
		// ruleid: go-tls-legacy-version
		MinVersion: tls.VersionTLS10,
	}
	// ruleid: go-tls-legacy-version
	cfg.MaxVersion = tls.VersionTLS11
	// ok: go-tls-legacy-version
	strict := &tls.Config{MinVersion: tls.VersionTLS12}
	// ok: go-tls-legacy-version
	strict.MaxVersion = tls.VersionTLS13
	// ok: go-tls-legacy-version
	modern := &tls.Config{MinVersion: tls.VersionTLS13, MaxVersion: tls.VersionTLS13}
	// MinVersion: tls.VersionTLS10 in a comment
	return cfg
}

// fragment
	srv.TLSConfig = &tls.Config{
		// ruleid: go-tls-legacy-version
		MinVersion: tls.VersionSSL30,
