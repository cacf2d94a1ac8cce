<?php
// ruleid: php-shell-call-authorization
system($cmd);
// ruleid: php-shell-call-authorization
$out = shell_exec('convert ' . escapeshellarg($file) . ' out.png');
// ok: php-shell-call-authorization
exec('ls -l');
// ok: php-shell-call-authorization
$pdo->exec($sql);
// ok: php-shell-call-authorization
$ok = function_exists('exec');
// exec($command) in a comment

/* Code Shield's test snippets (missing-authorization) */
// ruleid: php-shell-call-authorization
exec($command);
// ruleid: php-shell-call-authorization
shell_exec($_GET['command']);
