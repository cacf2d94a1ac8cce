package web

import (
	"net/http"

	"github.com/rs/cors"
)

func CORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		// ruleid: go-cors-reflected-origin
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
		// ok: go-cors-reflected-origin
		w.Header().Set("Access-Control-Allow-Origin", "https://app.example.com")
		// ok: go-cors-reflected-origin
		w.Header().Set("Vary", origin)
		next.ServeHTTP(w, r)
	})
}

func Options() http.Handler {
	c := cors.New(cors.Options{
		// ruleid: go-cors-reflected-origin
		AllowOriginFunc:  func(origin string) bool { return true },
		AllowCredentials: true,
	})
	// ok: go-cors-reflected-origin
	d := cors.New(cors.Options{AllowedOrigins: []string{"https://app.example.com"}, AllowCredentials: true})
	// ruleid: go-cors-reflected-origin
	e := cors.New(cors.Options{AllowedOrigins: []string{"*"}, AllowCredentials: true})
	// Access-Control-Allow-Origin: origin in a comment
	return pick(c, d, e)
}

// fragment
	// ruleid: go-cors-reflected-origin
	c.Header("Access-Control-Allow-Origin", c.GetHeader("Origin"))
