/**
 * Reads a server-sent-events body (OpenAI streaming, llama-server's /infill) as JSON events.
 * `[DONE]` ends the stream; an `{ error }` event is thrown as an error; `onChunk` is called for
 * every chunk received so the caller can reset its idle timer.
 */
export async function* sseEvents(body: AsyncIterable<Uint8Array>, onChunk?: () => void): AsyncGenerator<Record<string, unknown>, void, void> {
  const decoder = new TextDecoder();
  let buffer = "";
  const boundary = /\r?\n\r?\n/;
  for await (const chunk of body) {
    onChunk?.();
    buffer += decoder.decode(chunk, { stream: true });
    for (let match = boundary.exec(buffer); match; match = boundary.exec(buffer)) {
      const block = buffer.slice(0, match.index);
      buffer = buffer.slice(match.index + match[0].length);
      const data = block.split(/\r?\n/).filter((l) => l.startsWith("data:")).map((l) => l.slice(5).replace(/^ /, "")).join("\n");
      if (!data) continue;
      if (data.trim() === "[DONE]") return;
      let event: Record<string, unknown>;
      try {
        event = JSON.parse(data) as Record<string, unknown>;
      } catch {
        throw new Error(`the server sent an event that is not JSON: ${data.slice(0, 200)}`);
      }
      const error = event.error as { message?: string } | string | undefined;
      if (error) throw new Error(`the server reported: ${typeof error === "string" ? error : error.message ?? JSON.stringify(error)}`);
      yield event;
    }
  }
}

/**
 * Reads a newline-delimited JSON body (Ollama's native streaming) as events; an `{ error }` line
 * is thrown like an SSE error event.
 */
export async function* ndjsonEvents(body: AsyncIterable<Uint8Array>, onChunk?: () => void): AsyncGenerator<Record<string, unknown>, void, void> {
  const decoder = new TextDecoder();
  let buffer = "";
  const parse = (line: string): Record<string, unknown> => {
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`the server sent a line that is not JSON: ${line.slice(0, 200)}`);
    }
    if (event.error) throw new Error(`the server reported: ${typeof event.error === "string" ? event.error : JSON.stringify(event.error)}`);
    return event;
  };
  for await (const chunk of body) {
    onChunk?.();
    buffer += decoder.decode(chunk, { stream: true });
    for (let newline = buffer.indexOf("\n"); newline >= 0; newline = buffer.indexOf("\n")) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line) yield parse(line);
    }
  }
  if (buffer.trim()) yield parse(buffer.trim());
}
