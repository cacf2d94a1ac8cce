<?php
/* Code Shield's test snippets (mcrypt-use) */
// ruleid: php-mcrypt
$modes = mcrypt_list_modes();

// ruleid: php-mcrypt
$algorithms = mcrypt_list_algorithms();

// ruleid: php-mcrypt
echo mdecrypt_generic($encrypted);

function encrypting__stuff($text)
{
    // ruleid: php-mcrypt
    $encrypted = mcrypt_encrypt($text);
}

function decrypting__stuff($text)
{
    // ruleid: php-mcrypt
    $dencrypted = mcrypt_dencrypt($text);
}
// ruleid: php-mcrypt
mdecrypt_generic();

// ruleid: php-mcrypt
$mo = mcrypt_module_open(
    $cipher,
    '/usr/local/libmcrypt/modules/algorithms/',
    $mode,
    '/usr/local/libmcrypt/modules/modes/');

// ok: php-mcrypt
$ciphertext = openssl_encrypt($plaintext, $cipher, $key, $options=0, $iv, $tag);
// ok: php-mcrypt
$box = sodium_crypto_secretbox($msg, $nonce, $key);
// ok: php-mcrypt
$name = 'mcrypt_encrypt';
// mcrypt_encrypt($text) in a comment
