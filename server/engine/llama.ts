/**
 * The only module that imports node-llama-cpp. Everything else in Enclave sees the model
 * through the small interfaces this file returns, so the runtime can be swapped (or faked in
 * unit tests) without touching features.
 */
import { basename } from "node:path";
import type { BackendInfo, ModelInfo } from "../../common/protocol";
import type { Logger } from "../logger";
import type { SequenceBackend } from "./sequence";
import type { ChatMessage, SequenceKind, SpecialTokenName } from "./types";
import { checkTensorData } from "./ggufSizes";
import { draftVocabularyProblem, ggufVocabulary } from "./draftVocabulary";
import { speculativeBackend, type DraftSource } from "./speculation";
import { checkGgufHeader } from "./ggufHeader";
import { ModelFileError } from "./errors";
import { modelFileSize as fileSize } from "./modelFile";

type NodeLlamaCpp = typeof import("node-llama-cpp", { with: { "resolution-mode": "import" } });
type Llama = import("node-llama-cpp", { with: { "resolution-mode": "import" } }).Llama;
type Token = import("node-llama-cpp", { with: { "resolution-mode": "import" } }).Token;
type ContextSequence = import("node-llama-cpp", { with: { "resolution-mode": "import" } }).LlamaContextSequence;
/** Our interfaces use plain numbers; node-llama-cpp brands its token ids. */
const asTokens = (tokens: readonly number[]): Token[] => tokens as Token[];

let library: Promise<NodeLlamaCpp> | undefined;
/** node-llama-cpp is an ES module; this CommonJS code reaches it through a dynamic import. */
function loadLibrary(): Promise<NodeLlamaCpp> {
  library ??= import("node-llama-cpp");
  return library;
}

export type GpuSetting = "auto" | "cuda" | "vulkan" | "metal" | "off";

export interface LoadOptions {
  readonly path: string;
  readonly gpu: GpuSetting;
  /** -1 lets node-llama-cpp fit as many layers as the free VRAM allows. */
  readonly gpuLayers: number;
  /** 0 picks physical cores (1 for tiny models). */
  readonly threads: number;
  readonly contextSize: number;
  /** Sequences in the context; the first two serve completion and chat. `enclave serve` asks for one per client slot. */
  readonly sequences?: number;
  readonly log: Logger;
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number) => void;
  /** Resolves the automatic thread count from the model size; see threads.ts. */
  readonly autoThreads: (modelBytes: number) => number;
  /**
   * Adds a third sequence for inline edits, with speculative decoding: a draft model when a path
   * is given (same tokenizer), prompt lookup otherwise. It costs one more `contextSize` of KV
   * cache (llama.cpp allocates contextSize cells per sequence). `enclave serve` does not ask for it.
   */
  readonly edit?: { readonly draftModelPath?: string };
}

export interface LocalModel {
  readonly info: ModelInfo;
  readonly backend: BackendInfo;
  /** Tokenizes user text; special-token text inside it stays plain text. */
  tokenize(text: string): number[];
  specialToken(name: SpecialTokenName): number | undefined;
  sequence(kind: SequenceKind): SequenceBackend;
  /** How many sequences the context holds, and each by index (0 is completion's, 1 chat's). */
  readonly sequenceCount: number;
  sequenceAt(index: number): SequenceBackend;
  /** A special token's text as the model writes it (`<|fim_prefix|>`), for servers that take prompts as text. */
  specialTokenText(name: SpecialTokenName): string | undefined;
  /** The inline-edit sequence, when loaded with `edit`; `warning` says why a draft model asked for is not used. */
  readonly edit?: { readonly sequence: SequenceBackend; readonly warning?: string };
  /** Renders a conversation with the model's chat template, ready for the assistant's answer. */
  renderChat(messages: readonly ChatMessage[]): { tokens: number[]; stopTokens: Set<number>; stopTexts: string[] };
  dispose(): Promise<void>;
}

const backends = new Map<string, Promise<Llama>>();

