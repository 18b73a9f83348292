// Exports: built in slices that yield to the page, so 10,000 failures never freeze it.
import browser from '../../shared/browser';
import { h } from '../../shared/dom';
import { settings, settingsReady } from '../../shared/settings-store';
import type { HistoryEntry } from '../../shared/protocol';
import { catalogFor } from '../../diagnosis/catalog';
import { explain } from '../../diagnosis/explain';
import { browserName } from '../../card/report';
import { csvRows } from '../../diagnosis/history/csv';
import { exportFileName, MIME_TYPES, type ExportContext, type ExportFormat } from '../../diagnosis/history/export';
import { t } from '../../shared/i18n';
import { harParts } from '../../diagnosis/history/har';
import { jsonParts } from '../../diagnosis/history/json';
import { catalogLanguage } from './data';
import { exportButtonsUnwired, exportLabel } from './layout';

/** Work this long, then let the page breathe. */
const SLICE_MS = 12;

const WRITERS: Record<ExportFormat, (entries: readonly HistoryEntry[], context: ExportContext) => Iterable<string>> = {
  har: harParts, json: jsonParts, csv: csvRows,
};

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function exportHistory(format: ExportFormat, entries: readonly HistoryEntry[], dropped: number): Promise<void> {
  await settingsReady;
  const catalog = await catalogFor(entries, catalogLanguage());
  const [name = 'Unknown', version = ''] = browserName(navigator.userAgent).split(' ');
  const now = new Date();
  const context: ExportContext = {
    stripQuery: settings().stripQueryInReports, browser: { name, version }, extensionVersion: browser.runtime.getManifest().version,
    explain: (entry) => explain(entry, catalog), now, dropped,
  };
  const parts: string[] = [];
  let sliceEnd = performance.now() + SLICE_MS;
  for (const part of WRITERS[format](entries, context)) {
    parts.push(part);
    if (performance.now() > sliceEnd) {
      await nextTask();
      sliceEnd = performance.now() + SLICE_MS;
    }
  }
  const url = URL.createObjectURL(new Blob(parts, { type: MIME_TYPES[format] }));
  h('a', { href: url, download: exportFileName(now, format) }).click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** What an export holds: the failures shown, and how many older ones were dropped to the caps. */
export type ExportSource = () => Promise<{ entries: readonly HistoryEntry[]; dropped: number }>;

/** Makes the export buttons (`data-action="export-<format>"`) export what `source` gives. */
export function wireExports(buttons: HTMLButtonElement[], source: ExportSource): HTMLButtonElement[] {
  for (const button of buttons) {
    const format = button.dataset.action!.slice('export-'.length) as ExportFormat;
    button.addEventListener('click', async () => {
      button.disabled = true;
      button.textContent = t('exporting');
      try {
        const { entries, dropped } = await source();
        await exportHistory(format, entries, dropped);
      } finally {
        button.disabled = false;
        button.textContent = exportLabel(format);
      }
    });
  }
  return buttons;
}

/** The HAR, JSON and CSV buttons, for a tab's report (the History draws its own, layout.ts). */
export const exportButtons = (source: ExportSource): HTMLButtonElement[] => wireExports(exportButtonsUnwired(), source);
