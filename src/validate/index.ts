import { finding } from '../model/finding.ts';
import { Report } from '../model/report.ts';
import { ruleFindings, VALIDATION_CODES } from './rules.ts';

/**
 * Checks a report against the zod schema and the rule set. Every problem becomes a finding; the
 * report itself is returned whole (validation never drops data). Idempotent: earlier validation
 * findings are replaced.
 */
export function validateReport(report: Report): Report {
  const kept = report.findings.filter((f) => !VALIDATION_CODES.has(f.code));
  const schema = Report.safeParse(report);
  const schemaFindings = schema.success
    ? []
    : schema.error.issues.map((issue) =>
        finding('SCHEMA_INVALID', 'error', `${issue.path.join('.') || '(root)'}: ${issue.message}`, { path: issue.path.join('.') }),
      );
  return { ...report, findings: [...kept, ...schemaFindings, ...ruleFindings(report)] };
}
