import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  id?: string;
}

const workflow = parse(readFileSync(resolve(import.meta.dirname, '../../.github/workflows/deploy.yml'), 'utf8'), { strict: true, uniqueKeys: true });

describe('the GitHub Pages workflow', () => {
  it('is valid YAML, and only the deploy job may publish to Pages', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    // The build runs install scripts, tests and content: it may only read the repository.
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.build.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  it('pins every action to a full commit, with its release in a comment', () => {
    const text = readFileSync(resolve(import.meta.dirname, '../../.github/workflows/deploy.yml'), 'utf8');
    const uses = Object.values(workflow.jobs as Record<string, { steps: Step[] }>).flatMap((job) => job.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
    expect(uses.length).toBe(6);
    for (const use of uses) {
      expect(use).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      // The comment after it names the release, e.g. "# v4.4.0".
      expect(text).toMatch(new RegExp(`uses: ${use.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} # v\\d+\\.\\d+\\.\\d+\n`));
    }
  });

  it('checks out without leaving the token behind, and no job can run for ever', () => {
    const checkout = (workflow.jobs.build.steps as Step[]).find((s) => s.uses?.startsWith('actions/checkout@'))!;
    expect(checkout.with?.['persist-credentials']).toBe(false);
    for (const [name, job] of Object.entries(workflow.jobs as Record<string, { 'timeout-minutes'?: unknown }>)) {
      expect(job['timeout-minutes'], name).toEqual(expect.any(Number));
      expect(job['timeout-minutes'] as number, name).toBeGreaterThan(0);
      expect(job['timeout-minutes'] as number, name).toBeLessThanOrEqual(60);
    }
  });

  it('installs, tests, builds with the Pages address and uploads dist/', () => {
    const steps = workflow.jobs.build.steps as Step[];
    const index = (match: (s: Step) => boolean) => steps.findIndex(match);
    const checkout = index((s) => s.uses?.startsWith('actions/checkout@') ?? false);
    const install = index((s) => s.run === 'npm ci');
    const test = index((s) => s.run === 'npm test');
    const build = index((s) => s.run === 'npm run build');
    const upload = index((s) => s.uses?.startsWith('actions/upload-pages-artifact@') ?? false);
    expect([checkout, install, test, build, upload].every((i) => i >= 0)).toBe(true);
    expect(checkout < install && install < test && test < build && build < upload).toBe(true);
    expect(steps[checkout]!.with).toEqual({ 'fetch-depth': 0, 'persist-credentials': false });
    const pages = steps.find((s) => s.uses?.startsWith('actions/configure-pages@'))!;
    expect(steps[build]!.env).toEqual({ SITE: `\${{ steps.${pages.id}.outputs.origin }}`, BASE: `\${{ steps.${pages.id}.outputs.base_path }}` });
    expect(steps[upload]!.with).toEqual({ path: 'dist' });
  });

  it("keeps the build's caches between deploys, restored after npm ci and before the build", () => {
    const steps = workflow.jobs.build.steps as Step[];
    const cache = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
    expect(cache).toBeGreaterThan(steps.findIndex((s) => s.run === 'npm ci'));
    expect(cache).toBeLessThan(steps.findIndex((s) => s.run === 'npm run build'));
    // Where the PDF step and history keep theirs when PDF_CACHE and HISTORY_CACHE are not set.
    expect(steps[cache]!.with).toEqual({
      path: 'node_modules/.cache/improvement-report',
      key: 'improvement-report-${{ runner.os }}-${{ github.sha }}',
      'restore-keys': 'improvement-report-${{ runner.os }}-',
    });
    expect(steps.find((s) => s.run === 'npm run build')!.env).not.toHaveProperty('PDF_CACHE');
  });

  it('deploys after the build', () => {
    expect(workflow.jobs.deploy.needs).toBe('build');
    expect(workflow.jobs.deploy.environment.name).toBe('github-pages');
    expect((workflow.jobs.deploy.steps as Step[]).some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });
});
