// Step durations on a card's strip, the total, and where the time went (or why there are no figures).
// Applied to a card already built, so the popup paints first and adds timings when they arrive.
import { whereTimeWent } from '../diagnosis/time-story';
import type { TimedStep, TimingGap, Timings } from '../diagnosis/timings';
import { h } from '../shared/dom';
import { t, uiLanguage, type MessageKey } from '../shared/i18n';
import type { FailureRecord } from '../shared/protocol';

/** "4 ms", "2.1 s", "95 s" (German "2,1 s"): one decimal under a minute, always shown. */
export function duration(ms: number): string {
  if (ms < 1000) return t('durationMs', Math.round(ms));
  const digits = ms < 60_000 ? 1 : 0;
  return t('durationS', new Intl.NumberFormat(uiLanguage(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ms / 1000));
}

const GAP_TEXT: Record<TimingGap, MessageKey> = {
  'cross-origin': 'timingGap_cross_origin', 'network-error': 'timingGap_network_error', 'buffer-full': 'timingGap_buffer_full',
  navigated: 'timingGap_navigated', unreadable: 'timingGap_unreadable', 'no-entry': 'timingGap_no_entry',
};

const CONNECTION_STEPS: readonly string[] = ['dns', 'connect', 'tls'];

function summaryLine(timings: Timings, failure: FailureRecord): HTMLElement {
  const story = whereTimeWent(timings, failure.headers?.server);
  const storyText = story && t(story.key, ...story.values.map((value) => (typeof value === 'number' ? duration(value) : value)));
  return h('p', { class: 'timing', 'data-timing-gap': timings.gap },
    timings.total !== undefined ? h('span', { class: 'timing-total' }, t('timingTotal', duration(timings.total))) : null,
    timings.queued ? h('span', { class: 'timing-queued' }, t('timingQueued', duration(timings.queued))) : null,
    storyText ? h('span', { class: 'timing-story' }, storyText) : null,
    timings.gap ? h('span', { class: 'timing-gap' }, t(GAP_TEXT[timings.gap])) : null);
}

/** Each step with a known duration gets `data-ms` (and `data-reused`); the others get nothing. */
export function showTimings(card: Element, timings: Timings, failure: FailureRecord): void {
  const strip = card.querySelector('.cycle');
  if (!strip) return;
  card.querySelectorAll('.step-ms, .timing').forEach((old) => old.remove());
  for (const step of strip.querySelectorAll<HTMLElement>('[data-step]')) {
    step.removeAttribute('data-ms');
    step.removeAttribute('data-reused');
    const name = step.dataset.step as TimedStep;
    const ms = timings.steps[name];
    if (ms !== undefined && !step.classList.contains('skipped')) {
      const reused = timings.reused && CONNECTION_STEPS.includes(name);
      step.dataset.ms = String(Math.round(ms));
      if (reused) step.dataset.reused = 'true';
      step.append(h('span', { class: 'step-ms' }, reused ? t('timingReused') : duration(ms)));
    } else if (name === 'send' && timings.sendInWait && timings.steps.wait !== undefined) {
      step.append(h('span', { class: 'step-ms' }, t('timingSendInWait')));
    }
  }
  strip.after(summaryLine(timings, failure));
}
