// A fragment without the opening tag, as a model often writes it.
function ping($host, $cmd) {
    // ruleid: php-command-injection
    system("ping -c 1 " . $host);
    // ruleid: php-command-injection
    $out = shell_exec($cmd);
    // ruleid: php-command-injection
    exec("nslookup {$_GET['domain']}", $lines);
    // ruleid: php-command-injection
    $listing = `ls -la $dir`;
    // ok: php-command-injection
    system("uptime");
    // ok: php-command-injection
    $mode = shell_exec('stty -g 2> ' . ('\\' === DIRECTORY_SEPARATOR ? 'NUL' : '/dev/null'));
    // ok: php-command-injection
    exec("ping -c 1 " . escapeshellarg($host));
    // ok: php-command-injection
    $proc = proc_open(["git", "log", $host], $spec, $pipes);
    // ok: php-command-injection
    $date = `date +%F`;
    // system($cmd) in a comment is not code
    echo "system($cmd) in a string is not code";
}

function unclosed($file) {
    // ruleid: php-command-injection
    passthru('convert ' . $file . ' out.png');

/* Code Shield's test snippets (backticks-use, unsafe-exec, os-command-injection) */
function dangerousBackticks(){
    $user_input = $_GET['command'];
    // ruleid: php-command-injection
    $output = `adasd {$user_input}`;
}
function notDangerousUsage(){
    // ok: php-command-injection
    $output = `ls -l`;
}
// ok: php-command-injection
exec("ls");
$var = $_POST['key'];
// ruleid: php-command-injection
shell_exec($var);
function icd_foo() {
    $par = $_GET['i'];
    // ruleid: php-command-injection
    system($par);
}
function icd_foo3(){
    $user_controlled = $_POST['key'];
    // ruleid: php-command-injection
    exec($user_controlled);
    // ok: php-command-injection
    exec('ls ' . escapeshellarg($user_controlled));
}
// ruleid: php-command-injection
shell_exec($_GET['command']);
