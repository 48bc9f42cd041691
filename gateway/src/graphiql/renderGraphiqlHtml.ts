import { GRAPHIQL_BOOT_SCRIPT, GRAPHIQL_CONFIG_ELEMENT_ID } from './graphiqlBootScript';
import type { GraphiqlAssets } from './graphiqlAssetFiles';
import type { ExampleOperation } from './loadExampleOperations';
import { serializeForScriptTag } from './serializeForScriptTag';

/** Everything the page needs, defaults already applied (see `useGraphiql`). */
export interface GraphiqlPage {
  readonly endpoint: string;
  readonly assetsPath: string;
  readonly title: string;
  readonly operations: readonly ExampleOperation[];
}

/**
 * The GraphiQL HTML page. It loads only the local assets under `assetsPath`; the favicon is an
 * empty data URL so the browser does not even ask for `/favicon.ico`.
 */
export function renderGraphiqlHtml(page: GraphiqlPage, assets: GraphiqlAssets): string {
  const prefix = page.assetsPath.replace(/\/+$/, '');
  const url = (a: { urlPath: string }): string => escapeHtml(`${prefix}/${a.urlPath}`);
  const config = {
    endpoint: page.endpoint,
    examples: page.operations.map(({ title, query }) => ({ title, query })),
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(page.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${url(assets.graphiqlCss)}">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${url(assets.react)}"></script>
<script src="${url(assets.reactDom)}"></script>
<script src="${url(assets.graphiql)}"></script>
<script type="application/json" id="${GRAPHIQL_CONFIG_ELEMENT_ID}">${serializeForScriptTag(config)}</script>
<script>${GRAPHIQL_BOOT_SCRIPT}</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
