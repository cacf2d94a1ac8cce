<?php
/* Code Shield's test snippets (unsafe-hash-use, risky-crypto-algorithm) */
// ruleid: php-weak-hash
$hash = md5($password);

// ruleid: php-weak-hash
$hash = md5_file($file);

// ruleid: php-weak-hash
$hash = sha1($password);

// ruleid: php-weak-hash
$hash = sha1_file($file);

// ok: php-weak-hash
$hash = password_hash("very_secret_password", PASSWORD_BCRYPT);

// ok: php-weak-hash
echo hash('sha256', 'The quick brown fox jumped over the lazy dog.');

// ok: php-weak-hash
$mac = hash_hmac('sha256', $body, $key);

// ok: php-weak-hash
$s = "md5($x)";

// ruleid: php-weak-hash
md5($input);
