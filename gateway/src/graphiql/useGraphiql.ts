import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { graphiqlAssetFiles } from './graphiqlAssetFiles';
import type { ExampleOperation } from './loadExampleOperations';
import { renderGraphiqlHtml } from './renderGraphiqlHtml';

/** Options of {@link useGraphiql}; every one has a default. */
export interface GraphiqlOptions {
  /**
   * URL GraphiQL sends operations to, as the browser sees it (same origin).
   * @default '/graphql'
   */
  endpoint?: string;
  /**
   * URL prefix where `graphiqlAssets()` is mounted. Mount the router at this same path.
   * @default '/graphiql/assets'
   */
  assetsPath?: string;
  /**
   * The page's `<title>`.
   * @default 'devgraph GraphiQL'
   */
  title?: string;
  /**
   * Operations opened as tabs on a first visit and listed in the "Examples" panel, usually
   * `await loadExampleOperations(dir)`.
   * @default []
   */
  operations?: readonly ExampleOperation[];
}

/**
 * Apollo Server plugin serving GraphiQL as the landing page: a browser's `GET /graphql`
 * (`Accept: text/html`) gets GraphiQL, every other request still reaches the API.
 *
 * How Apollo Server 5 picks the landing page: exactly one plugin may implement
 * `renderLandingPage` (returned from `serverWillStart`). Unless the plugin list holds
 * `ApolloServerPluginLandingPageDisabled()`, AS5 implicitly adds its own default (local or
 * production, by NODE_ENV); when more than one plugin renders a landing page the implicit one
 * is dropped, so adding this plugin alone replaces Apollo's page (which would load from
 * Apollo's CDN, useless offline). Giving another landing page plugin explicitly (e.g.
 * `ApolloServerPluginLandingPageLocalDefault()`) makes `server.start()` throw "Only one plugin
 * can implement renderLandingPage". `ApolloServerPluginLandingPageDisabled()` only stops the
 * implicit default: with this plugin present, GraphiQL is still served. To turn GraphiQL off,
 * leave this plugin out and pass `ApolloServerPluginLandingPageDisabled()` instead.
 *
 * The HTML is rendered once at start; the assets are resolved then too, so a missing package
 * fails the start rather than the first page view.
 */
export function useGraphiql<TContext extends BaseContext = BaseContext>(
  options: GraphiqlOptions = {},
): ApolloServerPlugin<TContext> {
  return {
    async serverWillStart() {
      const html = renderGraphiqlHtml(
        {
          endpoint: options.endpoint ?? '/graphql',
          assetsPath: options.assetsPath ?? '/graphiql/assets',
          title: options.title ?? 'devgraph GraphiQL',
          operations: options.operations ?? [],
        },
        graphiqlAssetFiles(),
      );
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
