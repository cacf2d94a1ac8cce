// fragment without the opening tag
// ruleid: php-ssrf
$body = file_get_contents($_GET['url']);
$feed = $_POST['feed_url'];
// ruleid: php-ssrf
$ch = curl_init($feed);
// ruleid: php-ssrf
curl_setopt($ch, CURLOPT_URL, "http://" . $_GET['host'] . "/status");
// ruleid: php-ssrf
$resp = Http::get($request->input('webhook'));
// ok: php-ssrf
$local = file_get_contents(__DIR__ . '/data.json');
// ok: php-ssrf
$api = file_get_contents('https://api.example.com/v1/items?q=' . urlencode($_GET['q']));
// ok: php-ssrf
$doc = file_get_contents('docs/' . $_GET['page']);

/* Code Shield's test snippets (potential-ssrf) */
// ruleid: php-ssrf
file_get_contents($_GET['url']);
// ruleid: php-ssrf
curl_exec($_GET['command']);
// ok: php-ssrf
curl_exec($ch);
