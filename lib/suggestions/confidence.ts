// The calibrated confidence of every rule, from the table `npm run eval:suggestions -- --calibrate`
// writes (dev split only; the test split measures how well it holds).
import { confidenceFrom, type CalibrationTable } from "./calibration";
import table from "./calibration.json";
import type { Suggestion } from "./types";

export const CALIBRATION: CalibrationTable = table;

export function calibratedConfidence(s: Pick<Suggestion, "rule" | "suggester" | "type" | "attributes">): number {
  return confidenceFrom(CALIBRATION, s);
}
