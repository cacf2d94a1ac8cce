/** Node types that open a scope (function, class, file) in the supported grammars. */
export const scopeTypes: ReadonlySet<string> = new Set([
  "function_definition", "class_definition", "module", "program", "translation_unit", "source_file",
  "function_declaration", "function_expression", "arrow_function", "method_definition", "class_declaration",
  "method_declaration", "constructor_declaration", "function_item", "impl_item", "func_literal",
  "lambda", "lambda_expression", "compilation_unit", "interface_declaration", "namespace_definition",
  "generator_function_declaration", "anonymous_function", "closure_expression", "local_function_statement",
]);

/** Function-like scopes only: where a variable's assignments are looked for. */
export const functionScopeTypes: ReadonlySet<string> = new Set([
  "function_definition", "function_declaration", "function_expression", "arrow_function", "method_definition",
  "method_declaration", "constructor_declaration", "function_item", "func_literal", "lambda_expression",
  "generator_function_declaration", "anonymous_function", "closure_expression", "local_function_statement",
]);