/** One Llama backend per GPU choice and thread count for the whole process. */
async function getBackend(gpu: GpuSetting, threads: number, log: Logger): Promise<Llama> {
  const key = `${gpu}/${threads}`;
  let backend = backends.get(key);
  if (!backend) {
    backend = (async () => {
      const lib = await loadLibrary();
      // build "never" and usePrebuiltBinaries keep node-llama-cpp from compiling or
      // downloading anything at run time: Enclave makes no network call of its own accord.
      const common = { build: "never", maxThreads: threads, logLevel: lib.LlamaLogLevel.error,
        logger: (_level: unknown, message: string) => log.debug(`llama.cpp: ${message.trim()}`) } as const;
      const wanted = gpu === "off" ? false : gpu;
      try {
        return await lib.getLlama({ ...common, gpu: wanted });
      } catch (error) {
        if (wanted === false || wanted === "auto") throw error;
        log.warn(`The ${gpu} backend is not available here (${(error as Error).message}); using the CPU.`);
        return await lib.getLlama({ ...common, gpu: false });
      }
    })();
    backends.set(key, backend);
    backend.catch(() => backends.delete(key));
  }
  return backend;
}

/** Most tokens drafted per decode: a batch this size costs a CPU little more than one token when weights dominate. */
const MAX_DRAFT = 12;

/** The edit sequence's predictor: prompt lookup, or a draft model's sequence; `dispose` frees the draft model. */
interface EditPredictor {
  /** The predictor driven for the target sequence; `setInput` gives it the prompt to look tokens up in. */
  source(target: ContextSequence): DraftSource & { setInput(tokens: readonly number[]): void };
  readonly kind: "input" | "draft";
  readonly label: string;
  readonly warning?: string;
  dispose(): Promise<void>;
}

/**
 * Loads the draft model on the same backend when one is asked for and it shares the main
 * model's vocabulary. Any failure falls back to prompt lookup with a warning naming both
 * models: a bad draft model must never stop the main model from serving.
 */
async function editPredictor(lib: NodeLlamaCpp, llama: Llama, main: { name: string; metadata: unknown }, options: LoadOptions, threads: number): Promise<EditPredictor> {
  // Copy-heavy edits repeat long runs of the prompt: a longer look-ahead than the default 3 pays.
  const lookup = (warning?: string): EditPredictor => ({
    source: () => {
      const predictor = new lib.InputLookupTokenPredictor({ predictionLength: { max: MAX_DRAFT } });
      return { setInput: (tokens) => predictor.updateInputTokens(asTokens(tokens)), reset: async (state) => predictor.reset({ stateTokens: asTokens(state) }),
        push: (tokens) => predictor.pushTokens(asTokens(tokens)), predict: async () => predictor.predictTokens(), stop: () => predictor.stop() };
    },
    kind: "input", label: "prompt lookup", warning, dispose: async () => undefined,
  });
  const path = options.edit?.draftModelPath;
  if (!path) return lookup();
  let draftModel;
  try {
    const size = fileSize(path);
    checkGgufHeader(path, size);
    const info = await lib.readGgufFileInfo(path, { sourceType: "filesystem", logWarnings: false, spliceSplitFiles: false });
    const draftName = `"${(info.metadata as { general?: { name?: string } }).general?.name ?? basename(path)}" (${path})`;
    const problem = draftVocabularyProblem({ name: `"${main.name}"`, vocabulary: ggufVocabulary(main.metadata) }, { name: draftName, vocabulary: ggufVocabulary(info.metadata) });
    if (problem) return lookup(problem);
    draftModel = await llama.loadModel({ modelPath: path, gpuLayers: options.gpuLayers < 0 ? "auto" : options.gpuLayers, loadSignal: options.signal });
    const draftContext = await draftModel.createContext({ contextSize: options.contextSize, threads, batchSize: 512 });
    const loaded = draftModel;
    // minTokens: wait for a few drafted tokens rather than verify an empty draft while the draft model still runs.
    const predictor = new lib.DraftSequenceTokenPredictor(draftContext.getSequence(), { minTokens: 4, maxTokens: MAX_DRAFT });
    return {
      source: (target) => ({
        setInput: () => undefined,
        reset: (state) => predictor.reset({ targetSequence: target, stateTokens: asTokens(state), evaluateOptions: { temperature: 0 } }),
        push: (tokens) => predictor.pushTokens(asTokens(tokens)),
        // The predictor hands out its own working array: copy it before it changes under us.
        predict: async () => [...(await predictor.predictTokens())],
        stop: () => predictor.stop(),
      }),
      kind: "draft", label: `draft model ${draftName}`,
      dispose: async () => { await draftContext.dispose(); await loaded.dispose(); },
    };
  } catch (error) {
    await draftModel?.dispose();
    const reason = error instanceof ModelFileError ? error.message : `llama.cpp could not load it (${(error as Error).message})`;
    return lookup(`The draft model ${path} is not used for inline edits (${reason}); they use prompt lookup instead.`);
  }
}

