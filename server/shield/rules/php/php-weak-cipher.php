// fragment without the opening tag
// ruleid: php-weak-cipher
$enc = mcrypt_encrypt(MCRYPT_RIJNDAEL_128, $key, $data, MCRYPT_MODE_CBC, $iv);
// ruleid: php-weak-cipher
$des = openssl_encrypt($data, 'des-ede3-cbc', $key, 0, $iv);
// ruleid: php-weak-cipher
$ecb = openssl_encrypt($data, 'aes-256-ecb', $key);
// ruleid: php-weak-cipher
$bf = openssl_decrypt($blob, "bf-cbc", $key, OPENSSL_RAW_DATA, $iv);
// ok: php-weak-cipher
$gcm = openssl_encrypt($data, 'aes-256-gcm', $key, OPENSSL_RAW_DATA, $iv, $tag);
// ok: php-weak-cipher
$box = sodium_crypto_secretbox($data, $nonce, $key);
// ok: php-weak-cipher
$cbc = openssl_encrypt($data, $method, $key, 0, $iv);
