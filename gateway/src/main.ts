import { runService } from '@devgraph/runtime';
import { readGatewayConfig } from './config';
import { startGateway } from './startGateway';

void runService({ service: 'gateway', readConfig: readGatewayConfig, start: startGateway });
