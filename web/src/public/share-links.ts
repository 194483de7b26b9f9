/** The addresses a visitor can pass on: the public map and the embed, both with the same view (query). */
export function shareLinks(origin: string, search: string): { link: string; embed: string; iframe: string } {
  const link = `${origin}/public${search}`;
  const embed = `${origin}/embed${search}`;
  const iframe = `<iframe src="${escapeAttribute(embed)}" width="800" height="600" style="border:0" loading="lazy" title="Heat map of messages"></iframe>`;
  return { link, embed, iframe };
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}
