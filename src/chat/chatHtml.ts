/**
 * The chat webview's HTML. The Content-Security-Policy allows nothing by default: styles only
 * from the extension, scripts only with this page's nonce (so even HTML that slipped past the
 * sanitiser could not run a script), fonts only from the extension (the codicons), no network
 * access, no frames. The vscode-elements components style themselves with constructed style
 * sheets, which need no 'unsafe-inline'.
 */
import { randomBytes } from "node:crypto";

export interface ChatHtmlOptions {
  /** `webview.cspSource`: where the extension's own files are served from. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** dist/codicons/codicon.css: the codicon font, linked with the id vscode-icon looks for. */
  readonly codiconUri: string;
  readonly nonce: string;
}

export function makeNonce(): string {
  return randomBytes(18).toString("base64").replace(/[+/=]/g, "");
}

export function chatHtml(o: ChatHtmlOptions): string {
  const csp = [
    "default-src 'none'",
    `style-src ${o.cspSource}`,
    `font-src ${o.cspSource}`,
    `img-src ${o.cspSource} data:`,
    `script-src 'nonce-${o.nonce}'`,
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join("; ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${o.codiconUri}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${o.styleUri}">
<title>Enclave Chat</title>
</head>
<body>
<div id="app"></div>
<script nonce="${o.nonce}" src="${o.scriptUri}"></script>
</body>
</html>`;
}
