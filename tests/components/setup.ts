/**
 * Components read the site's content through astro:content (src/site/data.ts),
 * which only a build fills. Here it answers from the fixture, loaded by the
 * real loader: the same entries the content loader would store.
 */
import { vi } from 'vitest';

vi.mock('astro:content', async () => {
  const { content } = await import('./fixture.ts');
  return {
    getEntry: async (collection: string, id: string) =>
      collection === 'site' ? { id, data: id === 'site' ? content.site : id === 'glossary' ? content.glossary : undefined } : undefined,
    getCollection: async (collection: string) => (collection === 'reports' ? content.reports.map((r) => ({ id: r.id, data: r })) : []),
  };
});
