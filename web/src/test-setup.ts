import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vitest runs without globals, so testing-library cannot register its own cleanup.
afterEach(cleanup);
// The whole suite shares two cores with other test runs; 1 s for a re-render proved too tight.
configure({ asyncUtilTimeout: 5000 });
