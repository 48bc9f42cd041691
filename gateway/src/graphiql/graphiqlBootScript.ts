/** Id of the `<script type="application/json">` element the boot script reads its config from. */
export const GRAPHIQL_CONFIG_ELEMENT_ID = 'graphiql-config';

/** sessionStorage key of the token the "Token" panel keeps for this tab. */
export const GRAPHIQL_TOKEN_STORAGE_KEY = 'devgraph.graphiql.token';

/**
 * The page's inline script: mounts GraphiQL from the UMD globals (`React`, `ReactDOM`,
 * `GraphiQL`, the last also carrying `createFetcher` and `React` = `@graphiql/react`).
 *
 * It is constant text: everything that varies (endpoint, examples) comes from the JSON config
 * element, so no value is ever spliced into JavaScript source. Plain ES2017, run as-is.
 *
 * Why an "Examples" sidebar panel on top of `defaultTabs`: GraphiQL 4 tabs have no title of
 * their own (the label is the operation name), and `defaultTabs` is used only when no tab state
 * is persisted in localStorage, so a returning user would never see new examples. The panel
 * lists every example by title at every visit and opens one in a tab on click.
 *
 * Why a "Token" panel: a browser opening GraphiQL cannot send a token, but every operation it
 * runs can. The token is kept in sessionStorage (this tab only, gone when it closes; never in
 * the URL, never in localStorage where GraphiQL persists headers) and sent as
 * `Authorization: Bearer <token>` unless the Headers editor sets an Authorization itself.
 */
export const GRAPHIQL_BOOT_SCRIPT = `
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('${GRAPHIQL_CONFIG_ELEMENT_ID}').textContent);
  var h = React.createElement;
  var examples = config.examples;

  function ExamplesIcon() {
    return h('svg', { viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, 'aria-hidden': 'true' },
      h('path', { d: 'M5 4h11l3 3v13H5z M8 10h8 M8 14h8 M8 18h5' }));
  }

  function ExamplesPanel() {
    var editor = GraphiQL.React.useEditorContext({ nonNull: true });
    function open(example) {
      var index = editor.tabs.findIndex(function (tab) { return tab.query === example.query; });
      if (index >= 0) { editor.changeTab(index); return; }
      var queryEditor = editor.queryEditor;
      editor.addTab();
      // addTab writes the default query into the editor from a state update: write after it.
      setTimeout(function () { if (queryEditor) queryEditor.setValue(example.query); }, 0);
    }
    return h('section', { 'aria-label': 'Examples' },
      h('div', { className: 'graphiql-doc-explorer-title' }, 'Examples'),
      examples.length === 0 ? h('p', null, 'No example operations.') :
      h('ul', { style: { listStyle: 'none', padding: 0 } }, examples.map(function (example, i) {
        return h('li', { key: i },
          h('button', { type: 'button', className: 'graphiql-un-styled', style: { padding: '6px 0', textAlign: 'left' },
            onClick: function () { open(example); } }, example.title));
      })));
  }

  var TOKEN_KEY = '${GRAPHIQL_TOKEN_STORAGE_KEY}';
  function readToken() {
    try { return window.sessionStorage.getItem(TOKEN_KEY) || ''; } catch (e) { return ''; }
  }
  function writeToken(value) {
    try {
      if (value) window.sessionStorage.setItem(TOKEN_KEY, value); else window.sessionStorage.removeItem(TOKEN_KEY);
    } catch (e) { /* storage disabled: the token lives only in the field */ }
  }

  function TokenIcon() {
    return h('svg', { viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, 'aria-hidden': 'true' },
      h('path', { d: 'M14 10a4 4 0 1 0-3.5 4l1.5 1.5h2v2h2v2h3v-3l-5.5-5.5z' }));
  }

  function TokenPanel() {
    var state = React.useState(readToken());
    var token = state[0];
    var setToken = state[1];
    return h('section', { 'aria-label': 'Token' },
      h('div', { className: 'graphiql-doc-explorer-title' }, 'Token'),
      h('p', null, 'Sent as Authorization: Bearer <token> with every operation. Kept in this tab only (sessionStorage).'),
      h('input', { type: 'password', id: 'devgraph-token', autoComplete: 'off', spellCheck: false, value: token,
        placeholder: 'paste a JWT or an API key', style: { width: '100%' },
        onChange: function (event) { setToken(event.target.value); writeToken(event.target.value.trim()); } }));
  }

  var baseFetcher = GraphiQL.createFetcher({ url: config.endpoint });
  function fetcher(params, options) {
    var token = readToken();
    var headers = Object.assign({}, options && options.headers);
    var hasAuthorization = Object.keys(headers).some(function (name) { return name.toLowerCase() === 'authorization'; });
    if (token && !hasAuthorization) headers.Authorization = 'Bearer ' + token;
    return baseFetcher(params, Object.assign({}, options, { headers: headers }));
  }

  var props = {
    fetcher: fetcher,
    plugins: [
      { title: 'Examples', icon: ExamplesIcon, content: ExamplesPanel },
      { title: 'Token', icon: TokenIcon, content: TokenPanel }
    ]
  };
  if (examples.length > 0) {
    props.defaultTabs = examples.map(function (example) { return { query: example.query }; });
  }
  ReactDOM.createRoot(document.getElementById('graphiql')).render(h(GraphiQL, props));
})();
`;