/**
 * The one check every model file passes before llama.cpp loads it (chat, draft and embedding
 * models alike): the header against the file size before node-llama-cpp's reader, which trusts
 * its counts and lengths, then the tensor data against the file. A bad file is a ModelFileError.
 */
async function checkedModelFile(path: string) {
  const size = fileSize(path);
  checkGgufHeader(path, size);
  const lib = await loadLibrary();
  let fileInfo;
  try {
    fileInfo = await lib.readGgufFileInfo(path, { sourceType: "filesystem", readTensorInfo: true, logWarnings: false, spliceSplitFiles: false });
  } catch (error) {
    throw new ModelFileError(path, `it is not a readable GGUF model (${(error as Error).message})`);
  }
  checkTensorData(path, size, fileInfo.infoEndOffset, fileInfo.tensorInfo ?? []);
  return { size, fileInfo };
}

/** Reads and checks a model file, then loads it with one context holding two sequences (three with `edit`). */
export async function loadLocalModel(options: LoadOptions): Promise<LocalModel> {
  const { path, log } = options;
  const { size, fileInfo } = await checkedModelFile(path);
  const lib = await loadLibrary();

  const threads = options.threads > 0 ? options.threads : options.autoThreads(size);
  const llama = await getBackend(options.gpu, threads, log);
  let model;
  try {
    model = await llama.loadModel({
      modelPath: path,
      gpuLayers: options.gpuLayers < 0 ? "auto" : options.gpuLayers,
      loadSignal: options.signal,
      onLoadProgress: options.onProgress,
    });
  } catch (error) {
    throw new ModelFileError(path, `llama.cpp could not load it (${(error as Error).message})`);
  }
  const meta = fileInfo.metadata as unknown as { general?: { name?: string }; enclave?: { demo?: unknown }; tokenizer?: { ggml?: Record<string, unknown> } };
  const name = meta.general?.name ?? basename(path);
  const count = Math.max(2, options.sequences ?? 2);
  let context;
  try {
    context = await model.createContext({ sequences: count + (options.edit ? 1 : 0), contextSize: options.contextSize, threads, batchSize: 512 });
  } catch (error) {
    await model.dispose();
    throw new ModelFileError(path, `no context of ${options.contextSize} tokens fits in memory (${(error as Error).message}); lower enclave.contextSize`);
  }
  const all = Array.from({ length: count }, () => context.getSequence());
  const sequences = { completion: all[0]!, chat: all[1]! };
  const predictor = options.edit ? await editPredictor(lib, llama, { name, metadata: fileInfo.metadata }, options, threads) : undefined;
  if (predictor?.warning) log.warn(predictor.warning);
  // No tokenPredictor on the sequence: speculation.ts drives the predictor (see why there).
  const editSequence = predictor ? context.getSequence() : undefined;
  const ggml = meta.tokenizer?.ggml ?? {};
  const idOf = (key: string): number | undefined => (typeof ggml[key] === "number" ? (ggml[key] as number) : undefined);
  const special: Record<SpecialTokenName, number | undefined> = {
    bos: model.tokens.bos ?? undefined,
    eos: model.tokens.eos ?? undefined,
    fimPrefix: model.tokens.infill.prefix ?? idOf("fim_pre_token_id"),
    fimSuffix: model.tokens.infill.suffix ?? idOf("fim_suf_token_id"),
    fimMiddle: model.tokens.infill.middle ?? idOf("fim_mid_token_id"),
    fimPad: idOf("fim_pad_token_id"),
    fimRepo: idOf("fim_rep_token_id"),
    fimFileSep: idOf("fim_sep_token_id"),
  };
  const vram = await llama.getVramState();
  const totalLayers = Number(fileInfo.architectureMetadata.block_count ?? 0) + 1;
  const gpuType = llama.gpu === false ? "cpu" : llama.gpu;

  const toBackend = (seq: ContextSequence): SequenceBackend => ({
    contextSize: seq.contextSize,
    contextTokens: () => seq.contextTokens,
    eraseFrom: (start) => seq.eraseContextTokenRanges([{ start, end: seq.nextTokenIndex }]),
    ingest: (tokens) => seq.evaluateWithoutGeneratingNewTokens(asTokens(tokens)),
    generate: (tokens, sampling) => seq.evaluate(asTokens(tokens), { temperature: sampling.temperature, seed: sampling.seed, yieldEogToken: true }),
    isEndOfGeneration: (token) => model.isEogToken(token as Token),
    detokenize: (tokens) => model.detokenize(asTokens(tokens)),
  });
  // Greedy generation on the edit sequence drafts with the predictor (speculation.ts says why it drives it itself).
  const toEditBackend = (seq: ContextSequence, edit: EditPredictor): SequenceBackend => speculativeBackend(toBackend(seq), edit.kind, edit.source(seq), {
    contextTokens: () => seq.contextTokens,
    evaluateGreedy: async (tokens, from) => {
      const sample = { generateNext: { token: true, options: { temperature: 0 } } };
      const out = await seq.controlledEvaluate(tokens.map((token, i) => (i < from ? (token as Token) : [token as Token, sample])));
      return out.slice(from).map((item) => {
        if (item?.next.token == null) throw new Error("llama.cpp sampled no token");
        return item.next.token;
      });
    },
    eraseLast: (count) => seq.eraseContextTokenRanges([{ start: seq.nextTokenIndex - count, end: seq.nextTokenIndex }]),
  }, MAX_DRAFT);

  // The chat wrapper comes from the GGUF's own template (or a known model family).
  const chatWrapper = lib.resolveChatWrapper(model);
  const renderChat = (messages: readonly ChatMessage[]) => {
    const chatHistory = messages.map((m) => m.role === "assistant" ? { type: "model" as const, response: [m.content] }
      : { type: m.role, text: m.content });
    const state = chatWrapper.generateContextState({ chatHistory: [...chatHistory, { type: "model", response: [] }] });
    const stopTokens = new Set<number>();
    const stopTexts: string[] = [];
    for (const trigger of state.stopGenerationTriggers) {
      const tokens = trigger.tokenize(model.tokenizer);
      const text = model.detokenize(tokens, false);
      if (tokens.length === 1 && !text) stopTokens.add(tokens[0]!);
      else if (text) stopTexts.push(text);
    }
    return { tokens: state.contextText.tokenize(model.tokenizer) as number[], stopTokens, stopTexts };
  };

  return {
    renderChat,
    info: {
      path, name, sizeBytes: size, contextSize: sequences.completion.contextSize,
      // Only the generated demo model carries this key (test/fixtures/gguf writes it); a name proves nothing.
      demo: meta.enclave?.demo === true,
      fim: special.fimPrefix !== undefined && special.fimSuffix !== undefined && special.fimMiddle !== undefined,
    },
    backend: {
      gpu: gpuType, deviceNames: await llama.getGpuDeviceNames(),
      vramTotalBytes: vram.total, vramFreeBytes: vram.free,
      gpuLayers: gpuType === "cpu" ? 0 : model.gpuLayers, totalLayers, threads,
      ...(predictor ? { editPredictor: predictor.label } : {}),
    },
    edit: editSequence && predictor ? { sequence: toEditBackend(editSequence, predictor), warning: predictor.warning } : undefined,
    tokenize: (text) => model.tokenize(text, false),
    specialToken: (which) => special[which],
    sequence: (kind) => toBackend(sequences[kind]),
    sequenceCount: all.length,
    sequenceAt: (index) => toBackend(all[index]!),
    specialTokenText: (which) => special[which] === undefined ? undefined : model.detokenize([special[which] as Token], true),
    dispose: async () => {
      await context.dispose();
      await predictor?.dispose();
      await model.dispose();
    },
  };
}

