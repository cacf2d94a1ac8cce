import * as vscode from "vscode";
import { NetworkAuditRequest, RemoteApiKeyChangedNotification, RemoteApiKeyRequest } from "../../common/protocol";
import type { EnclaveContext } from "../ctx";
import { AUDIT_SCHEME, AuditDocument } from "./auditDocument";

/** The SecretStorage key of the remote engine's API key. */
const API_KEY = "enclave.remote.apiKey";

/**
 * The network commands: "Enclave: Show Network Audit" (what the server connected to, or was
 * refused) and "Enclave: Set Remote API Key". The key lives only in VS Code's SecretStorage; the
 * server asks for it when it connects to the remote engine and keeps it in memory, so it never
 * appears in settings, in the server's arguments or environment, or in Enclave's logs.
 */
export function registerNetwork(ctx: EnclaveContext): void {
  const secrets = ctx.extension.secrets;
  const register = (id: string, run: () => unknown): void => {
    ctx.push(vscode.commands.registerCommand(id, run));
  };

  // The audit is shown read-only (a content provider's document): nothing asks to be saved.
  const audit = new AuditDocument(async () => {
    const client = await ctx.ensureClient();
    const result = await client.sendRequest(NetworkAuditRequest.type, { last: 500 });
    const grants = result.policy.grants.map((g) => `${g.host} (${g.purpose}, named by ${g.setting})`);
    const header = [
      `Policy of this window's Enclave server: loopback always${grants.length ? `; ${grants.join("; ")}` : ""}; public hosts allowed: ${result.policy.allowedHosts.join(", ") || "none"}.`,
      "Enclave sends no telemetry. Everything else is refused and recorded below.",
      "",
    ].join("\n");
    return header + result.text;
  });
  ctx.push(audit, vscode.workspace.registerTextDocumentContentProvider(AUDIT_SCHEME, audit));
  register("enclave.showNetworkAudit", () => audit.show());

  register("enclave.setRemoteApiKey", async () => {
    // The command is hidden while the engine is local (package.json `when`); run anyway, it says why.
    if (vscode.workspace.getConfiguration("enclave").get<string>("engine") !== "remote") {
      void vscode.window.showInformationMessage("Enclave: the engine is local (enclave.engine), so no API key is used. Set enclave.engine to remote and enclave.remote.url first.");
      return;
    }
    const value = await vscode.window.showInputBox({
      title: "Enclave: remote engine API key",
      prompt: "Kept in VS Code's secret storage and sent only to enclave.remote.url. Leave empty to remove the key.",
      password: true,
      ignoreFocusOut: true,
    });
    if (value === undefined) return;
    if (value.trim()) await secrets.store(API_KEY, value.trim());
    else await secrets.delete(API_KEY);
    void vscode.window.showInformationMessage(value.trim() ? "Enclave: the remote API key is stored." : "Enclave: the remote API key is removed.");
  });

  // Secret changes (from this window or another) reconnect a remote engine with the new key.
  ctx.push(secrets.onDidChange((event) => {
    if (event.key !== API_KEY) return;
    void ctx.ensureClient().then((client) => client.sendNotification(RemoteApiKeyChangedNotification.type)).catch(() => undefined);
  }));

  // Attached to every client the context creates (a failed first start included).
  ctx.onClient((client) => client.onRequest(RemoteApiKeyRequest.type, async () => ({ apiKey: (await secrets.get(API_KEY)) || undefined })));
}
