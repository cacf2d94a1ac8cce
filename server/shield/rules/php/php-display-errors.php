<?php
// ruleid: php-display-errors
ini_set('display_errors', '1');
// ruleid: php-display-errors
ini_set("display_errors", true);
// ok: php-display-errors
ini_set('display_errors', '0');
// ok: php-display-errors
ini_set('log_errors', '1');
// ok: php-display-errors
$shown = ini_get('display_errors');
// ini_set('display_errors', 'on') in a comment

/* Code Shield's test snippet (sensitive-info-exposure) */
// ruleid: php-display-errors
ini_set('display_errors', 'on');
