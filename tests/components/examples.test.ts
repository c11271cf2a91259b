/**
 * Every example of every component (src/components/**\/<Name>.examples.ts),
 * rendered with Astro's Container API from the fixture in
 * tests/fixtures/components, whose legend id `panel` was the name of a layout
 * class (.status-panel) when legend classes were `status-<id>`.
 */
import { load as cheerio } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { LEGEND_CLASS_PREFIX, legendClass } from '../../src/core/legend-class.ts';
import { statuses } from '../../src/core/schema.ts';
import { context } from './fixture.ts';
import { componentPaths, example, exampled, render } from './render.ts';

const legendIds = new Set([context.plan, context.staged].flatMap((r) => statuses(r).map((s) => s.id)));

describe('component examples', () => {
  it('every component in a folder of its own has examples', () => {
    const own = componentPaths.filter((p) => /^([^/]+)\/\1\.astro$/.test(p));
    expect(own.length).toBeGreaterThan(10);
    expect(own.filter((p) => !exampled.some((e) => e.name === p))).toEqual([]);
  });

  for (const { name, component, examples } of exampled) {
    describe(name, () => {
      for (const [title, props] of Object.entries(examples)) {
        it(`${title}: renders, legend colours only as legend--<id>, never colour alone, links that lead somewhere`, async () => {
          const $ = await render(component, props(context));
          expect($.root().text().trim().length + $('template').length, 'renders something').toBeGreaterThan(0);
          $('[class]').each((_, el) => {
            for (const c of $(el).attr('class')!.split(/\s+/)) {
              if (c.startsWith(LEGEND_CLASS_PREFIX)) expect(legendIds.has(c.slice(LEGEND_CLASS_PREFIX.length)), c).toBe(true);
              // The old scheme (status-<id>) is gone: no class is made from a legend id any other way.
              expect(c === 'status-panel' || !c.startsWith('status-'), c).toBe(true);
            }
          });
          // Colour is never the only signal: whatever carries a legend colour shows a symbol and words.
          $(`[class*="${LEGEND_CLASS_PREFIX}"]`).each((_, el) => {
            const $el = $(el);
            const words = $el.is('.bar') ? $el.closest('tr').text() : $el.text();
            expect($el.is('.bar') || $el.find('.tag__symbol').text().trim() !== '' || $el.children('.tag__symbol').text().trim() !== '', $.html(el)).toBe(true);
            expect(words.trim(), $.html(el)).not.toBe('');
          });
          $('a').each((_, a) => {
            expect($(a).attr('href'), $.html(a)).toMatch(/^(\/|https:\/\/|#|mailto:[^@\s]+@)/);
            expect($(a).text().trim(), $.html(a)).not.toBe('');
          });
        });
      }
    });
  }
});

describe('StatusTag', () => {
  it('is the legend colour, the symbol and the label, with the status field’s name for screen readers', async () => {
    const $ = await example('StatusTag/StatusTag.astro', 'a status');
    expect($('strong').attr('class')).toBe('tag legend--moving');
    expect($('.tag__symbol').attr('aria-hidden')).toBe('true');
    expect($('.tag__symbol').text()).toBe('■');
    expect($('.tag__label').text()).toBe('Colour code: Moving on');
    expect($('.tag__label .visually-hidden').text()).toBe('Colour code: ');
  });

  it('links to its status page; a legend id that was a layout class’s name gets a class of its own', async () => {
    const $ = await example('StatusTag/StatusTag.astro', 'linked to the page of its entries');
    expect($('a').attr('href')).toBe('/sample/status/panel/');
    expect($('a').attr('class')).toBe(`tag ${legendClass('panel')}`);
    expect($('.status-panel').length).toBe(0);
  });

  it('names the stage of a colour inside one', async () => {
    const $ = await example('StatusTag/StatusTag.astro', 'a colour inside a stage');
    expect($('.tag').hasClass('legend--amber')).toBe(true);
    expect($('.tag__label').text()).toMatch(/In progress.*Amber – at risk/);
  });

  it('renders the empty tag the search script clones, inside a <template>', async () => {
    const $ = await example('StatusTag/StatusTag.astro', 'the empty tag the search script clones');
    const inner = cheerio(($('template[data-status-tag]').html() ?? ''));
    expect(inner('strong.tag').length).toBe(1);
    expect(inner('strong.tag').attr('class')).toBe('tag');
    expect(inner('.tag__symbol').length + inner('.tag__label .visually-hidden').length).toBe(2);
    expect(inner.root().text()).toBe('');
  });
});

describe('Legend', () => {
  it('lists each colour with its class, symbol, label, link and count', async () => {
    const $ = await example('Legend/Legend.astro', 'each colour with its count');
    const done = $('li[data-legend="panel"]');
    expect(done.attr('class')).toBe('legend--panel');
    expect(done.find('.tag__symbol').text()).toBe('●');
    expect(done.find('a').attr('href')).toBe('/sample/status/panel/');
    expect(done.find('a').text()).toBe('Done');
    expect(done.find('.legend__count').text()).toBe('(1 action)');
    expect($('li[data-legend="moving"] .legend__count').text()).toBe('(2 actions)');
    expect($('h2').text()).toBe('Colour code');
  });

  it('puts a stage’s colours under it', async () => {
    const $ = await example('Legend/Legend.astro', 'stages holding colours, under a smaller heading');
    expect($('h3').length).toBe(1);
    const stage = $('li.legend__stage[data-stage="in-progress"]');
    expect(stage.find('li[data-legend]').map((_, li) => $(li).attr('class')).get()).toEqual(['legend--green', 'legend--amber', 'legend--red']);
  });
});

describe('EntryView', () => {
  it('colours the status panel with the legend class, and nothing else takes the layout’s class', async () => {
    const $ = await example('EntryView/EntryView.astro', 'an entry with a status, evidence and neighbours');
    expect($('.status-panel').length).toBe(1);
    expect($('.status-panel').attr('class')).toBe('status-panel legend--panel');
    expect($('.status-panel .tag').attr('class')).toBe('tag legend--panel');
    expect($('h1').text()).toContain('Alpha action');
    expect($('.evidence-list a').attr('href')).toBe('https://example.org/board-paper.pdf');
    expect($('.pager a[rel]').map((_, a) => $(a).attr('rel')).get().length).toBeGreaterThan(0);
  });
});

describe('PlanTable', () => {
  it('colours each row, gives it a tag, and groups rows under their theme', async () => {
    const $ = await example('PlanTable/PlanTable.astro', 'every column, rows grouped');
    expect($('tr.entry-row').map((_, tr) => $(tr).attr('class')).get()).toEqual(['entry-row legend--moving', 'entry-row legend--moving', 'entry-row legend--panel']);
    expect($('tr.entry-row').map((_, tr) => $(tr).find('.tag__label').text()).get()).toEqual(['Colour code: Moving on', 'Colour code: Moving on', 'Colour code: Done']);
    expect($('tr.theme-row a').map((_, a) => $(a).attr('href')).get()).toEqual(['/sample/themes/second-theme/', '/sample/themes/first-theme/']);
  });

  it('leaves out the group rows, and on screen the sections kept for entry pages, on a facet page', async () => {
    const $ = await example('PlanTable/PlanTable.astro', 'a facet page’s table, without group rows');
    expect($('tr.theme-row').length).toBe(0);
    expect($('tr.entry-row').length).toBe(2);
    // The sections kept for entry pages are printed only (print.css hides .print-only on screen).
    expect($('th[data-section="undertaken"]').attr('class')).toBe('print-only');
    expect($('th[data-section="outstanding"]').attr('class')).toBeUndefined();
  });
});

describe('Summary', () => {
  it('draws status bars in the legend colours and other facets’ bars neutral, each with its number', async () => {
    const $ = await example('Summary/Summary.astro', 'progress and a bar chart per summary facet');
    expect($('[data-progress]').text()).toMatch(/1 of 3/);
    const statusBars = $('table[data-summary="status"] .bar');
    expect(statusBars.map((_, b) => $(b).attr('class')!.split(' ').find((c) => c.startsWith('legend--'))).get()).toEqual(['legend--panel', 'legend--moving']);
    expect($('table[data-summary]:not([data-summary="status"]) .bar').filter((_, b) => !$(b).hasClass('bar--neutral')).length).toBe(0);
  });
});

describe('small components', () => {
  it('Breadcrumbs: links in order, in a labelled navigation', async () => {
    const $ = await example('Breadcrumbs/Breadcrumbs.astro', 'the report and a theme');
    expect($('nav.breadcrumbs').attr('aria-label')).toBe('Breadcrumb');
    expect($('a').map((_, a) => $(a).attr('href')).get()).toEqual(['/sample/', '/sample/themes/first-theme/']);
  });

  it('EvidenceList: a link and a date; a document without a link is named, with its note', async () => {
    let $ = await example('EvidenceList/EvidenceList.astro', 'a document with a link and a date');
    expect($('a').attr('href')).toBe('https://example.org/board-paper.pdf');
    expect($('time').attr('datetime')).toBe('2023-03-23');
    $ = await example('EvidenceList/EvidenceList.astro', 'a document without a link');
    expect($('a').length).toBe(0);
    expect($('li').text()).toBe('Minutes of the March meeting – held by the clerk');
  });

  it('FieldValue: a choice links to its facet page, with the plan’s words; a status is a tag in the table, words on its page', async () => {
    let $ = await example('FieldValue/FieldValue.astro', 'a choice in a table cell, with the plan’s own words');
    expect($('.field-value a').attr('href')).toBe('/sample/next/later/');
    expect($('.field-value').text()).toContain('Later');
    $ = await example('FieldValue/FieldValue.astro', 'a status in a table cell: a tag');
    expect($('.tag').attr('class')).toBe('tag legend--panel');
    $ = await example('FieldValue/FieldValue.astro', 'a status on an entry page: words (the page’s status panel has the tag)');
    expect($('.tag').length).toBe(0);
    expect($('.field-value').text()).toBe('Done');
  });

  it('BrowseViews: a link to every value of every facet', async () => {
    const $ = await example('BrowseViews/BrowseViews.astro', 'every facet of a report');
    const links = $('a').map((_, a) => $(a).attr('href')).get();
    expect(links).toContain('/sample/status/panel/');
    expect(links).toContain('/sample/themes/first-theme/');
  });

  it('TableFilter: one choice per facet, hidden until the script runs', async () => {
    const $ = await example('TableFilter/TableFilter.astro', 'a filter per facet');
    expect($('select').map((_, s) => $(s).attr('name')).get()).toEqual(['theme', 'status', 'next_phase']);
    expect($('[hidden]').length).toBeGreaterThan(0);
  });

  it('Search: a form that works without the script, and the tag template for results', async () => {
    const $ = await example('Search/Search.astro', 'the search form, its results list and the tag template');
    expect($('form').attr('action')).toBe('/search/');
    expect($('[data-search] template[data-status-tag]').length).toBe(1);
    expect($('[data-search-fallback] a[href="/sample/status/panel/"]').length).toBe(1);
  });

  it('HistoryStatus: a status the legend no longer has is its id, dashed, with no colour', async () => {
    const $ = await example('history/HistoryStatus.astro', 'a status the legend no longer has');
    expect($('strong').attr('class')).toBe('tag tag--unknown');
    expect($('strong').text()).toContain('retired');
    expect((await example('history/HistoryStatus.astro', 'no status in that edition'))('.none').length).toBe(1);
  });

  it('HistoryStatus: the markup made once per status (status-html.ts) is StatusTag’s, for every status of both legends', async () => {
    const statusTag = exampled.find((e) => e.name === 'StatusTag/StatusTag.astro')!.component;
    const historyStatus = exampled.find((e) => e.name === 'history/HistoryStatus.astro')!.component;
    let compared = 0;
    for (const report of [context.plan, context.staged]) {
      for (const { id } of statuses(report)) {
        const tag = (await render(statusTag, { report, status: id })).html();
        expect(tag).toContain(`data-status="${id}"`);
        expect((await render(historyStatus, { report, status: id })).html()).toBe(tag);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5);
  });
});

describe('AccessibilityStatement', () => {
  const C = 'AccessibilityStatement.astro';
  const text = ($: Awaited<ReturnType<typeof example>>, selector: string) => $(selector).text().replace(/\s+/g, ' ').trim();

  it('says the glossary explains every abbreviation only when it lists none as not explained', async () => {
    const some = await example(C, 'nothing provided yet, some abbreviations not explained');
    expect(text(some, '[data-simple]')).not.toContain('every abbreviation');
    expect(text(some, '[data-simple]')).toContain('except a few whose meaning the plan does not give: it lists those as not explained');
    const all = await example(C, 'partially compliant with its known issues, a contact and dates, every abbreviation explained');
    expect(text(all, '[data-simple]')).toContain('every abbreviation is explained in the glossary');
    for (const $ of [some, all]) expect($('[data-simple] a').attr('href')).toBe('/glossary/');
  });

  it('gives "partially compliant" the reason the page shows: the issues listed above, or no review yet', async () => {
    const none = await example(C, 'nothing provided yet, some abbreviations not explained');
    expect(none('[data-known-issues]').length).toBe(0);
    expect(text(none, '[data-compliance]')).toContain('partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard until it has been reviewed');
    expect(text(none, '[data-compliance]')).not.toContain('listed');
    const listed = await example(C, 'partially compliant with its known issues, a contact and dates, every abbreviation explained');
    expect(listed('[data-known-issues] li').length).toBe(1);
    // The issues come before the compliance status that points up to them.
    expect(listed.html().indexOf('data-known-issues')).toBeLessThan(listed.html().indexOf('data-compliance'));
    expect(text(listed, '[data-compliance]')).toBe('This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed above.');
    const full = await example(C, 'fully compliant after its review');
    expect(text(full, '[data-compliance]')).toBe('This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.');
  });

  it('says how the pages are tested, and when, without claiming every build is tested', async () => {
    for (const title of ['nothing provided yet, some abbreviations not explained', 'fully compliant after its review']) {
      const $ = await example(C, title);
      const testing = text($, '[data-testing]');
      expect(testing).toContain('workflow for publishing on GitHub Pages runs these tests before each publication');
      expect(testing).toContain('axe-core');
      expect($.root().text()).not.toMatch(/each time the site is built/);
    }
  });
});
