/**
 * The guidance rules in rank order. Each rule looks at one thing and says why it fired with the actual
 * numbers; clinician items lead, and nothing soothing is said when an answer calls for a clinician.
 */
import { checklistOpen, dailyLife, normalStrength, redFlags, suddenOnset, triggers } from './answer-rules';
import {
  accelerometerOnly,
  cannotTell,
  concentrated,
  fewSustained,
  frequentSustained,
  littleRest,
  noTwitches,
  tongue,
  twitchesFound,
  widespread,
} from './finding-rules';
import type { Rule } from './rule-types';

export { twitchPhrase } from './phrases';
export {
  callsForClinician,
  LEVEL_LABELS,
  LEVEL_ORDER,
  RED_FLAGS,
  type GuidanceItem,
  type GuidanceLevel,
  type ItemKind,
  type Rule,
  type RuleInput,
} from './rule-types';

/** In rank order within each level. */
export const RULES: readonly Rule[] = [
  redFlags,
  tongue,
  dailyLife,
  suddenOnset,
  concentrated,
  frequentSustained,
  littleRest,
  cannotTell,
  checklistOpen,
  normalStrength,
  widespread,
  triggers,
  fewSustained,
  twitchesFound,
  noTwitches,
  accelerometerOnly,
];
