package main

// ruleid: generic-private-key
const key = `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIBkg
-----END EC PRIVATE KEY-----`
