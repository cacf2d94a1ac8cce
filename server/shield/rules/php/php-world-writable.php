// fragment without the opening tag
// ruleid: php-world-writable
chmod($uploadDir . '/' . $name, 0777);
// ruleid: php-world-writable
mkdir('/var/www/cache', 0777, true);
// ruleid: php-world-writable
chmod($logFile, 0666);
// ruleid: php-world-writable
umask(0);
// ok: php-world-writable
chmod($file, 0644);
// ok: php-world-writable
mkdir($dir, 0750, true);
// ok: php-world-writable
umask(022);
