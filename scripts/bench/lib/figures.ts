/**
 * Figures, units and targets of `npm run bench`. A bench module returns its figures (name → number) and may
 * export `targets` (name → {@link Target}); scripts/bench.ts prints each figure with its unit and target and says
 * whether the target is met. The unit is read off the name's ending, so the JSON names and the human lines agree.
 */

/** What a figure should be: at most `max` or at least `min`. */
export interface Target {
  max?: number;
  min?: number;
  /**
   * A guard fails the run when missed (a regression the run must not let pass); any other target is a goal,
   * reported as met or not.
   */
  guard?: boolean;
}

/** The targets a bench module exports, by figure name. */
export type Targets = Record<string, Target>;

/** The units, by the name's ending (first match wins). Sizes: MB = 10^6 bytes of UTF-8, KB = 10^3 bytes. */
const UNITS: [RegExp, string][] = [
  [/_mb_per_s$/, 'MB/s'],
  [/_ms(_|$)/, 'ms'],
  [/_mb$/, 'MB'],
  [/_kb$/, 'KB'],
  [/_bytes$/, 'bytes'],
  [/(_vs_|_baseline$)/, '×'],
];

/** The unit of a figure, from its name ('' for a count). */
export function unitOf(name: string): string {
  return UNITS.find(([re]) => re.test(name))?.[1] ?? '';
}

/** True when `value` meets `target`. */
export function meets(value: number, target: Target): boolean {
  return (
    (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min)
  );
}

/** `≤ 60`, `≥ 50`, or both. */
export function describeTarget(target: Target): string {
  return [
    target.min !== undefined ? `≥ ${target.min}` : '',
    target.max !== undefined ? `≤ ${target.max}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
}

/** One human line: `name: value unit  (target ≤ 60: met)`. */
export function figureLine(name: string, value: number, target?: Target): string {
  const unit = unitOf(name);
  const shown = `${value}${unit ? (unit === '×' ? '×' : ` ${unit}`) : ''}`;
  if (!target) return `  ${name}: ${shown}`;
  const verdict = meets(value, target) ? 'met' : target.guard ? 'MISSED (guard: the run fails)' : 'missed';
  return `  ${name}: ${shown}   target ${describeTarget(target)}${target.guard ? ' (guard)' : ''}: ${verdict}`;
}
