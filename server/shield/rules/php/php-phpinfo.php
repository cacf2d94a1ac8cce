// fragment without the opening tag
if (isset($_GET['debug'])) {
    // ruleid: php-phpinfo
    phpinfo();
}
// ruleid: php-phpinfo
phpinfo(INFO_ENVIRONMENT);
// ok: php-phpinfo
$version = phpversion();
// ok: php-phpinfo
echo "phpinfo() is disabled";
// ok: php-phpinfo
$ext = phpversion('curl');
