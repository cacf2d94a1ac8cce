<?php
function register($db, $email, $password) {
    // ruleid: php-weak-password-hash
    $hash = md5($password);
    // ruleid: php-weak-password-hash
    $h2 = sha1($salt . $_POST['password']);
    // ruleid: php-weak-password-hash
    $h3 = hash('sha256', $password);
    // ok: php-weak-password-hash
    $good = password_hash($password, PASSWORD_DEFAULT);
    // ok: php-weak-password-hash
    $etag = md5($content);
    // ok: php-weak-password-hash
    $mac = hash_hmac('sha256', $payload, $key);
    return $good;
}

// fragment: unclosed login check
if (isset($_POST['login'])) {
    // ruleid: php-weak-password-hash
    $row = $db->query("SELECT id FROM users WHERE pass = '" . md5($_POST['pass']) . "'");

/* Code Shield's hash-without-salt flags this line; password_hash salts every hash itself (see icd-not-ported.yaml) */
// ok: php-weak-password-hash
$stored = password_hash($password, PASSWORD_DEFAULT);
