import type { DocTree } from '../model/doc-tree.ts';
import type { Finding } from '../model/finding.ts';
import type { Goal, Measure, Quantity } from '../model/report.ts';
import type { LogicalTable } from '../tables/index.ts';
import { cellText, type WorkCell } from '../tables/work-table.ts';
import { readGoal } from './goal-reader.ts';
import { readHeading, type DocumentHeading } from './heading-reader.ts';
import { mainTextColumn } from '../tables/column-model.ts';
import { buildMeasure } from './measure-builder.ts';
import { narrativeQuantities } from './measure-quantities.ts';

export interface Extraction extends DocumentHeading {
  goals: Goal[];
  measures: Measure[];
  /** Quantities in prose outside the tables. */
  quantities: Quantity[];
  findings: Finding[];
}

/**
 * Table rows → goals and measures. One logical row is one measure. Goals come from group rows
 * ("Зорилт 1 …") or from a goal column whose merged cells cover their measures.
 */
export function extractReport(doc: DocTree, tables: readonly LogicalTable[], language = 'und'): Extraction {
  const heading = readHeading(doc, language);
  const goals: Goal[] = [];
  const measures: Measure[] = [];
  const findings: Finding[] = [];
  for (const table of tables) {
    const mainCol = mainTextColumn(table.model.roles);
    if (mainCol === null) continue;
    const goalOfCell = new Map<WorkCell, string>();
    let currentGroupGoal: string | null = null;
    table.rows.forEach((row, r) => {
      if (row.group) {
        const id = `g${goals.length + 1}`;
        goals.push(readGoal(id, cellText(row.cells[0] as WorkCell)));
        currentGroupGoal = id;
        return;
      }
      const draft = buildMeasure(table, r, mainCol, language);
      findings.push(...draft.findings);
      let goalId: string | null = currentGroupGoal;
      const goalCell = draft.goalCell;
      if (goalCell && cellText(goalCell)) {
        goalId = goalOfCell.get(goalCell) ?? null;
        if (goalId === null) {
          goalId = `g${goals.length + 1}`;
          goals.push(readGoal(goalId, cellText(goalCell)));
          goalOfCell.set(goalCell, goalId);
        }
      }
      measures.push({ id: `m${measures.length + 1}`, goalId, ...draft.measure });
    });
  }
  return { ...heading, goals, measures, quantities: narrativeQuantities(doc.blocks, language), findings };
}
