import { ModelFileError } from "./errors";

/**
 * Bytes per block and values per block of the GGML tensor types seen in code models. Types not
 * listed here are checked by their start offset only.
 */
const typeTraits: Record<number, [blockValues: number, blockBytes: number]> = {
  0: [1, 4], 1: [1, 2], 30: [1, 2], // F32, F16, BF16
  2: [32, 18], 3: [32, 20], 6: [32, 22], 7: [32, 24], 8: [32, 34], 9: [32, 36], // Q4_0 Q4_1 Q5_0 Q5_1 Q8_0 Q8_1
  10: [256, 84], 11: [256, 110], 12: [256, 144], 13: [256, 176], 14: [256, 210], 15: [256, 292], // K quants
  20: [32, 18], 23: [256, 136], // IQ4_NL, IQ4_XS
};

interface TensorLike {
  readonly name: string;
  readonly dimensions: readonly (number | bigint)[];
  readonly ggmlType: number;
  readonly offset: number | bigint;
}

/**
 * A truncated download keeps a valid header but loses tensor data; llama.cpp would then fail
 * deep inside loading. Checking that the file is long enough for every tensor turns that into
 * a clear message before anything is loaded.
 */
export function checkTensorData(path: string, fileSize: number, dataStart: number | undefined, tensors: readonly TensorLike[]): void {
  if (dataStart === undefined) return;
  let needed = dataStart;
  for (const tensor of tensors) {
    const start = dataStart + Number(tensor.offset);
    const traits = typeTraits[tensor.ggmlType];
    const values = tensor.dimensions.reduce<number>((n, d) => n * Number(d), 1);
    const bytes = traits ? Math.ceil(values / traits[0]) * traits[1] : 0;
    needed = Math.max(needed, start + bytes);
  }
  if (fileSize < needed) {
    throw new ModelFileError(path, `the file is truncated (${fileSize} bytes, its tensors need ${needed}); download it again`);
  }
}
