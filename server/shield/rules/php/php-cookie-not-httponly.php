// fragment without the opening tag
// ruleid: php-cookie-not-httponly
setcookie('PHPSESSID_custom', $sid, time() + 3600, '/', '', true);
// ruleid: php-cookie-not-httponly
setcookie('auth_token', $token, time() + 86400, '/', '', true, false);
// ruleid: php-cookie-not-httponly
setcookie('jwt', $jwt, ['expires' => time() + 600, 'secure' => true]);
// ruleid: php-cookie-not-httponly
session_set_cookie_params(['lifetime' => 0, 'secure' => true, 'httponly' => false]);
// ok: php-cookie-not-httponly
setcookie('auth_token', $token, time() + 86400, '/', '', true, true);
// ok: php-cookie-not-httponly
setcookie('jwt', $jwt, ['expires' => time() + 600, 'secure' => true, 'httponly' => true]);
// ok: php-cookie-not-httponly
setcookie('lang', 'en');
