import type { Disposable, WorkDoneProgressServerReporter } from "vscode-languageserver/node";
import type { Feature, FeatureContext } from "../feature";
import { MetricsRequest, ModelCatalogRequest, ReloadModelRequest, StatusNotification, StatusRequest, type StatusParams } from "../../common/protocol";

/**
 * Tells clients what the model is doing: `enclave/status` notifications on every change,
 * LSP work-done progress while a model downloads or loads, and the metrics request.
 */
export const modelFeature: Feature = {
  name: "model",
  capabilities: () => ({}),
  register(ctx: FeatureContext): Disposable[] {
    const { connection, models, log } = ctx;
    let progress: Promise<WorkDoneProgressServerReporter | undefined> | undefined;
    let progressState = "";

    // Every status carries the process id: clients find their server through the protocol.
    const withPid = (status: StatusParams): StatusParams => ({ ...status, pid: process.pid });
    const onStatus = (status: StatusParams): void => {
      void connection.sendNotification(StatusNotification.type, withPid(status));
      const busy = status.state === "downloading" || status.state === "loading";
      if (busy && progressState !== status.state) {
        void progress?.then((p) => p?.done());
        progressState = status.state;
        const title = status.state === "downloading" ? "Enclave: downloading model" : "Enclave: loading model";
        progress = connection.window.createWorkDoneProgress()
          .then((reporter) => { reporter.begin(title, 0, status.message ?? ""); return reporter; })
          .catch((error: unknown) => { log.debug(`No progress UI: ${(error as Error).message}`); return undefined; });
      } else if (busy) {
        void progress?.then((p) => p?.report(Math.round((status.progress ?? 0) * 100), status.message ?? ""));
      } else if (progress) {
        void progress.then((p) => p?.done());
        progress = undefined;
        progressState = "";
      }
    };

    return [
      models.onStatus(onStatus),
      connection.onRequest(StatusRequest.type, () => withPid(models.status)),
      connection.onRequest(MetricsRequest.type, () => ({ ...ctx.metrics.snapshot(), engine: models.metrics() })),
      connection.onRequest(ModelCatalogRequest.type, () => models.catalog()),
      connection.onRequest(ReloadModelRequest.type, async () => withPid(await models.reload())),
    ];
  },
};
