// First: the page's base rules (type, colours, bare controls); each component's stylesheet, imported
// beside it, comes after them and after MapLibre's, and refines them.
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

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
