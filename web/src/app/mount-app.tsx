// The cascade order, set here once: MapLibre's rules, then the wall's, the page's base rules, then each
// component's stylesheet (each is also imported beside its component; a repeated import is a no-op, so
// this list, not the order in which the app's modules happen to import them, decides which rule wins).
import 'maplibre-gl/dist/maplibre-gl.css';
import '../wall/wall.css';
import '../wall/wall-news.css';
import './app.css';
import '../screen/screen.css';
import '../summary/summary-bar.css';
import '../screen/map-sidebar.css';
import '../filters/filter-panel.css';
import '../screen/map-toolbar.css';
import '../map/legend.css';
import '../hotspots/hotspot-legend.css';
import '../screen/map-region.css';
import '../map/map-view.css';
import '../screen/map-status.css';
import '../map/hex-tooltip.css';
import '../drilldown/drilldown.css';
import '../timeline/time-slider.css';
import '../summary/hotspots.css';
import '../alerts/alerts.css';
import './app-header.css';
import '../auth/sign-in.css';
import '../auth/user-menu.css';
import '../public/public.css';
import '../public/share.css';
import '../screen/screen-embed.css';
import '../public/embed.css';
import '../export/export-csv-link.css';
import '../live/live-demo-badge.css';
import '../places/place-search.css';
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
