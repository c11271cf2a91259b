/**
 * The close-down table as the document prints it (see content/reports/phase-2-close-down/transcription.md):
 * the rows in order with their theme, colour code and new phase(s). The build
 * tests check the built site against this list, written out from the source
 * document (shared/seeds/improvement-plan-close-down.txt), independently of the
 * content files. The colour codes are the transcription's inferences (the
 * source text has no colours).
 */
export const REPORT = 'phase-2-close-down';

/** The title as the document prints it (a hyphen, not a dash). */
export const EXPECTED_TITLE = 'Improvement Plan (BVN 2023) - Close down of activity';

/** The document's own words above the table (its typos "1, Strateguc" and "Culural" fixed). */
export const EXPECTED_INTRODUCTION = [
  'Phase 3 Improvement Plan themes to address the concerns set out in the Best Value Notice January 2024:',
  'Strategic ambitions and priorities',
  'Cultural change for members and officers',
  'Continuous Improvement',
];

/** The document's note beside the legend. */
export const EXPECTED_NOTE = 'Partnership working will go across all three improvement themes';

/** What the site must tell readers (and printouts) about the colour codes: they are inferred. */
export const INFERRED_STATUS = /colour of each row is inferred/i;

/** Colour code id → label, in the document's order. */
export const EXPECTED_LEGEND: Record<string, string> = {
  'completed-directorate-plans': 'Completed and any future review to be located in Directorate plans',
  'completed-no-further-action': 'Completed - no further action',
  'move-to-phase-3': 'Move to Improvement plan phase 3',
  'moving-to-directorate-plans': 'Moving to Directorate Plans',
};

const G = ['Governance & Decision Making', 'governance-and-decision-making'] as const;
const P = ['Project, Plans and Delivery', 'project-plans-and-delivery'] as const;
const PR = ['Procurement', 'procurement'] as const;
const PA = ['Partnerships', 'partnerships'] as const;
const C = ['Confidence, culture and capacity', 'confidence-culture-and-capacity'] as const;

type Row = { id: string; title: string; theme: string; themeId: string; status: string; next: string[] };
const row = (id: string, title: string, [theme, themeId]: readonly [string, string], status: string, next: string | string[]): Row => ({ id, title, theme, themeId, status, next: [next].flat() });

export const EXPECTED_ROWS: Row[] = [
  row('revise-embed-constitution-and-governance', 'Revise/embed Constitution & Governance improvements.', G, 'move-to-phase-3', 'continuous-improvement'),
  row('recruitment', 'Recruitment', G, 'completed-directorate-plans', 'directorate-business-plan-2024-25'),
  row('independent-councillor-committee-representation', 'Independent Councillor committee representation', G, 'completed-no-further-action', 'no-further-action'),
  row('clarity-on-process-to-maximise-income', 'Clarity on process to be followed to maximise income', G, 'moving-to-directorate-plans', 'directorate-business-plan-2024-25'),
  row('investment-and-resources-for-future-devo-deals', 'Investment and resources in place to support and maximise future Devo deals for the CA area.', G, 'completed-no-further-action', 'no-further-action'),
  row('performance-management-framework', 'Performance Management (Framework)', P, 'move-to-phase-3', 'continuous-improvement'),
  row('risk-management-framework', 'Risk Management (Framework)', P, 'move-to-phase-3', 'continuous-improvement'),
  row('quality-standards-raised', 'Quality standards raised across CPCA and constituent authorities', P, 'move-to-phase-3', 'continuous-improvement'),
  row('project-management-best-practice', 'Project management best practice culture, training, and standards in support of SAF', P, 'move-to-phase-3', 'continuous-improvement'),
  row('overview-of-performance', 'Provide CPCA and partners a comprehensive overview of performance.', P, 'moving-to-directorate-plans', 'directorate-business-plan-2024-25'),
  // One row with two New Phase cells.
  row('review-procurement-strategy', 'Review procurement strategy, policy, operations, and compliance', PR, 'moving-to-directorate-plans', ['directorate-business-plan-2024-25', 'continuous-improvement']),
  row('scoping-exercise', 'Scoping exercise (for CPCA & Constituent Authorities)', PA, 'completed-directorate-plans', 'directorate-business-plan-2024-25'),
  row('cross-authority-collaboration-action-plan', 'Develop an action plan to maximise the culture of cross authority collaboration and partnership working to include:', PA, 'move-to-phase-3', 'cultural-change'),
  row('wider-partnership-working-mapping-exercise', 'For wider partnership working: Mapping exercise required to understand the sub-region:', PA, 'move-to-phase-3', 'cultural-change'),
  row('review-of-key-strategies', 'Review of key strategies and their delivery arrangements:', PA, 'moving-to-directorate-plans', 'directorate-business-plan-2024-25'),
  row('ambition-and-priorities', 'Ambition and priorities', PA, 'move-to-phase-3', 'strategic-ambitions-and-priorities'),
  row('development-of-future-programme', 'Development of future programme', PA, 'move-to-phase-3', 'cultural-change'),
  row('values-and-behaviours', 'Values and Behaviours', C, 'move-to-phase-3', 'cultural-change'),
  row('leadership', 'Leadership / Officer & Member behaviours', C, 'moving-to-directorate-plans', 'directorate-business-plan-2024-25'),
  row('recruitment-retention-reward-and-resources', 'Recruitment, Retention, Reward & Resources', C, 'moving-to-directorate-plans', 'directorate-business-plan-2024-25'),
];
