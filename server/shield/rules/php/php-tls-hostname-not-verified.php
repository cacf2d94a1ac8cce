// fragment without the opening tag
$ch = curl_init('https://api.example.com');
// ruleid: php-tls-hostname-not-verified
curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);
// ruleid: php-tls-hostname-not-verified
curl_setopt_array($ch, [CURLOPT_SSL_VERIFYHOST => false]);
// ruleid: php-tls-hostname-not-verified
$ctx = stream_context_create(['ssl' => ['verify_peer_name' => false]]);
// ok: php-tls-hostname-not-verified
curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);
// ok: php-tls-hostname-not-verified
$ok = stream_context_create(['ssl' => ['verify_peer_name' => true, 'peer_name' => 'api.example.com']]);
// ok: php-tls-hostname-not-verified
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
