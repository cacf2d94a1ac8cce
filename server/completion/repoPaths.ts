/**
 * Names files the way repository-level prompts show them: relative to the deepest directory
 * all of them share, with that directory's name as the repository name.
 */
import { fileURLToPath } from "node:url";

function pathOf(uri: string): string {
  try {
    return uri.startsWith("file:") ? fileURLToPath(uri).replace(/\\/g, "/") : decodeURIComponent(uri.replace(/^[a-z-]+:\/*/i, "/"));
  } catch {
    return uri;
  }
}

export interface RepoPaths {
  readonly repo: string;
  relative(uri: string): string;
}

export function repoPaths(uris: readonly string[]): RepoPaths {
  const dirs = uris.map((u) => pathOf(u).split("/").slice(0, -1));
  let common = dirs[0] ?? [];
  for (const d of dirs.slice(1)) {
    let i = 0;
    while (i < common.length && i < d.length && common[i] === d[i]) i++;
    common = common.slice(0, i);
  }
  const root = common.join("/");
  return {
    repo: common.filter(Boolean).pop() ?? "workspace",
    relative: (uri) => {
      const p = pathOf(uri);
      return root && p.startsWith(root + "/") ? p.slice(root.length + 1) : p.split("/").pop() ?? p;
    },
  };
}
