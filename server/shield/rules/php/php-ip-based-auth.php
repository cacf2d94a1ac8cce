<?php
/* Code Shield's auth-bypass-spoofing: REMOTE_ADDR / REMOTE_HOST used to decide access */
// ruleid: php-ip-based-auth
if ($_SERVER['REMOTE_ADDR'] == '127.0.0.1') { show_admin(); }
// ruleid: php-ip-based-auth
if (in_array($_SERVER['REMOTE_HOST'], $trustedHosts)) { show_admin(); }
// ok: php-ip-based-auth
error_log('login from ' . $_SERVER['REMOTE_ADDR']);
// ok: php-ip-based-auth
$ip = filter_var($_SERVER['REMOTE_ADDR'], FILTER_VALIDATE_IP);
// ruleid: php-ip-based-auth
$isLocal = $_SERVER['REMOTE_ADDR'] === '::1';
// ok: php-ip-based-auth
$log->info('request', ['ip' => $_SERVER['REMOTE_ADDR']]);
