/**
 * The News view container: the Timeline, Who Said What and Agencies trees, and the commands of their title bars
 * and items (see `contributes.menus` in package.json).
 */
import * as vscode from 'vscode';
import type { NewsServer } from '../newsServer';
import { AgenciesView } from './agenciesView';
import { SpeakersView, type SpeakerNode } from './speakersView';
import type { TimelineScope } from './timelineScope';
import { TimelineView } from './timelineView';

export function registerNewsViews(server: NewsServer, scope: TimelineScope): vscode.Disposable {
  const timeline = new TimelineView(server, scope);
  const speakers = new SpeakersView(server);
  const agencies = new AgenciesView(server);
  return vscode.Disposable.from(
    timeline,
    speakers,
    agencies,
    vscode.commands.registerCommand('newsAnnotator.refreshViews', () => {
      timeline.refresh();
      speakers.refresh();
      agencies.refresh();
    }),
    vscode.commands.registerCommand('newsAnnotator.timeline.showWorkspace', () => scope.set('workspace')),
    vscode.commands.registerCommand('newsAnnotator.timeline.showArticle', () => scope.set('document')),
    vscode.commands.registerCommand('newsAnnotator.speakers.filter', async () => {
      const filter = await vscode.window.showInputBox({
        title: 'Who Said What: Filter',
        prompt: 'Speakers whose name, or quotes whose words, contain this text (any case). Empty: everything.',
        value: speakers.filter,
        placeHolder: 'e.g. roscosmos, minister, ceasefire',
      });
      if (filter !== undefined) speakers.setFilter(filter);
    }),
    vscode.commands.registerCommand('newsAnnotator.speakers.clearFilter', () => speakers.setFilter('')),
    vscode.commands.registerCommand('newsAnnotator.speakers.filterToSpeaker', (node: SpeakerNode | undefined) => {
      if (node?.kind === 'speaker') speakers.setFilter(node.speaker.name);
    }),
    vscode.commands.registerCommand('newsAnnotator.copyQuote', async (node: SpeakerNode | undefined) => {
      if (node?.kind !== 'quote') return;
      await vscode.env.clipboard.writeText(`${node.quote.preview} — ${node.speaker.name}, “${node.quote.articleTitle}”`);
    }),
  );
}
