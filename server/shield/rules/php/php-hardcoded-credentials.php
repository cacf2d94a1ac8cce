// fragment without the opening tag
// ruleid: php-hardcoded-credentials
$db_password = 'Pr0d#2024!';
// ruleid: php-hardcoded-credentials
define('API_KEY', 'sk_live_51HcQ2kLx9');
$config = [
    'host' => 'db.internal',
    // ruleid: php-hardcoded-credentials
    'password' => 's3cr3t-pw',
];
// ruleid: php-hardcoded-credentials
$pdo = new PDO('mysql:host=db;dbname=shop', 'shop', 'tiger123');
// ruleid: php-hardcoded-credentials
$link = mysqli_connect('localhost', 'root', 'toor', 'app');
// ok: php-hardcoded-credentials
$db_password = getenv('DB_PASSWORD');
// ok: php-hardcoded-credentials
$password = '';
// ok: php-hardcoded-credentials
$labels = ['password' => 'Your password'];
// ok: php-hardcoded-credentials
$pdo2 = new PDO($dsn, $user, $_ENV['DB_PASS']);
