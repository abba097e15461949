// Multinomial naive Bayes over word tokens (Manning, Raghavan and Schütze, Introduction to Information Retrieval,
// 2008, ch. 13, with add-one smoothing), trained per org on where its patients actually ended up (the department
// of closed consultations and visits). Pure: the server trains it in a job and stores the model as JSON.

export interface NaiveBayesModel {
  version: 1;
  labels: { label: string; docs: number; tokens: number }[];
  /** token -> counts per label, in `labels` order. */
  vocab: Record<string, number[]>;
  docs: number;
}

export interface TrainingSample {
  tokens: readonly string[];
  label: string;
}

/** Tokens that carry no meaning for routing: whitespace, punctuation, digits, one-letter latin words. */
const useful = (t: string) => /[\p{Script=Han}]|[a-z]{2,}/u.test(t) && !/^[\s\p{P}\p{S}\d]+$/u.test(t);

export function featureTokens(tokens: readonly string[]): string[] {
  return tokens.map((t) => t.trim().toLowerCase()).filter(useful);
}

export function trainNaiveBayes(samples: readonly TrainingSample[], maxVocab = 5000): NaiveBayesModel {
  const labels = [...new Set(samples.map((s) => s.label))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const counts = new Map<string, number[]>();
  const docs = labels.map(() => 0);
  for (const s of samples) {
    const i = index.get(s.label) ?? 0;
    docs[i] = (docs[i] ?? 0) + 1;
    for (const t of featureTokens(s.tokens)) {
      const row = counts.get(t) ?? labels.map(() => 0);
      row[i] = (row[i] ?? 0) + 1;
      counts.set(t, row);
    }
  }
  const kept = [...counts.entries()]
    .sort((a, b) => sum(b[1]) - sum(a[1]) || a[0].localeCompare(b[0]))
    .slice(0, maxVocab);
  const vocab = Object.fromEntries(kept);
  return {
    version: 1,
    labels: labels.map((label, i) => ({
      label,
      docs: docs[i] ?? 0,
      tokens: kept.reduce((n, [, row]) => n + (row[i] ?? 0), 0),
    })),
    vocab,
    docs: samples.length,
  };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The posterior over labels; empty when the model is empty or no token is known. */
export function predictNaiveBayes(model: NaiveBayesModel, tokens: readonly string[]): Record<string, number> {
  const feats = featureTokens(tokens).filter((t) => model.vocab[t] !== undefined);
  if (model.docs === 0 || feats.length === 0) return {};
  const v = Object.keys(model.vocab).length;
  const logs = model.labels.map((l, i) => {
    let lp = Math.log(l.docs / model.docs);
    for (const t of feats) lp += Math.log(((model.vocab[t]?.[i] ?? 0) + 1) / (l.tokens + v));
    return lp;
  });
  const max = Math.max(...logs);
  const exps = logs.map((x) => Math.exp(x - max));
  const z = sum(exps);
  return Object.fromEntries(model.labels.map((l, i) => [l.label, (exps[i] ?? 0) / z]));
}
