package auth

import "github.com/golang-jwt/jwt/v5"

func Claims(tokenString string, key []byte) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	// ruleid: go-jwt-unverified
	_, _, err := jwt.NewParser().ParseUnverified(tokenString, claims)
	// ruleid: go-jwt-unverified
	t, err := jwt.Parse(tokenString, func(t *jwt.Token) (any, error) { return jwt.UnsafeAllowNoneSignatureType, nil })
	// ok: go-jwt-unverified
	t2, err := jwt.Parse(tokenString, keyFunc(key), jwt.WithValidMethods([]string{"HS256"}))
	// ok: go-jwt-unverified
	signed := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	// ok: go-jwt-unverified
	t3, err := jwt.ParseWithClaims(tokenString, &claims, keyFunc(key), jwt.WithValidMethods([]string{"RS256"}))
	// jwt.SigningMethodNone in a comment
	return merge(claims, t, t2, t3, signed), err
}

// fragment
	// ruleid: go-jwt-unverified
	token := jwt.NewWithClaims(jwt.SigningMethodNone, claims)
