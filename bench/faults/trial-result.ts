/** One figure a trial printed: what was measured, the value, what it must be, and whether it holds. */
export interface TrialFigure {
  name: string;
  figure: string;
  mustBe: string;
  pass: boolean;
  /** Extra lines printed under the figure (breakdowns, what was used). */
  notes?: string[];
}

/** One line per figure: `name | figure | must be … | PASS`, with its notes indented below. */
export function formatFigure(figure: TrialFigure): string {
  const head = `${figure.name} | ${figure.figure} | must be ${figure.mustBe} | ${figure.pass ? 'PASS' : 'FAIL'}`;
  return [head, ...(figure.notes ?? []).map((note) => `    ${note}`)].join('\n');
}
