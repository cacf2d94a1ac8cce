package auth

import "github.com/golang-jwt/jwt/v4"

func Parse(raw string, key []byte) (*jwt.Token, error) {
	// ruleid: go-jwt-no-expiry
	p := jwt.NewParser(jwt.WithoutClaimsValidation())
	// ruleid: go-jwt-no-expiry
	legacy := &jwt.Parser{SkipClaimsValidation: true}
	// ok: go-jwt-no-expiry
	strict := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))
	// ok: go-jwt-no-expiry
	other := &jwt.Parser{SkipClaimsValidation: false}
	// ok: go-jwt-no-expiry
	strictExp := jwt.NewParser(jwt.WithExpirationRequired(), jwt.WithLeeway(5*time.Second))
	// jwt.WithoutClaimsValidation() in a comment
	use(legacy, strict, other, strictExp)
	return p.Parse(raw, keyFunc(key))
}

// fragment
	// ruleid: go-jwt-no-expiry
	token, err := jwt.Parse(raw, keyFunc, jwt.WithoutClaimsValidation())
