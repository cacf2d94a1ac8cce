// fragment without the opening tag
session_start();
// ruleid: php-session-fixation
session_id($_GET['PHPSESSID']);
if (password_verify($_POST['password'], $row['hash'])) {
    // ruleid: php-session-fixation
    $_SESSION['user_id'] = $row['id'];
    // ok: php-session-fixation
    $_SESSION['theme'] = 'dark';
}
// ok: php-session-fixation
session_id(bin2hex(random_bytes(16)));
// ok: php-session-fixation
$current = session_id();
// ok: php-session-fixation
$_SESSION['user_id'] = null;
