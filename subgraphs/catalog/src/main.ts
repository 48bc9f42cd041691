import { runService } from '@devgraph/runtime';
import { subgraph } from './subgraph';

void runService(subgraph);
