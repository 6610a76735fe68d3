// Help-centre rules.

// Small enough to store cheaply in the embedded backend; the embedding providers we plan to
// use (OpenAI text-embedding-3, Voyage) can return reduced dimensions, and the offline
// embedder below produces this size directly.
export const FAQ_EMBEDDING_DIMENSIONS = 256;

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

function hashToken(token: string): number {
  let hash = 2_166_136_261;
  for (const char of token) hash = Math.imul(hash ^ char.charCodeAt(0), 16_777_619) >>> 0;
  return hash;
}

/**
 * The offline default embedder ("Offline embedding"): a hashed bag of words and word pairs,
 * L2-normalised. Crude, but questions sharing words with an FAQ land near it, which is all the
 * offline chatbot needs; a real provider replaces it when configured.
 */
export function offlineEmbedding(text: string): number[] {
  const vector = new Array<number>(FAQ_EMBEDDING_DIMENSIONS).fill(0);
  const words = tokens(text);
  const features = [...words, ...words.slice(1).map((word, i) => `${words[i]} ${word}`)];
  for (const feature of features) {
    const hash = hashToken(feature);
    vector[hash % FAQ_EMBEDDING_DIMENSIONS] += hash & 0x8000_0000 ? -1 : 1;
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((x) => x / norm);
}
