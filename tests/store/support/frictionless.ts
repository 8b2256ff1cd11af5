import { createRequire } from 'node:module';

/**
 * The Frictionless Data reference library for JavaScript (`datapackage`, with `tableschema`):
 * loads a descriptor, validates it against the Data Package profiles it ships (offline), and
 * reads each CSV resource casting every cell to its Table Schema type, checking constraints,
 * primary keys and foreign keys. CommonJS without types, hence this typed door.
 */
interface FrictionlessResource {
  name: string;
  valid: boolean;
  tabular: boolean;
  errors: unknown[];
  read(options: { keyed?: boolean; cast?: boolean; relations?: boolean }): Promise<Record<string, unknown>[]>;
}

interface FrictionlessPackage {
  valid: boolean;
  errors: unknown[];
  profile: { name: string };
  resources: FrictionlessResource[];
}

const require = createRequire(import.meta.url);
const { Package } = require('datapackage') as { Package: { load(path: string, options?: { strict?: boolean }): Promise<FrictionlessPackage> } };

export const loadDataPackage = (descriptorPath: string): Promise<FrictionlessPackage> => Package.load(descriptorPath, { strict: false });
