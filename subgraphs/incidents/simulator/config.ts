import { DEFAULT_SIMULATOR_TOKEN, readSimulatorConfig as readKitConfig, simulatorConfigSchema as kitSchema } from '@devgraph/simulator-kit';

export { DEFAULT_SIMULATOR_TOKEN };
export const PAGERDUTY_SIMULATOR_PORT = 4103;
export const simulatorConfigSchema = kitSchema(PAGERDUTY_SIMULATOR_PORT);
export const readSimulatorConfig = (env: Record<string, string | undefined> = process.env) => readKitConfig(PAGERDUTY_SIMULATOR_PORT, env);
