// DevTools page: runs only while DevTools is open, and only adds the panel.
import browser from '../shared/browser';
import { t } from '../shared/i18n';

void browser.devtools.panels.create(t('devtoolsPanelTitle'), '/icons/32.png', '/src/devtools/panel.html');
