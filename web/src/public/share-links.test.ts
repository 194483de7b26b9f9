import { describe, expect, test } from 'vitest';
import { shareLinks } from './share-links';

describe('share links', () => {
  test('the link and the iframe keep the view; the snippet is safe to paste as HTML', () => {
    const links = shareLinks('https://map.example.org', '?lat=47.5&lon=19.05&z=12&cat=K%C3%A1ty%C3%BA');
    expect(links.link).toBe('https://map.example.org/public?lat=47.5&lon=19.05&z=12&cat=K%C3%A1ty%C3%BA');
    expect(links.embed).toBe('https://map.example.org/embed?lat=47.5&lon=19.05&z=12&cat=K%C3%A1ty%C3%BA');
    expect(links.iframe).toBe(
      '<iframe src="https://map.example.org/embed?lat=47.5&amp;lon=19.05&amp;z=12&amp;cat=K%C3%A1ty%C3%BA" width="800" height="600" style="border:0" loading="lazy" title="Heat map of messages"></iframe>',
    );
  });
});
