// fragment without the opening tag
// ruleid: php-loose-comparison
if (md5($_POST['password']) == $user['password_hash']) {
    login($user);
}
// ruleid: php-loose-comparison
if ($token != $_GET['token']) {
    die('bad token');
}
// ruleid: php-loose-comparison
if (strcmp($_POST['pin'], $pin) == 0) {
    unlock();
}
// ok: php-loose-comparison
if (hash_equals($user['password_hash'], md5($_POST['password']))) {
    login($user);
}
// ok: php-loose-comparison
if ($token == null) {
    die('missing token');
}
// ok: php-loose-comparison
if ($page == $lastPage) {
    stop();
}
