/** Entry of `news-annotator-server`: the language server over --stdio, --node-ipc or --socket. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
