// Injected on demand into a page where something failed. It only places an extension-origin
// iframe inside a closed shadow root: the failure text lives in that iframe, out of the page's reach.
import { MessageType, type Message } from '../shared/protocol';

interface Api {
  runtime: {
    getURL(path: string): string;
    onMessage: { addListener(listener: (message: Message) => void): void };
  };
}
const api = ((globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome) as Api;
const FRAME_PAGE = 'src/content/notice.html';
const WIDTH = 380;

let host: HTMLElement | undefined;
let frame: HTMLIFrameElement | undefined;

// Inline !important beats any page rule, even `* { all: unset !important }`.
const important = (styles: Record<string, string>): string =>
  Object.entries(styles).map(([k, v]) => `${k}: ${v} !important;`).join(' ');

/** `height`: what the frame measured for its content (it depends only on the page's own failures). */
function place(position: string, height: number): void {
  if (!host || !frame) return;
  const [vertical, horizontal] = position.split('-');
  host.setAttribute('style', important({
    all: 'initial', position: 'fixed', display: 'block', 'z-index': '2147483647', margin: '0', padding: '0',
    border: '0', background: 'transparent', overflow: 'visible', inset: 'auto', width: `${WIDTH}px`, height: `${height}px`,
    [vertical === 'top' ? 'top' : 'bottom']: '16px', [horizontal === 'left' ? 'left' : 'right']: '16px',
    'max-width': 'calc(100vw - 32px)', 'max-height': 'calc(100vh - 32px)', 'color-scheme': 'normal',
  }));
  frame.setAttribute('style', important({
    all: 'initial', display: 'block', width: '100%', height: '100%', border: '0', 'border-radius': '10px',
    'box-shadow': '0 6px 24px rgba(0,0,0,.28)', background: 'transparent', 'color-scheme': 'normal',
  }));
}

/** A new valid custom-element name each time: a page cannot look the notification up by its name. */
function randomName(): string {
  const letters = (n: number): string => Array.from(crypto.getRandomValues(new Uint8Array(n)), (byte) => String.fromCharCode(97 + (byte % 26))).join('');
  return `${letters(6)}-${letters(6)}`;
}

function show(position: string, height: number): void {
  if (!host?.isConnected) {
    host = document.createElement(randomName());
    const shadow = host.attachShadow({ mode: 'closed' });
    frame = document.createElement('iframe');
    frame.src = api.runtime.getURL(FRAME_PAGE);
    frame.title = 'Request Doctor';
    shadow.append(frame);
    // The top layer sits above any z-index the page uses.
    host.popover = 'manual';
    document.documentElement.append(host);
    host.showPopover?.();
  }
  place(position, height);
}

function hide(): void {
  host?.remove();
  host = frame = undefined;
}

// Injection can happen again on the same document; listen once.
const flag = '__requestDoctorNotice';
if (!(globalThis as Record<string, unknown>)[flag]) {
  (globalThis as Record<string, unknown>)[flag] = true;
  api.runtime.onMessage.addListener((message) => {
    if (message.type === MessageType.ShowNotice) show(message.position, message.height);
    else if (message.type === MessageType.HideNotice) hide();
  });
}
