/**
 * Short titles for findings. A Problems entry must say what is wrong at a glance ("Command
 * injection (CWE-78): os.system/os.popen run their argument through the shell"), so the
 * diagnostic message starts with the weakness's common name and the first clause of the rule's
 * message; the rest of the message follows on the next lines, where the hover shows it.
 */

/** Common names of the weaknesses Shield's rules report, as a developer would say them. */
const cweTitles: Readonly<Record<string, string>> = {
  "CWE-14": "Secret left in memory", "CWE-22": "Path traversal", "CWE-73": "File path from input",
  "CWE-78": "Command injection", "CWE-79": "Cross-site scripting", "CWE-88": "Argument injection",
  "CWE-89": "SQL injection", "CWE-90": "LDAP injection", "CWE-93": "CRLF injection", "CWE-94": "Code injection",
  "CWE-95": "Code injection (eval)", "CWE-98": "File inclusion", "CWE-113": "HTTP header injection",
  "CWE-114": "Process control", "CWE-117": "Log injection", "CWE-119": "Buffer overflow",
  "CWE-120": "Buffer overflow", "CWE-121": "Stack buffer overflow", "CWE-129": "Unchecked array index",
  "CWE-134": "Format string", "CWE-170": "Missing string terminator", "CWE-190": "Integer overflow",
  "CWE-193": "Off-by-one", "CWE-208": "Timing leak", "CWE-209": "Error message leak",
  "CWE-242": "Dangerous function", "CWE-243": "chroot jail escape", "CWE-259": "Hard-coded password",
  "CWE-273": "Unchecked privilege drop", "CWE-290": "Spoofable authentication", "CWE-293": "Referer authentication",
  "CWE-295": "Certificate not verified", "CWE-297": "Host name not verified", "CWE-319": "Cleartext transmission",
  "CWE-321": "Hard-coded key", "CWE-323": "Reused nonce", "CWE-326": "Weak key", "CWE-327": "Broken crypto",
  "CWE-328": "Weak hash", "CWE-329": "Predictable IV", "CWE-336": "Fixed random seed",
  "CWE-337": "Predictable random seed", "CWE-338": "Weak random numbers", "CWE-345": "Unverified data",
  "CWE-347": "Signature not verified", "CWE-352": "CSRF protection off", "CWE-367": "Race condition (TOCTOU)",
  "CWE-377": "Insecure temporary file", "CWE-384": "Session fixation", "CWE-400": "Resource exhaustion",
  "CWE-401": "Memory leak", "CWE-409": "Decompression bomb", "CWE-415": "Double free",
  "CWE-434": "Unrestricted upload", "CWE-457": "Uninitialized variable", "CWE-470": "Unsafe reflection",
  "CWE-477": "Obsolete function", "CWE-489": "Debug code left on", "CWE-494": "Unverified download",
  "CWE-497": "System data exposed", "CWE-501": "Trust boundary", "CWE-502": "Unsafe deserialization",
  "CWE-532": "Secret in log", "CWE-554": "Validation off", "CWE-564": "SQL injection (ORM)",
  "CWE-590": "Free of non-heap memory", "CWE-601": "Open redirect", "CWE-611": "XML external entities",
  "CWE-613": "Session never expires", "CWE-614": "Cookie without Secure", "CWE-617": "Reachable assertion",
  "CWE-621": "Variable extraction", "CWE-643": "XPath injection", "CWE-672": "Use after release",
  "CWE-676": "Dangerous function", "CWE-680": "Integer overflow to buffer overflow", "CWE-690": "Unchecked allocation",
  "CWE-697": "Incorrect comparison", "CWE-732": "Permissive file mode", "CWE-757": "Weak TLS version",
  "CWE-760": "Predictable salt", "CWE-762": "Mismatched memory release", "CWE-770": "Unbounded allocation",
  "CWE-780": "RSA without OAEP", "CWE-785": "Path buffer too small", "CWE-787": "Out-of-bounds write",
  "CWE-798": "Hard-coded credentials", "CWE-807": "Untrusted input in a security decision", "CWE-829": "Untrusted code included",
  "CWE-843": "Type confusion", "CWE-862": "Missing authorization", "CWE-915": "Mass assignment",
  "CWE-916": "Weak password hash", "CWE-917": "Expression language injection", "CWE-918": "Server-side request forgery",
  "CWE-942": "Permissive CORS", "CWE-1004": "Cookie without HttpOnly", "CWE-1327": "Binding to all interfaces",
  "CWE-1333": "Regular expression DoS",
};

/** The common name of a CWE, or "Security weakness" for one the table does not know. */
export function cweTitle(cwe: string): string {
  return cweTitles[cwe] ?? "Security weakness";
}

/** Splits a rule message into its first clause (the summary) and the rest (the details). */
export function splitMessage(message: string): { summary: string; details: string } {
  // A clause ends at "; " or at a full stop followed by a space; "os.system" has no space after its dot.
  const m = /^([\s\S]+?)(?:;\s+|\.\s+)([\s\S]*)$/.exec(message.trim());
  if (!m) return { summary: message.trim().replace(/\.$/, ""), details: "" };
  return { summary: m[1]!, details: m[2]!.trim() };
}

/** "Command injection (CWE-78): os.system/os.popen run their argument through the shell". */
export function findingTitle(cwe: string, message: string): string {
  return `${cweTitle(cwe)} (${cwe}): ${splitMessage(message).summary}`;
}

/**
 * The whole diagnostic message: the title on the first line (what Problems shows), then the
 * rest of the rule's message and the rule id (what the hover adds).
 */
export function diagnosticMessage(ruleId: string, cwe: string, message: string, alsoCwe?: readonly string[]): string {
  const { details } = splitMessage(message);
  return `${findingTitle(cwe, message)}\n${details ? `${capitalize(details)} ` : ""}[${ruleId}${alsoCwe?.length ? `; also ${alsoCwe.join(", ")}` : ""}]`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
