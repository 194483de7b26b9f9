import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
// After App's imports, so our rules come after MapLibre's stylesheet and win over it.
import './app.css';

/** Renders the app into #root (the page's only content). */
export function mountApp(): void {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
