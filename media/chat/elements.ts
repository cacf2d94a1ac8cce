/**
 * The VS Code webview components the chat uses (@vscode-elements/elements, bundled into
 * dist/webview.js): buttons, toolbar buttons and codicons look and behave like VS Code's own,
 * in every theme, with keyboard focus and screen-reader labels built in. Importing a component
 * registers its custom element; the codicon font comes from dist/codicons (chatHtml.ts links it
 * with the id vscode-icon looks for).
 */
import "@vscode-elements/elements/dist/vscode-button/index.js";
import "@vscode-elements/elements/dist/vscode-icon/index.js";
import "@vscode-elements/elements/dist/vscode-toolbar-button/index.js";
