// The one module that imports the polyfill: every context gets `browser` from here.
import browser from 'webextension-polyfill';

export default browser;
export type { Alarms, Browser, Runtime, Storage, Tabs, WebRequest, WebNavigation } from 'webextension-polyfill';
