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
  it('is valid YAML with the permissions Pages needs', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
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
    expect(steps[checkout]!.with).toEqual({ 'fetch-depth': 0 });
    const pages = steps.find((s) => s.uses?.startsWith('actions/configure-pages@'))!;
    expect(steps[build]!.env).toEqual({ SITE: `\${{ steps.${pages.id}.outputs.origin }}`, BASE: `\${{ steps.${pages.id}.outputs.base_path }}` });
    expect(steps[upload]!.with).toEqual({ path: 'dist' });
  });

  it('deploys after the build', () => {
    expect(workflow.jobs.deploy.needs).toBe('build');
    expect(workflow.jobs.deploy.environment.name).toBe('github-pages');
    expect((workflow.jobs.deploy.steps as Step[]).some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });
});
