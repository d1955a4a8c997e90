/** The first words of a quote, for labels in the outline and hovers: "“The State Corporation will not…”". */
export function quoteLabel(quoteText: string, maxWords: number): string {
  const words = quoteText.replace(/\s+/g, ' ').trim().split(' ');
  const head = words.slice(0, maxWords).join(' ');
  return words.length > maxWords ? `${head}…` : head;
}

export function wordCount(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-]*/gu);
  return words ? words.length : 0;
}
