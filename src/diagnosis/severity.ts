// The order of severities, said once: SEVERITIES lists them from mildest to worst.
import { SEVERITIES, type Severity } from './types';

const rank = (severity: Severity): number => SEVERITIES.indexOf(severity);

/** Whether `severity` is `minimum` or worse. */
export const atLeast = (severity: Severity, minimum: Severity): boolean => rank(severity) >= rank(minimum);

/** The worse of two severities; `null` stands for none yet. */
export const worse = (a: Severity | null, b: Severity): Severity => (a === null || rank(b) > rank(a) ? b : a);
