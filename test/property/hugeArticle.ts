/** Invented wire copy of any length, for the huge-input tests and for measuring them. */

const AGENCIES = ['NASA', 'Roscosmos', 'the European Space Agency', 'the German Aerospace Center (DLR)', 'Reuters', 'the Kremlin'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** The n-th paragraph of an endless invented wire story; every paragraph differs, so nothing is served from the memo. */
function paragraph(n: number): string {
  const agency = AGENCIES[n % AGENCIES.length];
  const other = AGENCIES[(n + 2) % AGENCIES.length];
  const date = `${MONTHS[n % 12]} ${1 + (n % 28)}, ${1990 + (n % 40)}`;
  const variants = [
    `${agency} said on ${WEEKDAYS[n % 5]} that experiment ${n} would move to a new module 🚀, ${other} told reporters.`,
    `“We will keep the crew safe through flight ${n},” a spokeswoman for ${agency} said in a statement dated ${date}.`,
    `The talks, first reported by ${other} last week, ended without a deal, according to ${agency}. Samples 𝒜-${n} stay in orbit.`,
    `« Nous continuons », a écrit ${agency} le ${date}; the statement (ref. ${n}) was deleted\r\nhours later, ${other} said.`,
    `"Payload ${n} is delayed until next month, ${agency} said. "It was not our choice," it added, citing sanctions imposed on ${date}.`,
  ];
  return variants[n % variants.length];
}

export function buildArticle(targetLength: number, separator: string): string {
  const parts: string[] = ['Space agencies review joint work', 'MOSCOW, March 3, 2022 (Reuters) -'];
  let length = parts[0].length + parts[1].length;
  for (let n = 0; length < targetLength; n++) {
    const next = paragraph(n);
    parts.push(next);
    length += next.length + separator.length;
  }
  return parts.join(separator);
}
