import ts from 'typescript';

/** A TypeScript program of the repository's source files, as the type checker reads them. */
export function sourceProgram(files: readonly string[]): ts.Program {
  return ts.createProgram([...files], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    resolveJsonModule: true,
    noEmit: true,
    skipLibCheck: true,
  });
}
