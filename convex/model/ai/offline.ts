// The offline generator streams like Claude does: its text goes into the draft in a few chunks
// (split at line ends, so a half-written line never shows), through the same append path.
export function offlineChunks(text: string, parts = 4): string[] {
  const lines = text.split(/(?<=\n)/);
  const per = Math.max(1, Math.ceil(lines.length / parts));
  const chunks: string[] = [];
  for (let i = 0; i < lines.length; i += per) chunks.push(lines.slice(i, i + per).join(""));
  return chunks;
}
