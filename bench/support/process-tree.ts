import { readFileSync } from 'node:fs';

/** Resident memory of one process, kB (0 once it has exited). Linux /proc only, as the benches are. */
export function residentKb(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Resident memory of a process and all its descendants (parse processes count), kB. */
export function treeKb(pid: number): number {
  return residentKb(pid) + childrenOf(pid).reduce((sum, child) => sum + treeKb(child), 0);
}
