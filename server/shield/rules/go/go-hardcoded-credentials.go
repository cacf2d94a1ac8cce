package config

import "os"

// ruleid: go-hardcoded-credentials
const apiKey = "sk_live_51H8x2eZvKYlo2C0aIVc"

var (
	// ruleid: go-hardcoded-credentials
	dbPassword = "Sup3r-S3cret!"
	// ok: go-hardcoded-credentials
	adminUser = "admin"
)

func Load() *Config {
	// ruleid: go-hardcoded-credentials
	token := "ghp_4Jx9aQv8mZk2LwT7rNcY1pS0bHd6eUf3iGo5"
	cfg := &Config{
		Host: "db.internal",
		// ruleid: go-hardcoded-credentials
		Password: "hunter2",
		// ok: go-hardcoded-credentials
		ClientSecret: os.Getenv("CLIENT_SECRET"),
	}
	// ok: go-hardcoded-credentials
	password := os.Getenv("DB_PASSWORD")
	// ok: go-hardcoded-credentials
	secret := ""
	// ok: go-hardcoded-credentials
	tokenHeader := "X-Auth-Token"
	// ok: go-hardcoded-credentials
	lock := Lock{Token: "urn:uuid:181d4fae-7d8c-11d0-a765-00a0c91e6bf2"}
	// ok: go-hardcoded-credentials
	fixture := authCase{outToken: "client-valid-token-1"}
	// ok: go-hardcoded-credentials
	const keyToken = "{RSAPUB}"
	// password := "hunter2" in a comment
	return cfg.With(token, password, secret, tokenHeader, lock, fixture, keyToken)
}

// fragment
	// ruleid: go-hardcoded-credentials
	cfg.SecretKey = "c2VjcmV0LWtleS1mb3ItcHJvZA=="
	headers := map[string]string{
		// ruleid: go-hardcoded-credentials
		"api_key": "9f8a7b6c5d4e3f2a1b0c",
