/**
 * The edits bench/edit.ts times: whole functions of 45 to 60 lines, as an inline edit sends
 * them. The copy model (test/fixtures/gguf/copyModel.ts) answers each with the function copied
 * and its substitutions applied (" item" -> " entry", " items" -> " entries", " index" ->
 * " position", " value" -> " record"), so each answer is mostly, not entirely, its prompt: the
 * shape of a rename or a small rewrite.
 */
export interface EditCase {
  readonly name: string;
  readonly instruction: string;
  readonly language: string;
  readonly code: string;
}

const cart = `export function summarizeCart(items, catalog, options = {}) {
  const lines = [];
  let subtotal = 0;
  let discounted = 0;
  let missing = 0;
  for (const item of items) {
    const product = catalog.get(item.sku);
    if (!product) {
      missing += 1;
      lines.push({ sku: item.sku, status: "missing" });
      continue;
    }
    const quantity = Math.max(0, Math.floor(item.quantity));
    const unit = product.price;
    const gross = unit * quantity;
    let rebate = 0;
    if (product.bulk && quantity >= product.bulk.minimum) {
      rebate = gross * product.bulk.rate;
    }
    if (options.coupon && options.coupon.skus.includes(item.sku)) {
      rebate = Math.max(rebate, gross * options.coupon.rate);
    }
    subtotal += gross;
    discounted += rebate;
    lines.push({
      sku: item.sku,
      name: product.name,
      quantity,
      unit,
      gross,
      rebate,
      net: gross - rebate,
      status: "ok",
    });
  }
  const shipping = subtotal - discounted > options.freeShippingOver ? 0 : options.shipping ?? 0;
  const taxable = subtotal - discounted + shipping;
  const tax = Math.round(taxable * (options.taxRate ?? 0) * 100) / 100;
  return {
    lines,
    count: items.length,
    missing,
    subtotal,
    discounted,
    shipping,
    tax,
    total: taxable + tax,
  };
}
`;

const histogram = `function renderHistogram(samples, width, height) {
  let min = Infinity;
  let max = -Infinity;
  for (const value of samples) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  let span = max - min || 1;
  let buckets = new Array(width).fill(0);
  for (const value of samples) {
    let slot = Math.min(width - 1, Math.floor(((value - min) / span) * width));
    buckets[slot] += 1;
  }
  let peak = Math.max(...buckets);
  let rows = [];
  for (let level = height; level > 0; level--) {
    let threshold = (level / height) * peak;
    let row = "";
    for (const count of buckets) {
      row += count >= threshold ? "#" : " ";
    }
    rows.push(row.trimEnd());
  }
  let axis = "-".repeat(width);
  let left = min.toFixed(2);
  let right = max.toFixed(2);
  let gap = Math.max(1, width - left.length - right.length);
  rows.push(axis);
  rows.push(left + " ".repeat(gap) + right);
  let mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  let variance = 0;
  for (const value of samples) {
    variance += (value - mean) ** 2;
  }
  let deviation = Math.sqrt(variance / samples.length);
  rows.push("mean " + mean.toFixed(2) + ", deviation " + deviation.toFixed(2));
  let outliers = samples.filter((value) => Math.abs(value - mean) > 3 * deviation);
  if (outliers.length > 0) {
    rows.push(outliers.length + " outliers beyond three deviations");
  }
  let median = [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  rows.push("median " + median.toFixed(2));
  return rows.join("\\n");
}
`;

const table = `export function alignColumns(header: string[], rows: string[][], gap = 2): string {
  const widths = header.map((cell) => cell.length);
  for (const row of rows) {
    for (let index = 0; index < row.length; index++) {
      const cell = row[index] ?? "";
      if (index >= widths.length) {
        widths.push(cell.length);
      } else if (cell.length > widths[index]!) {
        widths[index] = cell.length;
      }
    }
  }
  const numeric = widths.map((_, index) =>
    rows.length > 0 && rows.every((row) => Number.isFinite(Number((row[index] ?? "").replace(/[,%]/g, "")))),
  );
  const pad = (cell: string, index: number): string => {
    const width = widths[index]!;
    return numeric[index] ? cell.padStart(width) : cell.padEnd(width);
  };
  const lines: string[] = [];
  lines.push(header.map((cell, index) => pad(cell, index)).join(" ".repeat(gap)).trimEnd());
  lines.push(widths.map((width) => "-".repeat(width)).join(" ".repeat(gap)));
  for (const row of rows) {
    const cells: string[] = [];
    for (let index = 0; index < widths.length; index++) {
      cells.push(pad(row[index] ?? "", index));
    }
    lines.push(cells.join(" ".repeat(gap)).trimEnd());
  }
  const totals: string[] = [];
  for (let index = 0; index < widths.length; index++) {
    if (!numeric[index]) {
      totals.push(index === 0 ? "total" : "");
      continue;
    }
    let sum = 0;
    for (const row of rows) {
      sum += Number((row[index] ?? "0").replace(/[,%]/g, ""));
    }
    totals.push(String(Math.round(sum * 100) / 100));
  }
  if (numeric.some(Boolean)) {
    lines.push(widths.map((width) => "=".repeat(width)).join(" ".repeat(gap)));
    lines.push(totals.map((cell, index) => pad(cell, index)).join(" ".repeat(gap)).trimEnd());
  }
  return lines.join("\\n");
}
`;

export const EDIT_CASES: readonly EditCase[] = [
  { name: "rename item -> entry (JS, 60 lines)", instruction: "Rename item to entry and items to entries.", language: "js", code: cart },
  { name: "rename value -> record (JS, 47 lines)", instruction: "Rename value to record.", language: "js", code: histogram },
  { name: "rename index -> position (TS, 50 lines)", instruction: "Rename index to position.", language: "ts", code: table },
];
