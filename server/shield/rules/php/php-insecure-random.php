<?php
function issue($user) {
    // ruleid: php-insecure-random
    $token = md5(uniqid(rand(), true));
    // ruleid: php-insecure-random
    $_SESSION['csrf_token'] = sha1(mt_rand());
    // ruleid: php-insecure-random
    $user->reset_code = mt_rand(100000, 999999);
    // ok: php-insecure-random
    $delay = rand(100, 500);
    // ok: php-insecure-random
    $token2 = bin2hex(random_bytes(32));
    // ok: php-insecure-random
    $banner = $banners[array_rand($banners)];
    // ok: php-insecure-random
    $shipping = rand(1, 3);
}

function generate_password($len = 12) {
    $chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
    // ruleid: php-insecure-random
    return substr(str_shuffle($chars), 0, $len);
}

// fragment: a method without its class
    public function createApiKey() {
        // ruleid: php-insecure-random
        $k = uniqid('', true);
        return $k;
    }

/* Code Shield's test snippet (insufficiently-random-values) */
// ruleid: php-insecure-random
mt_rand($a);
// ruleid: php-insecure-random
$id = uniqid($prefix);
// ok: php-insecure-random
$dice = mt_rand(1, 6);
