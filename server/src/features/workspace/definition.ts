import type { Location } from 'vscode-languageserver';
import type { ArticleSummary } from '../../workspace/articleSummary';
import { rangeIn } from '../../workspace/articleSummary';
import { declarationOf, entityKey, targetAt } from './articleTargets';

/** F12 on a mention: its entity's first full mention in this article. */
export function definition(summary: ArticleSummary, offset: number): Location | null {
  const target = targetAt(summary, offset);
  if (!target || target.type !== 'entity') return null;
  // A speaker resolved to a name has no entity of its own: the article may still name it elsewhere.
  const key = entityKey(target.kind, target.name);
  const entity = target.entity ?? summary.entities.find((candidate) => entityKey(candidate.kind, candidate.name) === key);
  const declaration = entity && declarationOf(entity);
  return declaration ? { uri: summary.uri, range: rangeIn(summary, declaration) } : null;
}
