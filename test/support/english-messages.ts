// chrome.i18n.getMessage over the real en/messages.json, for unit tests of UI modules.
import { readFileSync } from 'node:fs';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const en: Messages = JSON.parse(readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8'));

export function getMessage(key: string, substitutions: string[] = []): string {
  const entry = en[key];
  if (!entry) return '';
  const named = (name: string): string => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  };
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => named(name));
}
