// fragment without the opening tag
// ruleid: php-ip-spoofing-auth
if ($_SERVER['HTTP_X_FORWARDED_FOR'] === '10.0.0.5') {
    $isAdmin = true;
}
$ip = $_SERVER['HTTP_CLIENT_IP'] ?? $_SERVER['REMOTE_ADDR'];
// ruleid: php-ip-spoofing-auth
if (in_array($ip, $trustedIps)) {
    grant_access();
}
// ruleid: php-ip-spoofing-auth
$internal = $request->ip() == '127.0.0.1';
// ok: php-ip-spoofing-auth
if ($_SERVER['REMOTE_ADDR'] === '10.0.0.5') {
    $isAdmin = true;
}
// ok: php-ip-spoofing-auth
error_log('request from ' . $_SERVER['HTTP_X_FORWARDED_FOR']);
// ok: php-ip-spoofing-auth
$forwarded = $_SERVER['HTTP_X_FORWARDED_FOR'] ?? '';
