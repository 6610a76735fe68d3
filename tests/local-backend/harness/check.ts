/**
 * Assertions shared by the conformance runner: per-step expectations written in the scenarios
 * (pinned values, expected errors) and the expected transcript of the embedded backend (the
 * convex-test transcript, with known convex-test deviations replaced by what Convex does).
 */
import { isDeepStrictEqual } from "node:util";
import type { StepResult } from "./engines";
import {
  normaliseExpected,
  type Outcome,
  type PinnedOutcome,
  type Scenario,
  type Step,
  stepLabel,
  type TranscriptEntry,
  toTranscript,
} from "./scenario";

interface Expectation {
  error: boolean;
  errorMatch?: RegExp;
  errorData?: unknown;
  value?: unknown;
}

function fromStep(step: Step): Expectation {
  return {
    error: step.expect === "error" || step.errorData !== undefined,
    errorMatch: step.errorMatch,
    errorData: step.errorData,
    value: step.value,
  };
}

function fromPinned(p: PinnedOutcome): Expectation {
  return "error" in p
    ? { error: true, errorMatch: p.errorMatch, errorData: p.errorData }
    : { error: false, value: p.value };
}

const show = (v: unknown) =>
  JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}n` : x))?.slice(0, 600);

/**
 * Checks every step's own expectations. For "convex-test", steps marked as a deviation are
 * skipped; for "backend" they are held to the pinned Convex outcome.
 */
export function checkSteps(results: StepResult[], engine: "convex-test" | "backend"): string[] {
  const transcript = toTranscript(results);
  const problems: string[] = [];
  results.forEach(({ step, raw }, i) => {
    let exp: Expectation;
    if (step.deviation) {
      if (engine === "convex-test") return;
      exp = fromPinned(step.deviation.convex);
    } else {
      exp = fromStep(step);
    }
    const label = stepLabel(step, i);
    const outcome = transcript[i].outcome;
    if (raw.ok) {
      if (exp.error) {
        problems.push(
          `${label}: expected an error, got ${show("value" in outcome ? outcome.value : outcome)}`,
        );
      } else if (exp.value !== undefined && "value" in outcome) {
        const want = normaliseExpected(exp.value);
        if (!isDeepStrictEqual(outcome.value, want)) {
          problems.push(`${label}: expected ${show(want)}, got ${show(outcome.value)}`);
        }
      }
      return;
    }
    if (!exp.error) {
      problems.push(`${label}: unexpected error: ${raw.message.slice(0, 500)}`);
      return;
    }
    if (exp.errorMatch && !exp.errorMatch.test(raw.message)) {
      problems.push(
        `${label}: error message does not match ${exp.errorMatch}: ${raw.message.slice(0, 500)}`,
      );
    }
    if (exp.errorData !== undefined) {
      if (!raw.convexError) {
        problems.push(
          `${label}: expected a ConvexError with data, got a plain error: ${raw.message.slice(0, 300)}`,
        );
      } else {
        const want = normaliseExpected(exp.errorData);
        const got = "data" in outcome ? outcome.data : undefined;
        if (!isDeepStrictEqual(got, want)) {
          problems.push(`${label}: ConvexError data: expected ${show(want)}, got ${show(got)}`);
        }
      }
    }
  });
  return problems;
}

function pinnedOutcome(p: PinnedOutcome): Outcome {
  if (!("error" in p)) return { value: normaliseExpected(p.value) };
  return p.errorData !== undefined
    ? { error: "ConvexError", data: normaliseExpected(p.errorData) }
    : { error: "Error" };
}

/** What the embedded backend's transcript must equal: convex-test's, corrected at deviations. */
export function expectedBackendTranscript(
  scenario: Scenario,
  oracle: StepResult[],
): TranscriptEntry[] {
  const transcript = toTranscript(oracle);
  return transcript.map((entry, i) => {
    const step = scenario.steps[i];
    return step.deviation
      ? { step: entry.step, outcome: pinnedOutcome(step.deviation.convex) }
      : entry;
  });
}

/** Deviation steps whose pinned outcome is only "some error" are compared as error-or-not. */
export function comparableTranscript(
  scenario: Scenario,
  transcript: TranscriptEntry[],
): TranscriptEntry[] {
  return transcript.map((entry, i) => {
    const d = scenario.steps[i].deviation;
    if (d && "error" in d.convex && d.convex.errorData === undefined && "error" in entry.outcome) {
      return { step: entry.step, outcome: { error: "Error" } };
    }
    return entry;
  });
}