/** What the GPU backend offers, for recommending a model before any is loaded. */
export async function probeGpu(gpu: GpuSetting, threads: number, log: Logger): Promise<{ gpu: boolean; vramFreeBytes: number; deviceNames: string[] }> {
  const llama = await getBackend(gpu, threads, log);
  if (llama.gpu === false) return { gpu: false, vramFreeBytes: 0, deviceNames: [] };
  return { gpu: true, vramFreeBytes: (await llama.getVramState()).free, deviceNames: await llama.getGpuDeviceNames() };
}

/** A loaded embedding model: text in, a unit-length vector out. */
export interface EmbeddingModel {
  readonly path: string;
  readonly name: string;
  readonly dimensions: number;
  /** Longer texts are cut to this many tokens (the context the embedding was made with). */
  readonly maxTokens: number;
  /** Throws the signal's reason when aborted before the text was evaluated. */
  embed(text: string, signal?: AbortSignal): Promise<Float32Array>;
  dispose(): Promise<void>;
}

export interface EmbeddingLoadOptions {
  readonly path: string;
  readonly gpu: GpuSetting;
  /** 0 picks physical cores (1 for tiny models). */
  readonly threads: number;
  /** Tokens per chunk embedded; a chunk is one function or window, so 512 covers nearly all. */
  readonly maxTokens?: number;
  readonly log: Logger;
  readonly signal?: AbortSignal;
  readonly autoThreads: (modelBytes: number) => number;
}

