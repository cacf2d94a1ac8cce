/**
 * Entry point of the chat webview (bundled to dist/webview.js). It wires the VS Code webview API
 * to the app and sanitises every piece of rendered HTML with DOMPurify before it reaches the DOM.
 */
import DOMPurify from "dompurify";
import "./elements";
import { ChatApp } from "./chatApp";
import type { HostMessage, WebviewMessage } from "./messages";
import { purifyOptions } from "./sanitizeConfig";

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const options = purifyOptions();
const sanitize = (html: string): string => DOMPurify.sanitize(html, options);
const app = new ChatApp(document.getElementById("app")!, (message) => vscode.postMessage(message), sanitize);
window.addEventListener("message", (event: MessageEvent<HostMessage>) => app.receive(event.data));
vscode.postMessage({ type: "ready" });
