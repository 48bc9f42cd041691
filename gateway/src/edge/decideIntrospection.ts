/** What decides whether the gateway answers introspection and says "Did you mean ...". */
export interface IntrospectionInputs {
  /** `NODE_ENV`; `production` means production posture. */
  nodeEnv?: string;
  /** `SUPERGRAPH_PATH`: serving a reviewed supergraph is how devgraph runs in production. */
  supergraphPath?: string;
  /** `AUTH_MODE`; anything but `none` means the graph is not meant for everyone to explore. */
  authMode?: string;
  /** `INTROSPECTION=on|off`: an explicit choice wins over every default. */
  introspection?: 'on' | 'off';
}

/**
 * Introspection and field suggestions are on for local development and off in production
 * posture: production is chosen by `NODE_ENV=production` or by `SUPERGRAPH_PATH` (the image runs
 * that way without setting NODE_ENV), and turning auth on says the same. A schema tour for
 * strangers is the first step of most GraphQL probing, so production hides it unless asked.
 */
export function decideIntrospection(inputs: IntrospectionInputs): boolean {
  if (inputs.introspection) return inputs.introspection === 'on';
  const production = inputs.nodeEnv === 'production' || inputs.supergraphPath !== undefined;
  const authenticated = inputs.authMode !== undefined && inputs.authMode !== 'none';
  return !production && !authenticated;
}
