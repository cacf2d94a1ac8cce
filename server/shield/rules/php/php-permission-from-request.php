<?php
// ruleid: php-permission-from-request
chmod($_POST['path'], 0644);
$mode = $_GET['mode'];
// ruleid: php-permission-from-request
chmod('/var/www/uploads/a.txt', $mode);
// ok: php-permission-from-request
chmod('/var/www/uploads/a.txt', 0644);
// ok: php-permission-from-request
chown($uploaded, 'www-data');
// ok: php-permission-from-request
chmod($path, intval($_GET['mode']) & 0644);
// chmod($_GET['var']) in a comment

/* Code Shield's test snippet (incorrect-permission-assignment) */
// ruleid: php-permission-from-request
chmod($_GET['var']);
