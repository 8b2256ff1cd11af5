import { readQuantities, type QuantityReading } from './quantity-reader.ts';

/**
 * Quantities in a text, verbatim and as numbers: `2 078 967 сом` → 2078967 «сом», `8 журмыг` →
 * 8 «журам». Kept for callers of the first version; `readQuantities` takes the text's language.
 */
export function findQuantities(text: string, language?: string): QuantityReading[] {
  return readQuantities(text, language === undefined ? {} : { language });
}