/**
 * Loads a GGUF embedding model with node-llama-cpp's `createEmbeddingContext`, after the same
 * header and tensor checks as a chat model (a bad file is a ModelFileError, never a crash).
 * Texts are cut to `maxTokens`: the embedding of a chunk's head describes it well enough, and
 * a context sized for the longest chunk would cost memory for every chunk.
 */
export async function loadEmbeddingModel(options: EmbeddingLoadOptions): Promise<EmbeddingModel> {
  const { path, log } = options;
  const { size, fileInfo } = await checkedModelFile(path);
  const threads = options.threads > 0 ? options.threads : options.autoThreads(size);
  const llama = await getBackend(options.gpu, threads, log);
  let model;
  try {
    model = await llama.loadModel({ modelPath: path, gpuLayers: "auto", loadSignal: options.signal });
  } catch (error) {
    throw new ModelFileError(path, `llama.cpp could not load it (${(error as Error).message})`);
  }
  const trained = Number(fileInfo.architectureMetadata.context_length ?? 0) || 2048;
  const maxTokens = Math.min(options.maxTokens ?? 512, trained);
  let context;
  try {
    // Two more than the cut: node-llama-cpp adds the beginning and end tokens itself.
    context = await model.createEmbeddingContext({ contextSize: maxTokens + 2, batchSize: maxTokens + 2, threads });
  } catch (error) {
    await model.dispose();
    throw new ModelFileError(path, `no embedding context fits in memory (${(error as Error).message})`);
  }
  const meta = fileInfo.metadata as unknown as { general?: { name?: string } };
  return {
    path, maxTokens,
    name: meta.general?.name ?? basename(path),
    dimensions: model.embeddingVectorSize,
    async embed(text, signal) {
      signal?.throwIfAborted();
      const tokens = model.tokenize(text, false).slice(0, maxTokens - 1);
      const vector = Float32Array.from((await context.getEmbeddingFor(tokens)).vector);
      let norm = 0;
      for (const v of vector) norm += v * v;
      norm = Math.sqrt(norm);
      // An empty text or a degenerate model gives a zero vector; it matches nothing rather than NaN.
      if (norm > 0 && Number.isFinite(norm)) for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
      else vector.fill(0);
      return vector;
    },
    dispose: async () => {
      await context.dispose();
      await model.dispose();
    },
  };
}
