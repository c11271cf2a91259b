/**
 * The post-build steps, in order: the PDF first (it fills in the report page's
 * link to it), then the search index over the finished pages. Shared by
 * astro.config.mjs and `npm run build`, which runs them in a process of its own.
 */
import { pagefindStep } from './pagefind.ts';
import { pdfStep } from './pdf/step.ts';
import type { PostBuildStep } from './post-build.ts';

export const postBuildSteps: PostBuildStep[] = [pdfStep, pagefindStep];
