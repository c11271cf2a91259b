/**
 * html-validate configuration for the built site (tests/browser/quality.test.ts
 * validates every page in dist/). The recommended rules, with these turned off:
 */
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // Page titles are "<entry title> – <site title>", and entry titles are the plan's own
    // wording, which the site must not shorten: some are longer than 70 characters.
    'long-title': 'off',
  },
};
