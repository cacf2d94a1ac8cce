/**
 * Reads the `ruleid:` / `ok:` annotations of rule example files. An annotation is a comment
 * on its own line and applies to the next line that is not itself an annotation (semgrep's
 * convention), so the annotated code stays exactly as a user would write it.
 */

export interface Annotations {
  /** 0-based line → rule ids that must be reported there. */
  readonly ruleid: Map<number, Set<string>>;
  /** 0-based line → rule ids documented as quiet there. */
  readonly ok: Map<number, Set<string>>;
}

// Accepts `# ruleid: a, b`, `// ok: a`, a one-line block comment, and the JSX form `{/* ... */}`.
const annotationLine = /^\s*\{?\s*(?:#|\/\/|\/\*)\s*(ruleid|ok)\s*:\s*([A-Za-z0-9_, -]+?)\s*(?:\*\/)?\s*\}?\s*$/;

/** Parses the annotations of an example text. */
export function parseAnnotations(text: string): Annotations {
  const ruleid = new Map<number, Set<string>>();
  const ok = new Map<number, Set<string>>();
  const lines = text.split(/\r?\n/);
  let pending: { kind: "ruleid" | "ok"; ids: string[] }[] = [];
  lines.forEach((line, index) => {
    const m = annotationLine.exec(line);
    if (m) {
      pending.push({ kind: m[1] as "ruleid" | "ok", ids: m[2]!.split(/[,\s]+/).filter(Boolean) });
      return;
    }
    for (const { kind, ids } of pending) {
      const map = kind === "ruleid" ? ruleid : ok;
      const set = map.get(index) ?? new Set<string>();
      for (const id of ids) set.add(id);
      map.set(index, set);
    }
    pending = [];
  });
  return { ruleid, ok };
}

/** How many lines carry an annotation of `kind` for a rule. */
export function countAnnotations(annotations: Annotations, kind: "ruleid" | "ok", ruleId: string): number {
  let n = 0;
  for (const ids of annotations[kind].values()) if (ids.has(ruleId)) n++;
  return n;
}
