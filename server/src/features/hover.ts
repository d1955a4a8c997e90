import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { AgencyAnnotation, DateAnnotation, Entity, QuoteAnnotation, TextSpan } from '../analysis/annotation';
import type { AnnotationIndex } from './annotationIndex';
import { describeDistance, describePublicationSource, describeResolution, describeTimexValue } from './dateDescription';
import type { NewsDocument } from './newsDocument';
import { quoteLabel, wordCount } from './quoteText';

export function hover(document: NewsDocument, index: AnnotationIndex, position: Position): Hover | null {
  const offset = document.offsetAt(position);
  const target = index.targetAt(offset);
  if (!target) return null;
  let markdown: string;
  let span: { start: number; end: number };
  if (target.kind === 'speaker') {
    span = target.speaker;
    markdown = speakerCard(index, target.speaker);
  } else if (target.kind === 'person') {
    span = target.mention;
    markdown = personCard(index, target.entity);
  } else {
    const annotation = target.annotation;
    span = annotation;
    if (annotation.type === 'agency') markdown = agencyCard(index, annotation);
    else if (annotation.type === 'date') markdown = dateCard(index, annotation);
    else markdown = quoteCard(annotation);
  }
  return {
    contents: { kind: MarkupKind.Markdown, value: markdown },
    range: { start: document.positionAt(span.start), end: document.positionAt(span.end) },
  };
}

function agencyCard(index: AnnotationIndex, agency: AgencyAnnotation): string {
  const mentions = index.mentionsOf(agency.canonical);
  const writtenAs = unique(mentions.map((m) => m.text)).filter((t) => t !== agency.canonical);
  const aliases = unique([...(agency.aliases ?? [])]).filter((a) => a !== agency.canonical && a !== agency.acronym);
  const entity = index.entityOfAgency(agency);
  const quotes = entity ? index.quotesOf(entity) : index.quotesBy(agency.canonical);
  const lines = [
    `**${escape(agency.canonical)}**${agency.acronym && agency.acronym !== agency.canonical ? ` (${escape(agency.acronym)})` : ''}`,
    '',
    `*${agency.category}*${agency.country ? ` · ${escape(agency.country)}` : ''} · agency`,
    '',
  ];
  if (aliases.length) lines.push(`Also known as: ${aliases.slice(0, 8).map(escape).join(', ')}`, '');
  if (writtenAs.length) lines.push(`Written here as: ${writtenAs.map(escape).join(', ')}`, '');
  lines.push(`Mentions in this article: ${mentions.length}`, '');
  lines.push(...quoteList(quotes, 'it'));
  lines.push('', `_recognised by ${sourceLabel(agency.source)}_`);
  return lines.join('\n');
}

function dateCard(index: AnnotationIndex, date: DateAnnotation): string {
  const publication = index.analysis.publicationDate;
  const distance = describeDistance(date.value, publication);
  return [
    `**${escape(describeTimexValue(date.value))}** · \`${date.value}\``,
    '',
    `Resolved: ${escape(describeResolution(date, publication))}`,
    '',
    distance ? `${capitalise(distance)}` : '',
    '',
    `Published: ${escape(describeTimexValue(publication.value))}${escape(describePublicationSource(publication))}`,
  ].filter((line, i, all) => line !== '' || (all[i - 1] ?? '') !== '').join('\n');
}

function quoteCard(quote: QuoteAnnotation): string {
  const who = quote.speaker
    ? `**${escape(quote.speaker.text)}**${quote.resolved && quote.resolved !== quote.speaker.text ? ` → ${escape(quote.resolved)}` : ''}`
    : quote.resolved
      ? `**${escape(quote.resolved)}**`
      : '_speaker not found_';
  const kind = quote.kind === 'post' ? 'embedded post' : quote.kind === 'partial' ? 'partial quote' : 'quote';
  return [
    `${capitalise(kind)} · ${who}`,
    '',
    quote.cue ? `Cue: *${escape(quote.cue)}*` : 'Cue: none found',
    '',
    `${wordCount(quote.text)} words`,
  ].join('\n');
}

/** A person of the article: who the text says they are, how it names them, and every quote credited to them. */
function personCard(index: AnnotationIndex, person: Entity): string {
  const lines = [`**${escape(person.name)}**`, '', `*person*${person.roles.length ? ` · ${person.roles.map(escape).join(', ')}` : ''}${person.age !== undefined ? ` · ${person.age}` : ''}`, ''];
  lines.push(`Mentions in this article: ${person.mentions.length}`, '');
  lines.push(...quoteList(index.quotesOf(person), person.gender === 'female' ? 'her' : person.gender === 'male' ? 'him' : 'them'));
  return lines.join('\n');
}

function quoteList(quotes: readonly QuoteAnnotation[], pronoun: string, heading = `Quotes credited to ${pronoun}`): string[] {
  if (!quotes.length) return [`No quotes credited to ${pronoun}.`];
  const lines = [`${heading} (${quotes.length}):`, ''];
  for (const quote of quotes.slice(0, 8)) lines.push(`- ${escape(quoteLabel(quote.text, 12))}`);
  if (quotes.length > 8) lines.push(`- … and ${quotes.length - 8} more`);
  return lines;
}

function speakerCard(index: AnnotationIndex, speaker: TextSpan): string {
  const quotes = index.quotesWithSpeakerAt(speaker.start, speaker.end);
  const resolved = quotes.find((q) => q.resolved)?.resolved;
  const entity = index.entity(quotes.find((q) => q.entity !== undefined)?.entity);
  const all = entity ? index.quotesOf(entity) : resolved ? index.quotesBy(resolved) : quotes;
  const lines = [
    `Speaker · **${escape(speaker.text)}**${resolved && resolved !== speaker.text ? ` → ${escape(resolved)}` : ''}`,
    '',
    `Said here: ${quotes.map((q) => escape(quoteLabel(q.text, 12))).join('; ')}`,
  ];
  if (resolved && all.length > quotes.length) {
    lines.push('', ...quoteList(all, escape(resolved), `All quotes credited to ${escape(resolved)} in this article`));
  }
  // A speaker that names an agency ("The German Aerospace Center (DLR) said") also gets the agency's card.
  const agency = index.agencies.find((a) => a.start >= speaker.start && a.end <= speaker.end);
  if (agency) lines.push('', '---', '', agencyCard(index, agency));
  return lines.join('\n');
}

function sourceLabel(source: AgencyAnnotation['source']): string {
  switch (source) {
    case 'lexicon':
      return 'the built-in agency list';
    case 'custom':
      return 'your custom agencies';
    case 'acronym-definition':
      return 'an acronym defined in this article';
    case 'pattern':
      return 'its name (suffix or context)';
    case 'nlp':
      return 'language analysis';
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Markdown metacharacters in article text must not turn into formatting or links. */
export function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}
