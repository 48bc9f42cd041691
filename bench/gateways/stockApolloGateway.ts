/**
 * "Stock Apollo" of the side-by-side benchmark: the few lines a user would write to serve a
 * composed supergraph with `@apollo/server` and `@apollo/gateway`, defaults everywhere, nothing
 * added. The benchmark compiles it to JavaScript first (compileStockApollo.ts), as devgraph's
 * gateway is compiled, so no TypeScript loader sits on its hot path.
 * Usage: node stockApolloGateway.js <supergraph.graphql> <port>
 */
import fs from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

async function main() {
  const [supergraphPath, port] = process.argv.slice(2);
  if (!supergraphPath || !port) throw new Error('usage: node stockApolloGateway.js <supergraph.graphql> <port>');
  const gateway = new ApolloGateway({ supergraphSdl: fs.readFileSync(supergraphPath, 'utf8') });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: Number(port) } });
  console.log(`stock Apollo gateway at ${url}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
