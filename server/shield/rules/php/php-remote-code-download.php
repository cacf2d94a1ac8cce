<?php
// ruleid: php-remote-code-download
$plugin = file_get_contents($_GET['plugin_url']);
// ruleid: php-remote-code-download
$data = file_get_contents($_REQUEST["src"]);
// ok: php-remote-code-download
$page = file_get_contents('https://updates.example.com/latest.json');
// ok: php-remote-code-download
$cfg = file_get_contents(__DIR__ . '/config.json');
// ok: php-remote-code-download
$ok = hash_equals($expected, hash('sha256', $plugin));
// file_get_contents($_GET['x']) in a comment

/* Code Shield's test snippets (code-download-without-integrity-check) */
// ruleid: php-remote-code-download
file_get_contents($_GET['url']);
// ruleid: php-remote-code-download
curl_exec($_GET['command']);
