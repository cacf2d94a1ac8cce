<?php
/* Code Shield's test snippets (path-traversal) */
// ruleid: php-include-from-session
require($_SESSION['file']);
// ruleid: php-include-from-session
include($_SESSION['file']);
// ruleid: php-include-from-session
include_once $_SESSION['lang'] . '.php';
// ok: php-include-from-session
include __DIR__ . '/lang/' . $allowed[$_SESSION['lang']] . '.php';
// ok: php-include-from-session
require_once 'config.php';
// ok: php-include-from-session
$page = $_SESSION['page'] ?? 'home';
// include($_SESSION['file']) in a comment
