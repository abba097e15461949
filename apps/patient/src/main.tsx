import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './features/preferences/elder-store.ts';
import { initI18n } from './i18n/index.ts';
import './styles/theme.css';
import './styles/controls.css';
import './styles/layout.css';
import './styles/content.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

await initI18n();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
