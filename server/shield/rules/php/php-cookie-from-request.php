<?php
// ruleid: php-cookie-from-request
setcookie($_GET['name'], 'x');
// ruleid: php-cookie-from-request
set_cookie($_REQUEST["pref"]);
// ok: php-cookie-from-request
setcookie('lang', 'en', ['secure' => true, 'httponly' => true]);
// ok: php-cookie-from-request
set_cookie('theme', $theme);
// ok: php-cookie-from-request
$v = $_COOKIE['theme'] ?? 'light';
// setcookie($_GET['name']) in a comment

/* Code Shield's test snippet (missing-encryption-sensitive-data) */
// ruleid: php-cookie-from-request
set_cookie($_POST['query']);
