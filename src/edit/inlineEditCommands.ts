/**
 * The inline edit's command ids and context keys, named once: package.json's keybindings and
 * `when` clauses use the same strings, and a unit test keeps the two in step.
 */
export const InlineEditCommands = {
  /** "Enclave: Edit with Instructions" (Ctrl+I / Cmd+I). */
  editWithInstructions: "enclave.editWithInstructions",
  accept: "enclave.inlineEdit.accept",
  /** Reject under review; cancel while streaming (Esc). */
  reject: "enclave.inlineEdit.reject",
  followUp: "enclave.inlineEdit.followUp",
} as const;

export const InlineEditContext = {
  /** True while the active editor's document has an inline edit streaming or under review. */
  pending: "enclave.inlineEdit.pending",
  /** True while that edit is complete and waits for Accept, Reject or a follow-up. */
  review: "enclave.inlineEdit.review",
} as const;
