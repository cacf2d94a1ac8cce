// fragment without the opening tag
$expected = hash_hmac('sha256', $payload, $secret);
// ruleid: php-timing-compare
if ($expected === $_SERVER['HTTP_X_SIGNATURE']) {
    process($payload);
}
// ruleid: php-timing-compare
if ($_POST['csrf_token'] !== $_SESSION['csrf_token']) {
    die('csrf');
}
// ok: php-timing-compare
if (hash_equals($expected, $_SERVER['HTTP_X_SIGNATURE'])) {
    process($payload);
}
// ok: php-timing-compare
if ($token === null || $token === '') {
    die('missing');
}
// ok: php-timing-compare
if ($status === $previous) {
    noop();
}
