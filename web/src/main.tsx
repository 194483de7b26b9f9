import { startEarlyRequests } from './boot/early-requests';

// The entry chunk is this file only: it starts the first API reads, then loads the app, whose chunk
// index.html already preloads (see vite.config.ts), so the two download side by side.
void startEarlyRequests(window.location.pathname, window.location.search);
void import('./app/mount-app').then(({ mountApp }) => mountApp());
