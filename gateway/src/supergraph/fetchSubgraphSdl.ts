/** The query every federation subgraph answers with its own schema. */
const SERVICE_SDL_QUERY = 'query __ApolloGetServiceDefinition__ { _service { sdl } }';

/** Ask one running subgraph for its SDL; throws a short reason fit for a log line. */
export async function fetchSubgraphSdl(url: string, timeoutMs: number): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SERVICE_SDL_QUERY }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new Error(`not reachable (${cause})`);
  }
  if (!response.ok) throw new Error(`answered HTTP ${response.status}`);
  const body = (await response.json()) as { data?: { _service?: { sdl?: string } }; errors?: { message: string }[] };
  const sdl = body.data?._service?.sdl;
  if (!sdl) throw new Error(`returned no SDL${body.errors?.length ? `: ${body.errors[0]!.message}` : ''}`);
  return sdl;
}
