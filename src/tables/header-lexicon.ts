import type { ColumnRole } from '../model/table.ts';

/**
 * Header words per column role, in the languages of the reports we receive (Kyrgyz, Mongolian,
 * Russian, Kazakh, English). Terms are matched case-insensitively as substrings of the header, so
 * stems (e.g. "аткаруучу") also cover inflected forms. OCR variants seen in real files are listed
 * beside the correct spelling. Longer, more specific terms win over shorter ones.
 */
export const HEADER_LEXICON: Readonly<Record<Exclude<ColumnRole, 'unknown'>, readonly string[]>> = {
  number: ['№', 'д/д', 'д/ д', 'п/п', 'р/с', 'no.', '#', 'n°', 'қ/с', 'к/с', 'Nº'],
  goal: [
    'стратегиялык максат', 'стратегическая цель', 'стратегиялық мақсат', 'strategic goal', 'strategic objective',
    'максат', 'цель', 'мақсат', 'goal', 'objective', 'priority', 'приоритет', 'стратегийн зорилт', 'зорилт',
  ],
  measure: [
    'коррупцияга каршы чара', 'антикоррупционная мера', 'арга хэмжээ', 'ага хэмжээ', 'чара', 'меры', 'мера', 'шара', 'measure',
  ],
  task: ['милдеттер', 'милдет', 'задачи', 'задача', 'міндет', 'даалгавар', 'task'],
  activity: ['иш-чара', 'иш чара', 'мероприяти', 'іс-шара', 'үйл ажиллагаа', 'activit', 'action'],
  responsible: [
    'аткаруучу', 'жооптуу', 'жоопкер', 'исполнител', 'ответственн', 'орындаушы', 'жауапты', 'хариуцах', 'хариуцагч',
    'гүйцэтгэгч', 'responsible', 'executor', 'implementing', 'lead agency',
  ],
  indicator: ['индикатор', 'көрсөткүч', 'показател', 'көрсеткіш', 'шалгуур үзүүлэлт', 'үзүүлэлт', 'indicator', 'kpi'],
  baseline: ['суурь түвшин', 'суурь', 'базов', 'базалык', 'baseline', 'исходн'],
  target: ['хүрэх түвшин', 'хурэх түвшин', 'целев', 'максаттуу', 'нысаналы', 'target', 'зорилтот түвшин'],
  actual: [
    'хүрсэн түвшин', 'хурсэн түвшин', 'биелэлт', 'гүйцэтгэлийн түвшин', 'гүйцэтгэлийн тувшин', 'фактическ', 'достигнут',
    'achieved', 'actual', 'жетишилген',
  ],
  expected: ['күтүлгөн натыйжа', 'ожидаем', 'күтілетін нәтиже', 'хүлээгдэж буй', 'expected result', 'expected output', 'outcome'],
  status: ['статус', 'status', 'төлөв', 'состояни', 'аткарылышы', 'орындалуы'],
  start: ['башталыш', 'дата начала', 'начало', 'эхлэх', 'эхэлсэн огноо', 'start'],
  end: ['аяктоо', 'дата окончания', 'окончани', 'дуусах', 'end date', 'deadline', 'мөөнөт', 'срок'],
  period: ['эхэлсэн, дууссан хугацаа', 'дууссан хугацаа', 'хугацаа', 'сроки исполнения', 'мерзімі', 'timeline', 'period', 'период'],
  score: ['балл', 'оценка', 'үнэлгээ', 'оноо', 'баа', 'score', 'rating', 'упай'],
  narrative: [
    'аткаруу жөнүндө маалымат', 'маалымат', 'информация о', 'ход исполнения', 'ақпарат', 'мэдээлэл', 'тайлбар',
    'progress', 'comment', 'remarks', 'примечани', 'эскертүү',
  ],
};

export interface LexiconMatch {
  role: ColumnRole;
  term: string;
  /** Where the term ends in the header: Turkic and Mongolian headers put the head noun last. */
  end: number;
}

/** All lexicon terms found in a header label. */
export function lexiconMatches(label: string): LexiconMatch[] {
  const lower = label.toLowerCase().replace(/\s+/g, ' ');
  const out: LexiconMatch[] = [];
  for (const [role, terms] of Object.entries(HEADER_LEXICON) as [ColumnRole, readonly string[]][]) {
    for (const term of terms) {
      const at = lower.lastIndexOf(term.toLowerCase());
      if (at >= 0) out.push({ role, term, end: at + term.length });
    }
  }
  return out;
}

/**
 * The role a header label names. The longest term wins (it is the most specific); among equally
 * long terms the one nearer the end wins, since in Kyrgyz and Mongolian the head noun comes last
 * ("Зорилтыг хэрэгжүүлэх арга хэмжээ" is a measure, not a goal).
 */
export function roleOfLabel(label: string): ColumnRole {
  const matches = lexiconMatches(label);
  if (matches.length === 0) return 'unknown';
  matches.sort((a, b) => b.term.length - a.term.length || b.end - a.end);
  return matches[0]?.role ?? 'unknown';
}
