<?php
function calc($expr, $code) {
    // ruleid: php-eval-injection
    $result = eval("return " . $expr . ";");
    // ruleid: php-eval-injection
    assert($_GET['check']);
    // ruleid: php-eval-injection
    $fn = create_function('$a', 'return $a * ' . $code . ';');
    // ruleid: php-eval-injection
    echo preg_replace('/\{(\w+)\}/e', '$vars["\\1"]', $template);
    // ok: php-eval-injection
    eval('return 1 + 1;');
    // ok: php-eval-injection
    assert($count > 0);
    // ok: php-eval-injection
    assert(is_array($items));
    // ok: php-eval-injection
    echo preg_replace('/\s+/', ' ', $text);
    // eval($expr) in a comment is not code
    return $result;
}

// fragment: an unclosed function body
function render($tpl) {
    // ruleid: php-eval-injection
    eval('?>' . $tpl);

/* Code Shield's test snippets (insecure-eval-use, potential-code-injection) */
// ruleid: php-eval-injection
eval($_GET['key']);
// ruleid: php-eval-injection
eval($user_controlled);
// ok: php-eval-injection
eval('echo "not user controlled"');
