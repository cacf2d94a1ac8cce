// fragment without the opening tag
// ruleid: php-cookie-not-secure
setcookie('session_id', $sid, time() + 3600, '/');
// ruleid: php-cookie-not-secure
setcookie('auth_token', $token, time() + 86400, '/', '', false, true);
// ruleid: php-cookie-not-secure
setcookie('remember_me', $token, ['expires' => time() + 86400, 'httponly' => true]);
// ruleid: php-cookie-not-secure
ini_set('session.cookie_secure', '0');
// ok: php-cookie-not-secure
setcookie('auth_token', $token, time() + 86400, '/', '', true, true);
// ok: php-cookie-not-secure
setcookie('remember_me', $token, ['expires' => time() + 86400, 'secure' => true, 'httponly' => true]);
// ok: php-cookie-not-secure
setcookie('theme', 'dark', time() + 86400, '/');

/* Code Shield's test snippet (missing-secure-cookie) */
// ruleid: php-cookie-not-secure
setcookie("id", $v, 0, "/", "", false, false);
// ok: php-cookie-not-secure
setcookie("id", $v, 0, "/", "", true, true);
