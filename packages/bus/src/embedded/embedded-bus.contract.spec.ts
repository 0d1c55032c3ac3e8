import { describeBusContract } from '../testing/describe-bus-contract';
import { createEmbeddedBus } from './embedded-bus';

describeBusContract('embedded', () => Promise.resolve({ bus: createEmbeddedBus() }));
