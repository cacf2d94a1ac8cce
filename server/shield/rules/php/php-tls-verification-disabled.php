// fragment without the opening tag
$ch = curl_init($url);
// ruleid: php-tls-verification-disabled
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);
curl_setopt_array($ch, [
    CURLOPT_RETURNTRANSFER => true,
    // ruleid: php-tls-verification-disabled
    CURLOPT_SSL_VERIFYPEER => 0,
]);
$ctx = stream_context_create(['ssl' => [
    // ruleid: php-tls-verification-disabled
    'verify_peer' => false,
    // ruleid: php-tls-verification-disabled
    'allow_self_signed' => true,
]]);
// ruleid: php-tls-verification-disabled
$client = new GuzzleHttp\Client(['verify' => false]);
// ok: php-tls-verification-disabled
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
// ok: php-tls-verification-disabled
curl_setopt($ch, CURLOPT_CAINFO, '/etc/ssl/certs/ca.pem');
// ok: php-tls-verification-disabled
$strict = new GuzzleHttp\Client(['verify' => '/etc/ssl/certs/ca.pem']);
