/** The queues, in the order a document passes through them. */
export const STAGES = ['parse', 'validate', 'store'] as const;
export type StageName = (typeof STAGES)[number];

/** Queue names are fixed; deployments and tests separate themselves with the key prefix. */
export function queueName(stage: StageName): string {
  return `reportmill-${stage}`;
}
